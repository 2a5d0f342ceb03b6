package org.fangfei.app.warning;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.fangfei.app.security.ActorDirectory;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.DemoPart;
import org.fangfei.app.shared.Times;
import org.fangfei.app.subject.Subject;
import org.fangfei.app.subject.SubjectQuery;
import org.fangfei.app.subject.Subjects;

import org.springframework.stereotype.Component;

/**
 * The demo county's risk index: the subjects of the demo cases got their signals months
 * before their cases (so the back-test has lead times to show), other ledger subjects get
 * a few signals each (every tier is present), the warnings raised on the way were
 * answered by the townships — one is left overdue — the back-test is computed, and the
 * office has published two risk notices on the portal (风险提示, {@link #NOTICES}). Each
 * signal is written, and each index recomputed, at its own moment in the past
 * ({@link Times#holdAt}), so the index history is what it would have been.
 */
@Component
class DemoWarnings implements DemoPart {

	/** A demo subject's story: its name and the days ago of each signal. */
	private record Story(String name, SignalKind kind, String label, int... daysAgo) {
	}

	private static final List<Story> CASES = List.of(
			new Story("会宁县福寿康养老服务中心", SignalKind.CLUE, "群众举报：预售养老床位承诺高额返利(演示)", 95, 70, 52),
			new Story("会宁县丰收种植农民专业合作社", SignalKind.PATROL, "巡查发现：向非社员吸收入股资金(演示)", 110, 85, 66),
			new Story("会宁县聚源商贸有限公司", SignalKind.AD, "广告资讯命中：消费全额返还(演示)", 160, 130, 100),
			new Story("会宁数字资产交易中心(网络平台)", SignalKind.MONITORING, "资金监测预警：多人小额汇入后集中转出(演示)", 70, 45, 30),
			new Story("会宁县鑫盛财富管理咨询有限公司", SignalKind.CLUE, "部门移交：承诺保本保息年化15%(演示)", 150, 120, 90));

	/** A public risk notice the office published about a demo subject, days ago. */
	record DemoNotice(String subject, int daysAgo, String title, String body) {
	}

	static final List<DemoNotice> NOTICES = List
		.of(new DemoNotice("会宁县福寿康养老服务中心", 40, "关于警惕以“预售养老床位、承诺高额返利”为名非法集资的风险提示(演示)", """
				近期，县处非办在风险监测中发现，会宁县福寿康养老服务中心以预售养老床位、收取“会员费”为名，向老年群众承诺按月返还高额利息、到期全额退本。
				以养老服务为名、承诺还本付息或者给予回报，向社会公众吸收资金，具有非法集资的典型特征。养老机构收取的预付费、会员费有严格的金额和期限限制，不得以此承诺回报。
				县处非办提醒广大群众和老年朋友的家属：
				1. 凡是承诺“高额返利”“保本保息”的养老项目，都要高度警惕，不要轻信推介讲座、免费体检、赠送礼品；
				2. 不要向该机构缴纳大额会员费、床位预订费，不要签订任何投资或借款协议；
				3. 已经缴费的群众，请保存合同、收据和转账记录，向所在乡镇(街道)或县处非办反映。
				发现非法集资线索，可以通过本平台“我要举报”匿名举报。"""), new DemoNotice("会宁县聚源商贸有限公司", 12, "关于“消费全额返还”宣传的风险提示(演示)", """
				近期，网上和部分门店出现会宁县聚源商贸有限公司“消费多少返还多少”“购物全额返还”“加入会员月月分红”的宣传。
				“消费返利”以高比例返还、发展会员拉人头为特征，返还的钱来自后加入者的资金，资金链一旦断裂，参与者将蒙受损失。
				县处非办提醒广大群众：
				1. 不要相信“消费全额返还”“零元购物”之类超出正常商业规律的承诺；
				2. 不要为获取返利预先充值、大额缴纳“会员费”“加盟费”，不要动员亲友加入；
				3. 发现类似宣传，请通过本平台“我要举报”反映，或向所在乡镇(街道)、县处非办举报。"""));

	private final Subjects subjects;

	private final RiskIndex index;

	private final Warnings warnings;

	private final BackTest backTest;

	private final WarningJobs jobs;

	private final ActorDirectory actors;

	private final RiskNotices notices;

