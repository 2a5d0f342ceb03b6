package org.fangfei.app.clue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * 核查报告: who went (at least two, 条例 art. 21), when, what they found, and the figures they
 * verified.
 *
 * @param investigators names separated by 、 , ， ; or spaces
 * @param visitedOn the day of the on-site check
 * @param findings what the check found
 * @param amount the amount involved as verified, in yuan; blank keeps the registered one
 * @param peopleCount the participants as verified; null keeps the registered number
 */
public record VerificationForm(String investigators, LocalDate visitedOn, String findings, String amount,
		Integer peopleCount) {

	/** A report without verified figures. */
	public VerificationForm(String investigators, LocalDate visitedOn, String findings) {
		this(investigators, visitedOn, findings, null, null);
	}

	List<String> investigatorList() {
		return this.investigators == null ? List.of() : Arrays.asList(this.investigators.split("[、,，;；\\s]+"));
	}

}
