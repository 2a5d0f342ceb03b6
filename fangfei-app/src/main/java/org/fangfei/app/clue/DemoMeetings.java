package org.fangfei.app.clue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.fangfei.app.security.ActorDirectory;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DemoPart;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The year of history's meetings, recorded by the county office through
 * {@link Meetings#record} after the clue part ({@code clue.year}) moved the clues: in
 * each month, a 会商研判会 on the day most clues were determined, held that morning before the
 * first of them was determined and after each had reached 研判, with the decision the clue
 * then got — so each clue's timeline shows the meeting (会商研判) just before its 认定; a 联席会议
 * of the member units each quarter; and this week's meeting on clues still waiting for
 * 认定, whose decisions the office head is to apply.
 */
@Component
class DemoMeetings implements DemoPart {

	private static final String UNITS = "县处非办、县公安局、县市场监管局、县金融工作办公室、县农业农村局、县民政局、会师镇人民政府、河畔镇人民政府";

	/** Clues discussed at one meeting at most. */
	private static final int PER_MEETING = 6;

	/**
	 * A determined clue: its decision, when it was determined and since when it waited.
	 */
	private record Determined(String code, Determination determination, OffsetDateTime determinedAt,
			OffsetDateTime assessingSince) {

		LocalDate day() {
			return this.determinedAt.atZoneSameInstant(Times.zone()).toLocalDate();
		}

	}

	private final Meetings meetings;

	private final ActorDirectory actors;

	private final JdbcClient jdbc;

	DemoMeetings(Meetings meetings, ActorDirectory actors, JdbcClient jdbc) {
		this.meetings = meetings;
		this.actors = actors;
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "clue.meetings";
	}

	@Override
	public int order() {
		return 137;
	}

	@Override
	public boolean history() {
		return true;
	}

	@Override
	public void run() {
		Actor office = this.actors.actorOf("office");
		Map<YearMonth, List<Determined>> byMonth = determined().stream()
			.collect(Collectors.groupingBy(d -> YearMonth.from(d.day()), LinkedHashMap::new, Collectors.toList()));
		int n = 0;
		for (List<Determined> month : byMonth.values()) {
			Map<LocalDate, List<Determined>> byDay = month.stream()
				.collect(Collectors.groupingBy(Determined::day, LinkedHashMap::new, Collectors.toList()));
			List<Determined> busiest = byDay.values().stream().max(Comparator.comparingInt(List::size)).orElseThrow();
			OffsetDateTime held = busiest.get(0).determinedAt().minusMinutes(40);
			List<Meetings.Decision> decisions = busiest.stream()
				.filter(d -> d.assessingSince().isBefore(held))
				.limit(PER_MEETING)
				.map(d -> new Meetings.Decision(d.code(), d.determination(), note(d.determination())))
				.toList();
			if (decisions.isEmpty()) {
				continue;
			}
			n++;
			record(office, held, MeetingKind.ASSESSMENT, "线索会商研判会(" + held.getYear() + "年第" + n + "次)",
					"对核查完毕的线索逐条听取核查情况汇报，结合证据材料和行业主管部门意见进行研判，形成认定意见。", decisions);
		}
		for (int quarter = 3; quarter >= 0; quarter--) {
			OffsetDateTime held = morning(Times.today().minusDays(quarter * 91L + 20));
			record(office, held, MeetingKind.JOINT, "防范和处置非法集资工作联席会议(" + held.getYear() + "年第" + (4 - quarter) + "次)",
					"通报本季度线索受理、核查处置和风险排查情况，部署下一阶段重点领域排查和宣传教育工作，协调跨部门线索处置中的问题。", List.of());
		}
		waiting(office);
	}

	/** This week's meeting on clues still waiting for 认定; the office head applies it. */
	private void waiting(Actor office) {
		List<Meetings.Decision> decisions = this.jdbc.sql("""
				select c.code from clue c where c.state = 'ASSESSING'
				  and (select max(e.occurred_at) from clue_event e where e.clue_id = c.id) < now() - interval '1 hour'
				order by c.id limit 3
				""")
			.query(String.class)
			.list()
			.stream()
			.map(code -> new Meetings.Decision(code, Determination.SUSPECTED_ILLEGAL, "建议认定为涉嫌非法集资，请县处非办主任审定后处置。"))
			.toList();
		if (!decisions.isEmpty()) {
			record(office, Times.now().minusMinutes(30), MeetingKind.ASSESSMENT, "线索会商研判会(本周)",
					"对本周核查完毕的线索进行会商研判，研判意见报县处非办主任审定。", decisions);
		}
	}

	private void record(Actor office, OffsetDateTime held, MeetingKind kind, String title, String minutes,
			List<Meetings.Decision> decisions) {
		try (Times.Held clock = Times.holdAt(held)) {
			this.meetings.record(new Meetings.MeetingForm(kind, Times.today(), title, UNITS, minutes, decisions),
					office);
		}
	}

	/**
	 * The clues determined once, never disputed, with the moment of their 认定 and of the
	 * step that brought them to 研判 — in the order they were determined.
	 */
	private List<Determined> determined() {
		return new ArrayList<>(this.jdbc.sql("""
				select c.code, c.determination, d.occurred_at as determined_at,
				  (select max(a.occurred_at) from clue_event a
				   where a.clue_id = c.id and a.to_state = 'ASSESSING' and a.occurred_at <= d.occurred_at) as since
				from clue c join clue_event d on d.clue_id = c.id and d.kind = '认定'
				where c.determination is not null and c.state <> 'DISPUTED'
				  and not exists (select 1 from clue_event r where r.clue_id = c.id and r.kind = '裁决')
				  and (select count(*) from clue_event x where x.clue_id = c.id and x.kind = '认定') = 1
				order by d.occurred_at, c.id
				""")
			.query((rs, i) -> new Determined(rs.getString(1), Determination.valueOf(rs.getString(2)),
					rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class)))
			.list()
			.stream()
			.filter(d -> d.assessingSince() != null)
			.toList());
	}

	private static String note(Determination d) {
		return switch (d) {
			case NOT_ILLEGAL -> "经营行为真实，未发现向社会公众吸收资金的情形。";
			case IRREGULAR -> "存在不规范经营行为，建议由行业主管部门督促整改。";
			case SUSPECTED_ILLEGAL -> "具备非法性、公开性、利诱性、社会性特征，建议依法处置。";
			case SUSPECTED_CRIME -> "涉案金额和人数达到刑事立案追诉标准，建议移送公安机关。";
		};
	}

	private static OffsetDateTime morning(LocalDate day) {
		LocalDate d = day;
		while (d.getDayOfWeek().getValue() > 5) {
			d = d.minusDays(1);
		}
		return Times.atCounty(d.atTime(9, 30));
	}

}