	DemoWarnings(Subjects subjects, RiskIndex index, Warnings warnings, BackTest backTest, WarningJobs jobs,
			ActorDirectory actors, RiskNotices notices) {
		this.subjects = subjects;
		this.index = index;
		this.warnings = warnings;
		this.backTest = backTest;
		this.jobs = jobs;
		this.actors = actors;
		this.notices = notices;
	}

	@Override
	public String name() {
		return "warning.indices";
	}

	@Override
	public int order() {
		return 150;
	}

	@Override
	public boolean history() {
		return true;
	}

	@Override
	public void run() {
		long ref = 9_000_000_000L;
		for (Story story : CASES) {
			Optional<Subject> s = this.subjects.soleNamed(story.name());
			if (s.isEmpty()) {
				continue;
			}
			this.index.know(s.get());
			for (int days : story.daysAgo()) {
				ref++;
				at(days, story.kind(), s.get().id(), ref, story.label());
			}
		}
		List<Subject> ledger = this.subjects.list(SubjectQuery.all(), DataScope.all(), 60);
		int i = 0;
		for (Subject s : ledger) {
			this.index.know(s);
			int signals = i++ % 4;
			for (int k = 0; k < signals; k++) {
				ref++;
				at(20 + 15 * k + i, k % 2 == 0 ? SignalKind.CLUE : SignalKind.PATROL, s.id(), ref,
						k % 2 == 0 ? "群众举报：宣传高息理财(演示)" : "巡查发现：门店张贴投资返利海报(演示)");
			}
		}
		this.jobs.run(Times.now(), Times.today());
		answerAllButOne();
		this.backTest.compute(Times.now());
		publishNotices();
	}

	/**
	 * The office publishes the risk notices from the subjects' index pages, through the
	 * service (the same checks and audit entry), each at its own day in the past.
	 */
	void publishNotices() {
		Actor office = this.actors.actorOf("office");
		for (DemoNotice n : NOTICES) {
			Optional<Subject> s = this.subjects.soleNamed(n.subject());
			if (s.isEmpty()) {
				continue;
			}
			this.index.know(s.get());
			try (Times.Held held = Times.holdAt(Times.now().minusDays(n.daysAgo()))) {
				this.notices.publish(s.get().id(), n.title(), n.body(), office);
			}
		}
	}

	/** A signal written, and the index recomputed, as of {@code days} ago. */
	private void at(int days, SignalKind kind, long subjectId, long ref, String label) {
		OffsetDateTime when = Times.now().minusDays(days);
		try (Times.Held held = Times.holdAt(when)) {
			this.index.signal(subjectId, kind, kind.name(), ref, 1.2, when, label, null);
			this.index.recompute(subjectId, when).forEach(this.warnings::raise);
		}
	}

	/**
	 * The townships answer their warnings a few days after each was raised, except the
	 * newest open one, which is left overdue (and escalated by the nightly pass).
	 */
	private void answerAllButOne() {
		List<WarningRecord> open = this.warnings.list(DataScope.all(), "OPEN", null, 500);
		Optional<WarningRecord> keep = open.stream().filter(w -> w.dueOn().isBefore(Times.today())).findFirst();
		for (WarningRecord w : open) {
			if (keep.isPresent() && keep.get().id() == w.id()) {
				continue;
			}
			if (!w.dueOn().isBefore(Times.today())) {
				continue;
			}
			Actor township = township(w.regionCode());
			if (township == null) {
				continue;
			}
			OffsetDateTime when = w.raisedAt().plusDays(2);
			LocalDate visited = when.atZoneSameInstant(Times.zone()).toLocalDate();
			try (Times.Held held = Times.holdAt(when)) {
				this.warnings.answer(w.id(),
						new WarningResponse("已约谈负责人，核查宣传材料和资金往来(演示)", "责令停止违规宣传，纳入重点巡查，督促退还资金(演示)",
								w.tier() == Tier.RED ? "RED" : "ORANGE", w.tier() == Tier.RED ? visited : null,
								w.tier() == Tier.RED ? "县处非办会同乡镇现场指导处置(演示)" : null),
						township);
			}
		}
		this.warnings.escalateOverdue(Times.today());
	}

	private Actor township(String regionCode) {
		String unit = regionCode.substring(0, 9);
		for (String name : List.of("huishi", "hepan")) {
			try {
				Actor a = this.actors.actorOf(name);
				if (a.regionCode() != null && a.regionCode().startsWith(unit)) {
					return a;
				}
			}
			catch (RuntimeException ex) {
				// an account the county does not have
			}
		}
		try {
			return this.actors.actorOf("office");
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
