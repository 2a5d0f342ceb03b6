package org.fangfei.app.subject;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.DemoNames;
import org.fangfei.app.shared.DemoPart;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The year of history's subjects: {@value #COUNT} enterprises, cooperatives and shops
 * across the key sectors in every township and village of 会宁县, each registered through
 * {@link Subjects#create} (the same checks as the form) at a moment of the past twelve
 * months, with credit codes that pass GB 32100 and risk levels weighted towards the low
 * tiers. Names are invented.
 */
@Component
class DemoSubjects implements DemoPart {

	static final int COUNT = 3000;

	/** Sector, scheme, business words, business scope. */
	private record Line(String sector, String scheme, String trade, String scope) {
	}

	private static final List<Line> LINES = List.of(
			new Line("INVESTMENT_CONSULTING", "GUARANTEED_HIGH_RETURN", "投资咨询有限公司", "投资咨询；企业管理咨询"),
			new Line("THIRD_PARTY_WEALTH", "GUARANTEED_HIGH_RETURN", "财富管理咨询有限公司", "财富管理咨询；资产管理咨询"),
			new Line("WEALTH_MANAGEMENT", "GUARANTEED_HIGH_RETURN", "信息咨询服务有限公司", "理财信息咨询；经济信息咨询"),
			new Line("PRIVATE_LENDING_AGENCY", "PRIVATE_LOAN", "投资担保服务有限公司", "民间借贷信息中介；企业信用咨询"),
			new Line("PRIVATE_FUND", "ORIGINAL_SHARES", "股权投资管理有限公司", "股权投资；投资管理"),
			new Line("ELDERLY_CARE", "ELDERLY_CARE", "养老服务中心", "养老服务；健康咨询；老年用品销售"),
			new Line("FARMER_COOPERATIVE", "COOPERATIVE_SHARES", "种植农民专业合作社", "小杂粮、马铃薯种植、收购、销售"),
			new Line("FARMER_COOPERATIVE", "COOPERATIVE_SHARES", "养殖农民专业合作社", "肉羊、肉牛养殖、销售"),
			new Line("MICROLOAN", "PRIVATE_LOAN", "小额贷款有限公司", "发放小额贷款；财务咨询"),
			new Line("FINANCING_GUARANTEE", "PRIVATE_LOAN", "融资担保有限公司", "贷款担保；票据承兑担保"),
			new Line("REAL_ESTATE", "LEASEBACK", "置业有限公司", "房地产开发经营；商铺租售"),
			new Line("VIRTUAL_CURRENCY", "VIRTUAL_CURRENCY", "网络科技有限公司", "区块链技术服务；数字藏品发行"),
			new Line("CULTURE_TOURISM", "FAKE_PROJECT", "文化旅游开发有限公司", "旅游景区开发；文化活动策划"),
			new Line("FILM_INVESTMENT", "FAKE_PROJECT", "影视文化传媒有限公司", "影视策划；文化艺术交流"),
			new Line("DEBT_RELIEF", "OTHER", "债务咨询服务有限公司", "债务规划咨询；信用修复咨询"),
			new Line("AGRICULTURE", "FAKE_PROJECT", "农业科技开发有限公司", "农业技术推广；中药材种植"),
			new Line("COMMERCE_SERVICE", "CONSUMPTION_REBATE", "商贸有限公司", "日用百货销售；会员消费返利活动"),
			new Line("COMMERCE_SERVICE", "MEMBERSHIP_REBATE", "电子商务有限公司", "网上商品销售；会员服务"),
			new Line("EDUCATION", "PRINCIPAL_BACK_SALES", "教育咨询有限公司", "教育咨询；课外培训预付课程"),
			new Line("HEALTH_PRODUCTS", "PRINCIPAL_BACK_SALES", "健康科技有限公司", "保健食品销售；健康讲座"));

	private final Subjects subjects;

	private final JdbcClient jdbc;

	DemoSubjects(Subjects subjects, JdbcClient jdbc) {
		this.subjects = subjects;
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "subject.year";
	}

	@Override
	public int order() {
		return 100;
	}

	@Override
	public boolean history() {
		return true;
	}

	@Override
	public void run() {
		DemoNames demo = new DemoNames(100);
		List<String> villages = this.jdbc
			.sql("select code from region where level = 'VILLAGE' and code like '620422%' order by code")
			.query(String.class)
			.list();
		java.util.Map<String, String> names = new java.util.HashMap<>();
		this.jdbc.sql("select code, name from region where code like '620422%'")
			.query((rs, i) -> names.put(rs.getString(1), rs.getString(2)))
			.list();
		Set<String> taken = new HashSet<>();
		DemoLedger.DEMOS.forEach(d -> taken.add(d.name() + "@" + d.region()));
		SubjectStatus[] statuses = SubjectStatus.values();
		for (int n = 0; n < COUNT; n++) {
			Line line = demo.pick(LINES);
			String village = demo.pick(villages);
			// a third of the enterprises are registered at the county seat's townships
			String region = demo.chance(0.3) ? village.substring(0, 9) + "000" : village;
			String name;
			do {
				name = "会宁县" + demo.firm() + demo.firm().charAt(0) + line.trade();
			}
			while (!taken.add(name + "@" + region));
			boolean cooperative = line.trade().contains("合作社");
			boolean shop = !cooperative && demo.chance(0.08);
			SubjectKind kind = cooperative ? SubjectKind.ORGANISATION
					: shop ? SubjectKind.INDIVIDUAL_BUSINESS : SubjectKind.ENTERPRISE;
			if (shop) {
				name = name.replace("有限公司", "经营部").replace("中心", "经营部");
				taken.add(name + "@" + region);
			}
			String code = shop ? null : DemoNames.creditCode(cooperative ? "93" : "91", "620422", 10_000 + n);
			int r = demo.below(100);
			RiskLevel risk = r < 5 ? RiskLevel.RED
					: r < 15 ? RiskLevel.ORANGE : r < 40 ? RiskLevel.YELLOW : RiskLevel.BLUE;
			SubjectStatus status = demo.chance(0.85) ? SubjectStatus.WATCHING : statuses[demo.below(statuses.length)];
			SubjectForm form = new SubjectForm(kind, name, code, null, demo.personName(),
					"甘肃省白银市会宁县" + names.get(village.substring(0, 9) + "000") + names.get(village), null, null, null,
					region, null, line.sector(), demo.chance(0.6) ? line.scheme() : null, risk, status, line.scope(),
					null);
			try (Times.Held held = Times.holdAt(demo.daysAgo(365 - n * 365 / COUNT))) {
				this.subjects.create(form, DataScope.all(), "system");
			}
		}
	}

}
