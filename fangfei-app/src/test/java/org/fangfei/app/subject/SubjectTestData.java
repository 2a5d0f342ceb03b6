package org.fangfei.app.subject;

import java.util.concurrent.atomic.AtomicInteger;

import org.fangfei.app.shared.CreditCode;
import org.fangfei.app.shared.PersonalData;

/**
 * Identifiers for tests that share one database: each call gives a valid credit code or
 * ID number no other test uses.
 */
final class SubjectTestData {

	private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 100_000));

	private SubjectTestData() {
	}

	/** A valid 统一社会信用代码 of the demo county, unique in this JVM. */
	static String creditCode() {
		String first17 = "91620422MA" + String.format("%07d", NEXT.incrementAndGet());
		return first17 + CreditCode.checkCharacter(first17);
	}

	/** A valid 公民身份号码 born in the demo county, unique in this JVM. */
	static String idNumber() {
		int n = NEXT.incrementAndGet();
		String born = java.time.LocalDate.of(1960, 1, 1)
			.plusDays(n % 20_000)
			.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
		String first17 = "620422" + born + String.format("%03d", n % 1000);
		return first17 + PersonalData.idCheckCharacter(first17);
	}

	static SubjectForm form(String name, String region, String sector, SubjectStatus status) {
		return new SubjectForm(SubjectKind.ENTERPRISE, name, null, null, null, null, null, null, null, region, null,
				sector, null, null, status, null, null);
	}

}
