package org.fangfei.app.petition;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.fangfei.app.casefile.CaseDirectory;
import org.fangfei.app.casefile.SensitiveStep;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.DemoPart;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.PersonalData;
import org.fangfei.app.shared.Times;
import org.fangfei.app.subject.SubjectQuery;
import org.fangfei.app.subject.Subjects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo petitions and stability work in 会宁县 when there are none, made through the same
 * services as any other: petitions across the four channels and every state (one past its
 * deadline, flagged by the deadline watch), key persons with contact records, a few
 * disputes of the 矛盾摸排 register, and, when the county has an open case, a petition about
 * it and its assessments before trial and refunds. Names are invented; ID numbers carry a
 * valid check character.
 */
@Component
class DemoStability implements DemoPart {

	static final String COUNTY = "620422000000";

	private final PetitionDesk desk;

	private final PetitionWatch watch;

	private final KeyPersons keyPersons;

	private final Disputes disputes;

	private final Assessments assessments;

	private final Subjects subjects;

	private final CaseDirectory cases;

	private final JdbcClient jdbc;

	DemoStability(PetitionDesk desk, PetitionWatch watch, KeyPersons keyPersons, Disputes disputes,
			Assessments assessments, Subjects subjects, CaseDirectory cases, JdbcClient jdbc) {
		this.desk = desk;
		this.watch = watch;
		this.keyPersons = keyPersons;
		this.disputes = disputes;
		this.assessments = assessments;
		this.subjects = subjects;
		this.cases = cases;
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "petition.stability";
	}

	@Override
	public int order() {
		return 90;
	}

	static Actor office() {
		return new Actor(0, "system", "演示数据", COUNTY, null, true, Set.of("OFFICE"),
				Set.of(Petitions.EDIT, KeyPersons.EDIT, Assessments.EDIT), DataScope.jurisdiction(COUNTY));
	}

