package org.fangfei.app.subject;

import java.util.List;

import org.fangfei.app.shared.CreditCode;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.DemoPart;

import org.springframework.stereotype.Component;

/**
 * A few demo subjects in 会宁县 on an empty ledger, registered through the same checks as
 * any other: they show the supervising department by sector, the statutory word flag and
 * the risk levels. All names are invented; credit codes are made up with a valid check
 * character.
 */
@Component
class DemoLedger implements DemoPart {

	record Demo(SubjectKind kind, String name, String region, String sector, String scheme, RiskLevel risk,
			SubjectStatus status, String scope) {
	}

	static final List<Demo> DEMOS = List.of(
			new Demo(SubjectKind.ENTERPRISE, "会宁县鑫盛财富管理咨询有限公司", "620422100001", "THIRD_PARTY_WEALTH",
					"GUARANTEED_HIGH_RETURN", RiskLevel.RED, SubjectStatus.WATCHING, "财富管理咨询；投资咨询"),
			new Demo(SubjectKind.ENTERPRISE, "会宁县福寿康养老服务中心", "620422100004", "ELDERLY_CARE", "ELDERLY_CARE",
					RiskLevel.ORANGE, SubjectStatus.RECTIFYING, "养老服务；健康咨询；预收会员费"),
			new Demo(SubjectKind.ORGANISATION, "会宁县丰收种植农民专业合作社", "620422101001", "FARMER_COOPERATIVE",
					"COOPERATIVE_SHARES", RiskLevel.YELLOW, SubjectStatus.WATCHING, "小杂粮种植、收购、销售"),
			new Demo(SubjectKind.ENTERPRISE, "会宁县聚源商贸有限公司", "620422100200", "COMMERCE_SERVICE", "CONSUMPTION_REBATE",
					RiskLevel.YELLOW, SubjectStatus.WATCHING, "日用百货销售；会员消费返利活动"),
			new Demo(SubjectKind.ENTERPRISE, "会宁县金桥置业有限公司", "620422102001", "REAL_ESTATE", "LEASEBACK", RiskLevel.BLUE,
					SubjectStatus.NO_ACTION, "房地产开发经营"),
			new Demo(SubjectKind.PLATFORM, "会宁数字资产交易中心(网络平台)", "620422000000", "VIRTUAL_CURRENCY", "VIRTUAL_CURRENCY",
					RiskLevel.RED, SubjectStatus.CASE_FILED, "数字藏品发行与交易"),
			new Demo(SubjectKind.INDIVIDUAL_BUSINESS, "会师镇老街茶叶店", "620422100003", null, null, null,
					SubjectStatus.WATCHING, "茶叶零售"));

	private final Subjects subjects;

	DemoLedger(Subjects subjects) {
		this.subjects = subjects;
	}

	@Override
	public String name() {
		return "subject.ledger";
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public void run() {
		int n = 0;
		for (Demo d : DEMOS) {
			this.subjects.create(form(d, n++), DataScope.all(), "system");
		}
	}

	private static SubjectForm form(Demo d, int n) {
		String code = null;
		if (d.kind() != SubjectKind.INDIVIDUAL_BUSINESS) {
			String first17 = "91620422MA7DEMX" + String.format("%02d", n);
			code = first17 + CreditCode.checkCharacter(first17);
		}
		return new SubjectForm(d.kind(), d.name(), code, null, null, null, null, null, null, d.region(), null,
				d.sector(), d.scheme(), d.risk(), d.status(), d.scope(), null);
	}

}
