package org.fangfei.app.casefile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.DemoPart;
import org.fangfei.app.shared.PersonalData;
import org.fangfei.app.shared.Times;
import org.fangfei.app.subject.Subject;
import org.fangfei.app.subject.Subjects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo county's case ledger (a demo part: the county must be loaded), beside
 * {@link DemoCrossProvinceCase}: a case at every stage of both paths, linked to the demo
 * ledger's subjects, and the key case — 会宁县金穗农业发展有限公司, 1.56 亿元 raised from 4,100 people
 * in 会宁 and 四川, criminal filing 2020, judged, now in enforcement, with its task force
 * (一案一专班), timetable, assets and a register of participants whose claims were checked.
 * {@link DemoCaseSteps} takes it on once its stability risk was assessed: the leader who
 * owns it, the move to 清退 and the first refund batch. Everything goes through the
 * services with their checks; names and ID numbers are invented (valid check characters).
 */
@Component
class DemoCases implements DemoPart {

	static final String KEY_CASE = "会宁县金穗农业发展有限公司集资诈骗案（演示）";

	static final String TO_TRIAL = "会宁县汇金通投资咨询有限公司非法吸收公众存款案（演示）";

	private static final String COUNTY = "620422000000";

	private final CaseRegistry registry;

	private final KeyCases keyCases;

	private final CaseAssets assets;

	private final Participants participants;

	private final CaseDuties duties;

	private final CrossProvinceRegister register;

	private final Subjects subjects;

	private final JdbcClient jdbc;

	DemoCases(CaseRegistry registry, KeyCases keyCases, CaseAssets assets, Participants participants, CaseDuties duties,
			CrossProvinceRegister register, Subjects subjects, JdbcClient jdbc) {
		this.registry = registry;
		this.keyCases = keyCases;
		this.assets = assets;
		this.participants = participants;
		this.duties = duties;
		this.register = register;
		this.subjects = subjects;
		this.jdbc = jdbc;
	}

	static Actor office() {
		return new Actor(0, "system", "演示数据", COUNTY, null, true, Set.of("OFFICE"),
				Set.of(CaseRegistry.PERMISSION, KeyCases.SUPERVISE, RefundBatches.PERMISSION, "casefile:claim:manage"),
				DataScope.all());
	}

	@Override
	public String name() {
		return "casefile.cases";
	}

	@Override
	public int order() {
		return 61;
	}

	@Override
	public void run() {
		boolean county = this.jdbc.sql("select count(*) from region where code = '620422100001'")
			.query(Long.class)
			.single() > 0;
		boolean done = this.jdbc.sql("select count(*) from case_file where title = :t")
			.param("t", KEY_CASE)
			.query(Long.class)
			.single() > 0;
		if (county && !done) {
			load();
		}
	}

