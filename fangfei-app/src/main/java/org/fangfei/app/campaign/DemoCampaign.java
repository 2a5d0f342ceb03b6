package org.fangfei.app.campaign;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fangfei.app.security.ActorDirectory;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DemoPart;
import org.fangfei.app.shared.Times;

import org.springframework.stereotype.Component;

/**
 * The demo county runs part of 004's campaign, as a county's real year reads: the office
 * copied four of the template's tasks eleven months ago (2 各街道组织落实 monthly, 6 行业协会商会
 * quarterly, 11 线索核查 — narrowed to the market regulator, which verifies the clues handed
 * on — and 23 处置工作机制 once) and every township with a staff account and the market
 * regulator file their plans (the regulator's returned once and filed again). Nearly
 * every unit reports every period on time; a few report late (逾期补报), 河畔镇 has not reported
 * the last month (逾期未报 now), and a third of the townships have already reported the
 * one-off task. The first half-year's summary is finalised.
 */
@Component
class DemoCampaign implements DemoPart {

	private static final String HUISHI = "620422100000";

	private static final String HEPAN = "620422102000";

	private final Campaigns campaigns;

	private final UnitPlans plans;

	private final Progress progress;

	private final Summaries summaries;

	private final ActorDirectory actors;

	private final CampaignTasks tasks;

	DemoCampaign(Campaigns campaigns, UnitPlans plans, Progress progress, Summaries summaries, ActorDirectory actors,
			CampaignTasks tasks) {
		this.tasks = tasks;
		this.campaigns = campaigns;
		this.plans = plans;
		this.progress = progress;
		this.summaries = summaries;
		this.actors = actors;
	}

	@Override
	public String name() {
		return "campaign.year";
	}

	@Override
	public int order() {
		return 175;
	}

	@Override
	public boolean history() {
		return true;
	}

	/** The template's tasks the demo county runs (their numbers in 004). */
	static final List<Integer> TASKS = List.of(2, 6, 11, 23);

	@Override
	public void run() {
		Actor office = this.actors.actorOf("office");
		Actor market = this.actors.actorOf("market");
		YearMonth first = YearMonth.from(Times.today()).minusMonths(11);
		LocalDate start = first.atDay(1);
		long id;
		try (var held = Times.holdAt(at(start))) {
			id = this.campaigns.copyTemplate(new CampaignForms.Header("会宁县打击非法集资专项行动",
					"会处非办发〔" + first.getYear() + "〕3号", start, start.plusMonths(18).minusDays(1)), TASKS, office);
		}
		Campaign.Task checks = task(this.campaigns.load(id), 11);
		try (var held = Times.holdAt(at(start.plusDays(1)))) {
			// the county's clue verification is led by the market regulator
			this.tasks.save(id, checks.id(),
					new CampaignForms.TaskForm(checks.groupNo(), checks.groupName(), checks.title(), checks.body(),
							checks.period(), checks.dueDay(), checks.dueOn(), List.of(UnitKey.ofActor(market)), "",
							List.of()),
					office);
		}
		Campaign c = this.campaigns.load(id);
		Map<String, Actor> townships = townships(task(c, 2));
		plans(id, townships, market, office, start);
		int n = 0;
		for (Map.Entry<String, Actor> township : townships.entrySet()) {
			townshipReports(c, township.getKey(), township.getValue(), n++);
		}
		for (Period.Slot slot : due(c, task(c, 11))) {
			report(c, task(c, 11), market, slot.key(), slot.dueOn().minusDays(3), "对分流转交的线索组织核实并反馈处置情况。",
					"核查线索：" + (2 + slot.from().getMonthValue() % 4));
		}
		LocalDate half = first.getMonthValue() <= 6 ? LocalDate.of(first.getYear(), 7, 10)
				: LocalDate.of(first.getYear() + 1, 1, 10);
		try (var held = Times.holdAt(at(half))) {
			String h = first.getMonthValue() <= 6 ? first.getYear() + "-H1" : first.getYear() + "-H2";
			long summary = this.summaries.draft(id, h, office);
			this.summaries.finalise(id, summary, office);
		}
	}

	/**
	 * The townships of the task with the account that reports for each: the business
	 * accounts of 会师镇 and 河畔镇, the demo's staff account elsewhere; a township without one
	 * is left out (it shows as 逾期未报, as it would).
	 */
	private Map<String, Actor> townships(Campaign.Task task) {
		Map<String, Actor> out = new LinkedHashMap<>();
		for (Campaign.Unit u : task.units()) {
			if (u.regionCode() == null) {
				continue;
			}
			Optional<Actor> actor = HUISHI.equals(u.regionCode()) ? Optional.of(this.actors.actorOf("huishi"))
					: HEPAN.equals(u.regionCode()) ? Optional.of(this.actors.actorOf("hepan"))
							: this.actors.demoStaffOf(u.regionCode());
			actor.ifPresent(a -> out.put(u.name(), a));
		}
		return out;
	}