	@Override
	public void run() {
		Actor actor = office();
		LocalDate today = Times.today();
		Long subject = this.subjects
			.search(new SubjectQuery("鑫盛财富", null, null, null, null, null, null, null), actor.scope(),
					PageRequest.of(1, 1))
			.items()
			.stream()
			.findFirst()
			.map(s -> s.id())
			.orElse(null);
		List<CaseDirectory.CaseRef> open = this.cases.recentOpen(actor.scope(), 50);
		Long caseId = open.stream()
			.filter(c -> c.title().contains("鑫盛财富"))
			.findFirst()
			.or(() -> open.stream().findFirst())
			.map(c -> c.id())
			.orElse(null);

		petition(Channel.VISIT, today.minusDays(3), "620422100001", LevelReached.COUNTY, 12, caseId, subject,
				"投资鑫盛财富理财产品到期未兑付，要求尽快立案追赃、返还本金", List.of(p("王秀英", 1), p("李建国", 2), p("张桂兰", 3)));
		petition(Channel.LETTER, today.minusDays(40), "620422100000", LevelReached.COUNTY, 1, null, subject,
				"反映会师镇某公司以养老服务为名收取会员费，要求退还", List.of(p("赵德明", 4)));
		long extended = petition(Channel.ONLINE, today.minusDays(30), "620422102000", LevelReached.CITY, 2, null, null,
				"反映合作社入股分红停止，要求核实合作社资金去向", List.of(p("孙玉梅", 5), p("周志强", 6)));
		long replied = petition(Channel.PHONE, today.minusDays(50), "620422100003", LevelReached.COUNTY, 1, null, null,
				"咨询集资参与人登记和清退政策", List.of(p("吴海燕", 7)));
		long refused = petition(Channel.VISIT, today.minusDays(20), "620422101001", LevelReached.PROVINCE, 6, null,
				null, "赴省反映对已判决案件的清退比例不满，要求提高清退比例", List.of(p("郑家豪", 8), p("冯淑珍", 9)));
		this.desk.move(extended, Petition.Move.ACCEPT, accept(extended, today.minusDays(28)), actor);
		this.desk.move(extended, Petition.Move.EXTEND,
				new PetitionDesk.MoveInput(version(extended), null, null, "需调取合作社账户流水，情况复杂", 20, null, null), actor);
		this.desk.move(replied, Petition.Move.ACCEPT, accept(replied, today.minusDays(48)), actor);
		this.desk.move(replied, Petition.Move.REPLY, new PetitionDesk.MoveInput(version(replied), today.minusDays(20),
				null, null, null, "已告知集资参与人登记渠道和清退政策，并提供登记表", null), actor);
		this.desk.move(replied, Petition.Move.RATE,
				new PetitionDesk.MoveInput(version(replied), null, null, null, null, null, Satisfaction.SATISFIED),
				actor);
		this.desk.move(refused, Petition.Move.REFUSE, new PetitionDesk.MoveInput(version(refused), today.minusDays(18),
				null, "属于已进入诉讼程序的事项，依照诉访分离原则引导通过法律途径解决", null, null, null), actor);
		this.watch.check(today);

		long k1 = this.keyPersons.create(new KeyPersons.KeyPersonForm("620422100001", "王秀英", id(1), "13909431001",
				caseId, "鑫盛财富集资参与人代表，多次组织集体访", StabilityRisk.HIGH, "刘建华", "会师镇人民政府"), actor);
		this.keyPersons.contact(k1, 0, today.minusDays(2), ContactWay.VISIT, "刘建华", "情绪平稳，关注立案进展，表示等待答复", false, actor);
		long k2 = this.keyPersons.create(new KeyPersons.KeyPersonForm("620422101001", "郑家豪", id(8), "13909431008", null,
				"对清退比例不满，曾赴省上访", StabilityRisk.MEDIUM, "马文涛", "河畔镇人民政府"), actor);
		this.keyPersons.contact(k2, 0, today.minusDays(5), ContactWay.PHONE, "马文涛", "称近期可能再次赴省，已做解释疏导", true, actor);

		this.disputes.create(new Disputes.DisputeForm("620422100001", today.minusDays(6), DisputeSource.PATROL,
				"村民与鑫盛财富业务员", 15, "860000", "村民投资理财产品逾期未兑付，在业务员家门口聚集讨要", caseId, subject), actor);
		long d2 = this.disputes.create(new Disputes.DisputeForm("620422102001", today.minusDays(15), DisputeSource.GRID,
				"合作社社员与合作社负责人", 23, "410000", "社员入股资金无法退出，与合作社负责人发生争执", null, null), actor);
		this.disputes.progress(d2, 0, DisputeStatus.RESOLVING, "镇村干部入户解释，已约请合作社负责人说明资金去向", true, actor);
		this.disputes.create(new Disputes.DisputeForm("620422100003", today.minusDays(25), DisputeSource.VISIT,
				"老年人与养老服务中心", 4, "120000", "预交养老服务费后机构停止服务", null, null), actor);

		// 三同步: every case approaching trial or refunds is assessed first
		for (CaseDirectory.CaseRef c : this.cases.approaching(SensitiveStep.REFUND_START, actor.scope())) {
			this.assessments.record(new Assessments.AssessmentForm(c.id(), SensitiveStep.REFUND_START,
					StabilityRisk.HIGH, today.minusDays(8), "县处非办会同县公安局、县信访局", "集资参与人人数多，对清退比例期望高，可能聚集",
					"清退方案公开前逐户解释；设立咨询点；公安做好现场秩序维护；统一对外口径"), actor);
		}
		for (CaseDirectory.CaseRef c : this.cases.approaching(SensitiveStep.TRIAL, actor.scope())) {
			this.assessments.record(new Assessments.AssessmentForm(c.id(), SensitiveStep.TRIAL, StabilityRisk.MEDIUM,
					today.minusDays(12), "县处非办会同县人民法院、县公安局", "开庭时集资参与人可能到庭外聚集", "开庭前告知参与人旁听安排；法院设立接待点；公安维护庭外秩序"),
					actor);
		}
		if (caseId != null) {
			this.assessments.record(new Assessments.AssessmentForm(caseId, SensitiveStep.PUBLIC_STATEMENT,
					StabilityRisk.MEDIUM, today.minusDays(1), "县处非办", "通报发布后可能引发集中来访", "同步发布参与人登记渠道，安排接待人员"), actor);
		}
	}

	private long petition(Channel channel, LocalDate on, String region, LevelReached level, int count, Long caseId,
			Long subject, String request, List<PetitionForm.Petitioner> people) {
		return this.desk.register(
				new PetitionForm(channel, on, region, null, level, count, caseId, subject, request, people), office());
	}

	private PetitionDesk.MoveInput accept(long id, LocalDate on) {
		return new PetitionDesk.MoveInput(version(id), on, "当面告知", null, null, null, null);
	}

	private int version(long id) {
		return this.jdbc.sql("select version from petition where id = :id")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

	private static PetitionForm.Petitioner p(String name, int serial) {
		return new PetitionForm.Petitioner(name, id(serial), "1390943" + String.format("%04d", 1000 + serial));
	}

	static String id(int serial) {
		String first17 = "62042219650301" + String.format("%03d", 100 + serial);
		return first17 + PersonalData.idCheckCharacter(first17);
	}

}