	private void load() {
		Actor actor = office();
		LocalDate today = Times.today();
		// the administrative path
		register(actor, "会宁县福寿康养老服务中心以预售养老床位名义吸收资金案（演示）", CasePath.ADMINISTRATIVE, CaseStage.ADMIN_INVESTIGATION,
				today.minusDays(25), "会金融调〔演示〕2号", "会宁县地方金融监督管理局", "620422100000", "ELDERLY_CARE", "ELDERLY_CARE",
				"3800000", 86, "2100000", null, "会宁县福寿康养老服务中心");
		register(actor, "会宁县丰收种植农民专业合作社超范围吸收社员资金案（演示）", CasePath.ADMINISTRATIVE, CaseStage.ADMIN_DETERMINATION,
				today.minusDays(40), "会金融认〔演示〕1号", "会宁县地方金融监督管理局", "620422102000", "FARMER_COOPERATIVE",
				"COOPERATIVE_SHARES", "2600000", 140, "900000", null, "会宁县丰收种植农民专业合作社");
		// 处罚/取缔 puts the subject on the credit list (credit listens to the stage)
		register(actor, "会宁县聚源商贸有限公司以消费返利名义非法集资案（演示）", CasePath.ADMINISTRATIVE, CaseStage.PENALTY, today.minusDays(60),
				"会市监罚〔演示〕5号", "会宁县市场监督管理局", "620422100000", "COMMERCE_SERVICE", "CONSUMPTION_REBATE", "1500000", 210,
				"600000", null, "会宁县聚源商贸有限公司");
		long closed = register(actor, "会宁县金桥置业有限公司售后包租案（演示）", CasePath.ADMINISTRATIVE, CaseStage.PENALTY,
				today.minusYears(2), "会住建罚〔演示〕3号", "会宁县住房和城乡建设局", "620422100000", "REAL_ESTATE", "LEASEBACK", "6800000",
				95, "0", null, "会宁县金桥置业有限公司");
		this.registry.advance(closed, version(closed), new StageEntry(CaseStage.CLOSED, today.minusMonths(10),
				"会处非结〔演示〕1号", "会宁县防范和处置非法集资工作领导小组办公室", "集资款已全部退还，罚款缴清，结案"), actor);
		// the criminal path
		register(actor, "会宁数字资产交易中心虚拟币投资非法集资案（演示）", CasePath.CRIMINAL, CaseStage.FILED, today.minusDays(12),
				"会公(经)立字〔演示〕7号", "会宁县公安局", "620422100000", "VIRTUAL_CURRENCY", "VIRTUAL_CURRENCY", "9600000", 380,
				"7200000", null, "会宁数字资产交易中心(网络平台)");
		long xinsheng = register(actor, "会宁县鑫盛财富管理咨询有限公司非法吸收公众存款案（演示）", CasePath.CRIMINAL, CaseStage.PROSECUTION,
				today.minusMonths(2), "会检诉受〔演示〕4号", "会宁县人民检察院", "620422100000", "WEALTH_MANAGEMENT",
				"GUARANTEED_HIGH_RETURN", "21000000", 640, "13500000", today.minusYears(1), "会宁县鑫盛财富管理咨询有限公司");
		// the register the investigation handed over, imported and waiting to be checked
		StringBuilder csv = new StringBuilder(String.join(",", Participants.TEMPLATE)).append('\n');
		people(12, 300).forEach(p -> csv.append(String.join(",", p)).append('\n'));
		this.participants.importFile(xinsheng, version(xinsheng), "鑫盛财富案参与人名册（公安移交）.csv",
				new java.io.ByteArrayInputStream(csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
				actor);
		// tried once its assessment exists (DemoCaseSteps)
		register(actor, TO_TRIAL, CasePath.CRIMINAL, CaseStage.PROSECUTION, today.minusMonths(4), "会检诉受〔演示〕2号",
				"会宁县人民检察院", "620422101000", "INVESTMENT_CONSULTING", "PRINCIPAL_BACK_SALES", "4300000", 150, "2800000",
				today.minusYears(1).minusMonths(6), null);
		register(actor, "会宁县康乐保健品店以会员返利名义集资案（演示）", CasePath.CRIMINAL, CaseStage.ENFORCEMENT, today.minusMonths(7),
				"(2025)甘0422刑初88号", "会宁县人民法院", "620422100000", "HEALTH_PRODUCTS", "MEMBERSHIP_REBATE", "1200000", 65,
				"800000", today.minusYears(2), null);
		keyCase(actor, today);
	}

	/**
	 * The key case: ≥ 1 亿元, filed more than five years ago, across provinces; listed
	 * supervision and the leader come in {@link DemoCaseSteps}.
	 */
	private void keyCase(Actor actor, LocalDate today) {
		long id = register(actor, KEY_CASE, CasePath.CRIMINAL, CaseStage.ENFORCEMENT, today.minusMonths(14),
				"(2024)甘04刑初12号", "白银市中级人民法院", COUNTY, "AGRICULTURE", "FAKE_PROJECT", "156000000", 4100, "98000000",
				LocalDate.of(2020, 9, 16), null, "620422102000", "620422104000", "510104000000");
		this.duties.assign(id, version(id), Duty.COMMAND, "620422000000", "会宁县金穗案工作专班", null, actor);
		this.duties.assign(id, version(id), Duty.REQUIREMENTS, "620422000000", "会宁县人民检察院", null, actor);
		this.duties.assign(id, version(id), Duty.INVESTIGATION, "620422000000", "会宁县公安局", "主案侦办地", actor);
		this.duties.assign(id, version(id), Duty.ASSET_POLICY, "620422000000", "会宁县人民法院", "资产统一评估拍卖，按比例清退", actor);
		this.duties.assign(id, version(id), Duty.STABILITY, "510104000000", "成都市锦江区防范和处置非法集资办公室", "负责四川籍集资参与人的登记和维稳",
				actor);
		this.register.record(id, version(id), new CrossProvinceRegister.Entry(CrossProvinceRegister.Role.LEAD, null,
				3300, "121000000", "县处非办 张建军 0943-3221100", "已与四川省成都市锦江区约定统一资产处置和清退比例；四川籍参与人由锦江区登记"), actor);
		this.keyCases.handle(id, version(id), new KeyCases.Handling("集资参与人4100人，其中60岁以上老人约四成，曾多次集体上访",
				"2026年12月底前完成首批清退；2027年3月底前完成资产二次拍卖；2027年6月底前完成第二批清退"), actor);
		member(actor, id, "会宁县防范和处置非法集资工作领导小组办公室", "张建军", "专班召集人，统筹协调");
		member(actor, id, "会宁县公安局经侦大队", "王志刚", "追赃挽损，资金穿透");
		member(actor, id, "会宁县人民法院执行局", "李文华", "资产拍卖和清退款发放");
		member(actor, id, "会宁县信访局", "马小燕", "信访接待和矛盾化解");
		member(actor, id, "河畔镇人民政府", "赵国栋", "属地参与人排查和稳控");
		this.assets.add(id, version(id), new CaseAssets.AssetForm("冻结银行账户资金（12个账户）", AssetStatus.REALISED, "18600000",
				"18600000", today.minusMonths(10), "会宁县公安局"), actor);
		this.assets.add(id, version(id), new CaseAssets.AssetForm("金穗农业名下办公楼一栋（司法拍卖）", AssetStatus.REALISED, "9200000",
				"7850000", today.minusMonths(3), "会宁县人民法院"), actor);
		this.assets.add(id, version(id), new CaseAssets.AssetForm("实际控制人名下车辆三辆", AssetStatus.SEIZED, "860000", null,
				today.minusMonths(20), "会宁县公安局"), actor);
		this.assets.add(id, version(id), new CaseAssets.AssetForm("成都市锦江区商铺两间", AssetStatus.FROZEN, "5400000", null,
				today.minusMonths(18), "成都市锦江区人民法院"), actor);
		List<String[]> people = people(40, 100);
		for (String[] p : people) {
			this.participants.add(id, version(id), new Participants.ParticipantForm(p[0], p[1], p[2], p[3], p[4]),
					actor);
		}
		this.participants.acceptWaiting(id, version(id), actor);
	}

	private void member(Actor actor, long id, String unit, String person, String duty) {
		this.keyCases.addMember(id, version(id), new KeyCases.Member(unit, person, duty), actor);
	}

	/**
	 * Invented participants: name, ID number (serials from {@code base}), phone, put in,
	 * got back.
	 */
	static List<String[]> people(int count, int base) {
		String[] surnames = { "王", "李", "张", "刘", "陈", "杨", "赵", "马", "周", "吴" };
		String[] given = { "秀英", "建国", "桂兰", "玉梅", "志强", "春花", "海燕", "德明" };
		List<String[]> people = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String name = surnames[i % surnames.length] + given[(i * 3) % given.length];
			int year = 1948 + (i * 7) % 40;
			String first17 = "620422" + year + String.format("%02d%02d", 1 + i % 12, 1 + (i * 5) % 28)
					+ String.format("%03d", base + i);
			String idNumber = first17 + PersonalData.idCheckCharacter(first17);
			long invested = 20_000 + (i * 37_000L) % 280_000;
			long received = i % 3 == 0 ? invested / 10 : 0;
			people.add(new String[] { name, idNumber, "139094" + String.format("%05d", 30_000 + base + i),
					Long.toString(invested), Long.toString(received) });
		}
		return people;
	}

	private long register(Actor actor, String title, CasePath path, CaseStage stage, LocalDate on, String doc,
			String unit, String region, String sector, String scheme, String amount, int count, String loss,
			LocalDate criminalFiledOn, String subjectName, String... involved) {
		List<Long> subjectIds = subjectName == null ? List.of()
				: this.subjects.soleNamed(subjectName).map(Subject::id).map(List::of).orElse(List.of());
		return this.registry.register(new CaseForm(null, title, CaseOrigin.LEGACY, path, stage, on, doc, unit, region,
				sector, scheme, amount, count, loss, criminalFiledOn, subjectIds, List.of(involved)), actor);
	}

	private int version(long id) {
		return this.jdbc.sql("select version from case_file where id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

}
