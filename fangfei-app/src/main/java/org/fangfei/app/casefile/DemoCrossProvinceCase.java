package org.fangfei.app.casefile;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.DemoPart;
import org.fangfei.app.shared.PersonalData;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A demo cross-province case in 会宁县 (a {@link DemoPart}, once the demo county is loaded):
 * a criminal case of 1.2 亿元 led by 会师镇 with 河畔镇 and 成都市锦江区 involved, its 三统两分 duties and
 * cross-province register line, a realised asset, two participants on the register, a
 * registration window open, and claims sent through the same service as the public page —
 * waiting, accepted, corrected and refused. Everything goes through the services with
 * their checks; names and ID numbers are invented (valid check characters).
 */
@Component
class DemoCrossProvinceCase implements DemoPart {

	static final String TITLE = "会宁县惠农宝农业科技有限公司非法吸收公众存款案（演示）";

	private final CaseRegistry registry;

	private final Participants participants;

	private final CaseAssets assets;

	private final ClaimWindows windows;

	private final ParticipantClaims claims;

	private final CaseDuties duties;

	private final CrossProvinceRegister register;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	DemoCrossProvinceCase(CaseRegistry registry, Participants participants, CaseAssets assets, ClaimWindows windows,
			ParticipantClaims claims, CaseDuties duties, CrossProvinceRegister register, JdbcClient jdbc,
			TransactionTemplate tx) {
		this.registry = registry;
		this.participants = participants;
		this.assets = assets;
		this.windows = windows;
		this.claims = claims;
		this.duties = duties;
		this.register = register;
		this.jdbc = jdbc;
		this.tx = tx;
	}

	@Override
	public String name() {
		return "casefile.cross-province-case";
	}

	@Override
	public int order() {
		return 60;
	}

	@Override
	public void run() {
		boolean county = this.jdbc.sql("select count(*) from region where code = '620422100001'")
			.query(Long.class)
			.single() > 0;
		boolean done = this.jdbc.sql("select count(*) from case_file where title = :t")
			.param("t", TITLE)
			.query(Long.class)
			.single() > 0;
		if (county && !done) {
			this.tx.executeWithoutResult(status -> load());
		}
	}

	private void load() {
		Actor actor = new Actor(0, "system", "演示数据", "620422000000", null, true, Set.of("OFFICE"),
				Set.of("casefile:case:edit", "casefile:claim:manage", "casefile:refund:manage"), DataScope.all());
		LocalDate filed = LocalDate.now().minusMonths(8);
		long id = this.registry.register(new CaseForm(null, TITLE, CaseOrigin.ASSIGNED, CasePath.CRIMINAL,
				CaseStage.INVESTIGATION, filed.plusMonths(1), "会公(经)侦字〔演示〕1号", "会宁县公安局", "620422100001", "", "",
				"120000000", 3200, "86000000", filed, List.of(), List.of("620422102000", "510104000000")), actor);
		this.duties.assign(id, version(id), Duty.COMMAND, "620422100001", "会宁县打击处置非法集资工作专班", null, actor);
		this.duties.assign(id, version(id), Duty.INVESTIGATION, "510104000000", "成都市公安局锦江区分局", "负责锦江区资金归集账户", actor);
		this.duties.assign(id, version(id), Duty.STABILITY, "620422102000", "河畔镇人民政府", null, actor);
		this.register.record(id, version(id), new CrossProvinceRegister.Entry(CrossProvinceRegister.Role.LEAD, null,
				2900, "78000000", "县处非办 张科长", "已通报四川省成都市锦江区，协商统一资产处置政策"), actor);
		this.assets.add(id, version(id), new CaseAssets.AssetForm("冻结银行账户资金", AssetStatus.REALISED, "12000000",
				"12000000", LocalDate.now().minusDays(20), "会宁县公安局"), actor);
		this.participants.add(id, version(id), new Participants.ParticipantForm("马玉兰", idNumber("62042219560312", 101),
				"13919430001", "80000", "6000"), actor);
		this.participants.add(id, version(id),
				new Participants.ParticipantForm("杨建国", idNumber("62042219620708", 203), "13919430002", "50000", "0"),
				actor);
		this.windows.open(id, version(id), LocalDate.now().minusDays(3), LocalDate.now().plusDays(27),
				"惠农宝案集资参与人信息登记：请本人如实填写出资和已收回金额，并填写本人名下银行账户。登记不收取任何费用。咨询电话 0943-3220000。", actor);
		long window = windowOf(id);
		this.claims.submit(claim(window, "马玉兰", idNumber("62042219560312", 101), "80000", "6000"), List.of());
		this.claims.submit(claim(window, "杨建国", idNumber("62042219620708", 203), "55000", "0"), List.of());
		this.claims.submit(claim(window, "王春花", idNumber("62042219700215", 324), "30000", "2400"), List.of());
		this.claims.submit(claim(window, "李有福", idNumber("62042219680930", 415), "20000", "0"), List.of());
		this.claims.submit(claim(window, "张桂芳", idNumber("62042219751111", 526), "45000", "3000"), List.of());
		List<Long> ids = this.jdbc.sql("select id from case_claim where case_id = :c order by id")
			.param("c", id)
			.query(Long.class)
			.list();
		this.claims.decide(id, version(id), ids.get(0),
				new ParticipantClaims.Decision(ClaimReview.ACCEPTED, null, null, null), actor);
		this.claims.decide(id, version(id), ids.get(1),
				new ParticipantClaims.Decision(ClaimReview.CORRECTED, "50000", "0", "据银行流水，实际转入50000元"), actor);
		this.claims.decide(id, version(id), ids.get(2),
				new ParticipantClaims.Decision(ClaimReview.REFUSED, null, null, "经核查，未向该公司出资，所附收据非该公司出具"), actor);
	}

	private static ClaimForm claim(long window, String name, String idNumber, String invested, String received) {
		return new ClaimForm(window, name, idNumber, "1391943" + idNumber.substring(14, 17) + "9", invested, received,
				"甘肃会宁农村商业银行", name, "6230" + idNumber.substring(6, 14) + "0017", Claimant.SELF, null, null, null, null,
				null, null);
	}

	private static String idNumber(String first14, int serial) {
		String first17 = first14 + serial;
		return first17 + PersonalData.idCheckCharacter(first17);
	}

	private int version(long id) {
		return this.jdbc.sql("select version from case_file where id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

	private long windowOf(long caseId) {
		return this.jdbc.sql("select max(id) from case_claim_window where case_id = :c")
			.param("c", caseId)
			.query(Long.class)
			.single();
	}

}
