package org.fangfei.app.credit;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.DemoPart;
import org.fangfei.app.shared.Times;
import org.fangfei.app.subject.Subject;
import org.fangfei.app.subject.Subjects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A few demo entries on an empty list, for the demo ledger's subjects, written through
 * the same services as real ones: two listed, one repaired (applied by the office,
 * approved by the office head), one expired by the expiry job. Their source is marked
 * 演示数据, since the demo county has no cases to point to. Documents are invented.
 */
@Component
class DemoCredit implements DemoPart {

	private final CreditEntries entries;

	private final CreditRepairs repairs;

	private final CreditExpiry expiry;

	private final Subjects subjects;

	private final JdbcClient jdbc;

	DemoCredit(CreditEntries entries, CreditRepairs repairs, CreditExpiry expiry, Subjects subjects, JdbcClient jdbc) {
		this.entries = entries;
		this.repairs = repairs;
		this.expiry = expiry;
		this.subjects = subjects;
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "credit.list";
	}

	@Override
	public int order() {
		return 30;
	}

	@Override
	public void run() {
		LocalDate today = Times.today();
		list("会宁县鑫盛财富管理咨询有限公司", BasisKind.ADMIN_PENALTY, "会金融罚〔2026〕3号", "会宁县地方金融监督管理局", today.minusMonths(5));
		list("会宁数字资产交易中心(网络平台)", BasisKind.CRIMINAL_JUDGMENT, "(2025)甘0422刑初15号", "会宁县人民法院", today.minusYears(1));
		Optional<Long> repaired = list("会宁县聚源商贸有限公司", BasisKind.ADMIN_PENALTY, "会市监罚〔2025〕21号", "会宁县市场监督管理局",
				today.minusYears(1).minusMonths(2));
		list("会宁县金桥置业有限公司", BasisKind.ADMIN_PENALTY, "会住建罚〔2022〕7号", "会宁县住房和城乡建设局", today.minusYears(4));
		repaired.ifPresent(entry -> {
			long application = this.repairs.apply(entry, "已全额退还集资款并缴清罚款，整改验收合格", "会市监验〔2026〕4号",
					actor("office", "OFFICE", CreditRepairs.APPLY));
			this.repairs.decide(application, true, "经核实，同意修复",
					actor("chief", "OFFICE_HEAD", RepairNeedsOfficeHead.APPROVE));
		});
		this.expiry.run(today);
	}

	private Optional<Long> list(String name, BasisKind kind, String doc, String unit, LocalDate on) {
		Optional<Subject> subject = this.subjects.soleNamed(name);
		subject.ifPresent(
				s -> this.entries.list(new Listing(List.of(s.id()), kind, "DEMO", 0, "演示", "演示数据", doc, unit, on)));
		return subject
			.flatMap(s -> this.jdbc.sql("select id from credit_entry where subject_id = :s and basis_doc = :d")
				.param("s", s.id())
				.param("d", doc)
				.query(Long.class)
				.optional());
	}

	private static Actor actor(String username, String role, String permission) {
		return new Actor(0, username, "演示数据", "620422000000", null, true, Set.of(role), Set.of(permission),
				DataScope.jurisdiction("620422000000"));
	}

}
