package org.fangfei.app.campaign;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;

import org.fangfei.app.security.ActorDirectory;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DemoPart;
import org.fangfei.app.shared.Times;

import org.springframework.stereotype.Component;

/**
 * The demo county runs 004's campaign, copied from the template eleven months ago: three
 * units file their plans (one returned and filed again), 会师镇 reports every month on time,
 * 河畔镇 reports one month late and has not reported the last months (overdue now), the
 * market regulator reports on the clue checks, and the first half-year's summary is
 * finalised.
 */
@Component
class DemoCampaign implements DemoPart {

	private final Campaigns campaigns;

	private final UnitPlans plans;

	private final Progress progress;

	private final Summaries summaries;

	private final ActorDirectory actors;

	DemoCampaign(Campaigns campaigns, UnitPlans plans, Progress progress, Summaries summaries, ActorDirectory actors) {
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

	@Override
	public void run() {
		Actor office = this.actors.actorOf("office");
		Actor huishi = this.actors.actorOf("huishi");
		Actor hepan = this.actors.actorOf("hepan");
		Actor market = this.actors.actorOf("market");
		YearMonth first = YearMonth.from(Times.today()).minusMonths(11);
		LocalDate start = first.atDay(1);
		long id;
		try (var held = Times.holdAt(at(start))) {
			id = this.campaigns.copyTemplate(new CampaignForms.Header("会宁县打击非法集资专项行动",
					"会处非办发〔" + first.getYear() + "〕3号", start, start.plusMonths(18).minusDays(1)), office);
		}
		try (var held = Times.holdAt(at(start.plusDays(8)))) {
			this.plans.file(id, "会师镇打击非法集资专项行动方案：成立镇专班，分片包村开展排查，每月5日前报送动态管理台账。", null, huishi);
			this.plans.file(id, "河畔镇打击非法集资专项行动方案：组建镇专班，网格员逐户排查，重点排查农村合作社和养老机构。", null, hepan);
			this.plans.file(id, "县市场监管局条线方案：对名称和经营范围含投资、理财字样的主体开展专项核查。", null, market);
		}
		try (var held = Times.holdAt(at(start.plusDays(12)))) {
			List<UnitPlans.Plan> filed = this.plans.of(id, office);
			for (UnitPlans.Plan p : filed) {
				boolean marketPlan = p.unitKey().startsWith("D:");
				this.plans.review(id, p.id(), !marketPlan, marketPlan ? "请补充排查时间安排和责任人" : null, office);
			}
		}
		try (var held = Times.holdAt(at(start.plusDays(16)))) {
			this.plans.file(id, "县市场监管局条线方案(修改稿)：7月至8月集中核查，分管副局长负责，各市场监管所具体实施。", null, market);
		}
		Campaign c = this.campaigns.load(id);
		Campaign.Task townships = task(c, 2);
		Campaign.Task checks = task(c, 11);
		for (int m = 0; m < 10; m++) {
			YearMonth month = first.plusMonths(m);
			LocalDate due = month.plusMonths(1).atDay(5);
			report(c, townships, huishi, month.toString(), due.minusDays(2),
					"本月组织村(社区)排查，排查主体" + (20 + m * 3) + "户，未发现新的风险线索。", "排查主体：" + (20 + m * 3));
			if (m < 8) {
				LocalDate on = m == 3 ? due.plusDays(6) : due.minusDays(1);
				report(c, townships, hepan, month.toString(), on, "网格员入户排查，对合作社和养老机构逐一核查。",
						"排查主体：" + (15 + m * 2) + "\n发现线索：" + (m % 3 == 0 ? 1 : 0));
			}
			report(c, checks, market, month.toString(), due.minusDays(3), "对分流转交的线索组织核实并反馈处置情况。",
					"核查线索：" + (2 + m % 4));
		}
		LocalDate half = first.getMonthValue() <= 6 ? LocalDate.of(first.getYear(), 7, 10)
				: LocalDate.of(first.getYear() + 1, 1, 10);
		try (var held = Times.holdAt(at(half))) {
			String h = first.getMonthValue() <= 6 ? first.getYear() + "-H1" : first.getYear() + "-H2";
			long summary = this.summaries.draft(id, h, office);
			this.summaries.finalise(id, summary, office);
		}
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