	private void plans(long id, Map<String, Actor> townships, Actor market, Actor office, LocalDate start) {
		try (var held = Times.holdAt(at(start.plusDays(8)))) {
			townships.forEach((name, actor) -> this.plans.file(id, name + "打击非法集资专项行动方案：成立专班，分片包村开展排查，每月5日前报送动态管理台账。",
					null, actor));
			this.plans.file(id, "县市场监管局条线方案：对名称和经营范围含投资、理财字样的主体开展专项核查。", null, market);
		}
		try (var held = Times.holdAt(at(start.plusDays(12)))) {
			for (UnitPlans.Plan p : this.plans.of(id, office)) {
				boolean marketPlan = p.unitKey().startsWith("D:");
				this.plans.review(id, p.id(), !marketPlan, marketPlan ? "请补充排查时间安排和责任人" : null, office);
			}
		}
		try (var held = Times.holdAt(at(start.plusDays(16)))) {
			this.plans.file(id, "县市场监管局条线方案(修改稿)：7月至8月集中核查，分管副局长负责，各市场监管所具体实施。", null, market);
		}
	}

	/**
	 * One township's year: the monthly and quarterly reports, mostly a day or three
	 * before they are due, every seventh township once a week late, 河畔镇 missing the last
	 * month; every third township has reported the one-off task.
	 */
	private void townshipReports(Campaign c, String name, Actor actor, int n) {
		Campaign.Task monthly = task(c, 2);
		List<Period.Slot> months = due(c, monthly);
		for (int m = 0; m < months.size(); m++) {
			Period.Slot slot = months.get(m);
			if (HEPAN.equals(actor.regionCode()) && m == months.size() - 1) {
				continue;
			}
			boolean late = n % 7 == 3 && m == (n + 2) % Math.max(1, months.size() - 1);
			int people = 15 + (n * 7 + m * 3) % 30;
			report(c, monthly, actor, slot.key(), late ? slot.dueOn().plusDays(6) : slot.dueOn().minusDays(1 + n % 3),
					name + "本月组织村(社区)排查，排查主体" + people + "户，" + (m % 4 == 1 ? "发现风险线索1条，已按程序上报。" : "未发现新的风险线索。"),
					"排查主体：" + people + "\n发现线索：" + (m % 4 == 1 ? 1 : 0));
		}
		Campaign.Task quarterly = task(c, 6);
		for (Period.Slot slot : due(c, quarterly)) {
			boolean late = n % 9 == 4 && !slot.dueOn().plusDays(4).isAfter(Times.today());
			report(c, quarterly, actor, slot.key(), late ? slot.dueOn().plusDays(4) : slot.dueOn().minusDays(2),
					"联合辖区商会、合作社开展防非宣传" + (1 + n % 3) + "场，督促会员单位自查。", "宣传活动：" + (1 + n % 3));
		}
		if (n % 3 == 0) {
			Campaign.Task once = task(c, 23);
			Period.Slot slot = Progress.slots(c, once).get(0);
			report(c, once, actor, slot.key(), c.startsOn().plusMonths(2).plusDays(n % 20),
					"已建立党委领导、办公室负责、综治办主办、相关部门协助的案件处置机制，印发工作方案。", null);
		}
	}

	/** The task's periods whose report is due by today. */
	private static List<Period.Slot> due(Campaign c, Campaign.Task task) {
		return Progress.slots(c, task).stream().filter(s -> !s.dueOn().isAfter(Times.today())).toList();
	}

	private void report(Campaign c, Campaign.Task task, Actor actor, String period, LocalDate on, String body,
			String figures) {
		String key = UnitKey.ofActor(actor);
		Campaign.Unit unit = task.units().stream().filter(u -> u.key().equals(key)).findFirst().orElse(null);
		if (unit == null || on.isAfter(Times.today())) {
			return;
		}
		try (var held = Times.holdAt(at(on))) {
			this.progress.report(c.id(), unit.id(), period, body, figures, List.of(), actor);
		}
	}

	private static Campaign.Task task(Campaign c, int seq) {
		return c.tasks().stream().filter(t -> t.seq() == seq).findFirst().orElseThrow();
	}

	private static java.time.OffsetDateTime at(LocalDate day) {
		return Times.atCounty(day.atTime(LocalTime.of(10, 0)));
	}

}
