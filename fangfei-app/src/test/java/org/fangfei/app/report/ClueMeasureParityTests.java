package org.fangfei.app.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.clue.ClueSource;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Times;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, scale: the clue measures rewritten to be driven from the period's moves
 * (V101) and then counted from the clue's facts (V108) give the same values and the same
 * drill-down records as the measures released before (their SQL kept here as the
 * reference), on a mixed set of clues — determined again, closed in and out of the
 * period, reopened and closed again, closed on the last minute of a month, moved to
 * another township after its moves, moves entered out of order, a determination changed
 * by a ruling, overdue then finished, finished on the period's last instant, due dates
 * moved — for every parameter, several periods (all in the past) and jurisdictions
 * (county, townships, villages).
 */
@IntegrationTest
class ClueMeasureParityTests extends ReportTestSupport {

	private static final String ROW = "c.region_code, %s as on_date, c.code as ref, c.title, '/clues/' || c.id as link, cast(null as bigint) as amount";

	/** The measures as released before V101 (ClueMeasures at main b3c5ef3). */
	private static final Map<String, String> BEFORE = Map.of("clue.determined",
			"select " + ROW.formatted("cast(e.at as date)")
					+ """
							 from clue c
							 join (select clue_id, min(occurred_at) as at from clue_event
							        where kind = '认定' and occurred_at >= :fromAt and occurred_at < :untilAt group by clue_id) e
							   on e.clue_id = c.id
							where c.region_code like :regionLike
							  and not exists (select 1 from clue_event p where p.clue_id = c.id and p.kind = '认定' and p.occurred_at < :fromAt)
							  and (cast(:param as varchar) is null or c.determination = :param)
							""",
			"clue.closed",
			"select " + ROW.formatted("cast(e.at as date)")
					+ """
							 from clue c
							 join (select clue_id, max(occurred_at) as at from clue_event
							        where to_state = 'CLOSED' and occurred_at >= :fromAt and occurred_at < :untilAt group by clue_id) e
							   on e.clue_id = c.id
							where c.region_code like :regionLike
							""",
			"clue.overdue", "select " + ROW.formatted("s.due_on") + """
					 from clue c
					 join (select clue_id, min(due_on) as due_on
					         from (select clue_id, due_on from clue_step
					                where finished_at is null and due_on < :to and started_at < :untilAt
					               union all
					               select clue_id, due_on from clue_step
					                where finished_at >= :untilAt and due_on < :to and started_at < :untilAt) open_steps
					        group by clue_id) s
					   on s.clue_id = c.id
					where c.region_code like :regionLike
					""");

	/**
	 * "Determined" and "closed" as released with V101 (ClueMeasures at main b80922d),
	 * driven from the timeline's moves; V108 counts all three from the clue's facts.
	 */
	private static final Map<String, String> V101 = Map.of("clue.determined",
			"select " + ROW.formatted("cast(e.occurred_at as date)") + """
					 from clue_event e
					 join clue c on c.id = e.clue_id
					where e.kind = '认定' and e.occurred_at >= :fromAt and e.occurred_at < :untilAt
					  and c.region_code like :regionLike
					  and (cast(:param as varchar) is null or c.determination = :param)
					  and e.id = (select p.id from clue_event p where p.clue_id = e.clue_id and p.kind = '认定'
					               order by p.occurred_at, p.id limit 1)
					""", "clue.closed", "select " + ROW.formatted("cast(e.occurred_at as date)") + """
					 from clue_event e
					 join clue c on c.id = e.clue_id
					where e.to_state = 'CLOSED' and e.occurred_at >= :fromAt and e.occurred_at < :untilAt
					  and c.region_code like :regionLike
					  and e.id = (select l.id from clue_event l where l.clue_id = e.clue_id and l.to_state = 'CLOSED'
					                and l.occurred_at >= e.occurred_at and l.occurred_at < :untilAt
					              order by l.occurred_at desc, l.id desc limit 1)
					""");

	private static final Period MARCH = Period.of(LocalDate.of(2014, 3, 1), LocalDate.of(2014, 3, 31));

	@BeforeEach
	void mixedClues() {
		if (this.jdbc.sql("select count(*) from clue where title = '对照A'").query(Long.class).single() > 0) {
			return;
		}
		// determined and closed in March
		long a = clue("对照A", 2, 3, HUISHI_VILLAGE);
		move(a, "认定", "DISPOSING", at(3, 5, 9));
		move(a, "销号", "CLOSED", at(3, 20, 9));
		// first determined in February and again in March; closed, reopened and closed
		// again in March
		long b = clue("对照B", 2, 4, HUISHI_VILLAGE);
		move(b, "认定", "DISPOSING", at(2, 25, 9));
		move(b, "认定", "DISPOSING", at(3, 10, 9));
		move(b, "销号", "CLOSED", at(3, 15, 9));
		move(b, "重新办理", "DISPOSING", at(3, 18, 9));
		move(b, "销号", "CLOSED", at(3, 28, 9));
		// closed in February, reopened in March and not closed again
		long c = clue("对照C", 2, 5, HEPAN_VILLAGE);
		move(c, "销号", "CLOSED", at(2, 27, 9));
		move(c, "重新办理", "DISPOSING", at(3, 2, 9));
		// closed on the last minute of March, and on the first of April
		long d = clue("对照D", 2, 6, HUISHI_VILLAGE);
		move(d, "认定", "DISPOSING", Times.atCounty(LocalDateTime.of(2014, 3, 31, 23, 59)));
		move(d, "销号", "CLOSED", Times.atCounty(LocalDateTime.of(2014, 3, 31, 23, 59, 30)));
		long e = clue("对照E", 2, 7, HUISHI_VILLAGE);
		move(e, "认定", "DISPOSING", Times.atCounty(LocalDateTime.of(2014, 4, 1, 0, 0)));
		move(e, "销号", "CLOSED", Times.atCounty(LocalDateTime.of(2014, 4, 1, 0, 0)));
		// received in 会师镇, moved to 河畔镇 afterwards: counts where it is placed now
		long f = clue("对照F", 2, 8, HUISHI_VILLAGE);
		move(f, "认定", "DISPOSING", at(3, 12, 9));
		move(f, "销号", "CLOSED", at(3, 22, 9));
		step(f, at(3, 1, 9), LocalDate.of(2014, 3, 3), null);
		this.jdbc.sql("update clue set region_code = :r where id = :id")
			.param("r", HEPAN_VILLAGE)
			.param("id", f)
			.update();
		// two determinations at the same instant, and two closings at the same instant
		long g = clue("对照G", 2, 9, HEPAN_VILLAGE);
		move(g, "认定", "DISPOSING", at(3, 14, 9));
		move(g, "认定", "DISPOSING", at(3, 14, 9));
		move(g, "销号", "CLOSED", at(3, 24, 9));
		move(g, "销号", "CLOSED", at(3, 24, 9));
		determination(a, "IRREGULAR");
		determination(b, "SUSPECTED_ILLEGAL");
		determination(d, "IRREGULAR");
		determination(f, "NOT_ILLEGAL");
		determination(g, "SUSPECTED_CRIME");
		// entered out of order: a back-dated first determination after a later one; a
		// closing entered between two others, and one before them
		long m = clue("对照M", 2, 15, HEPAN_VILLAGE);
		move(m, "认定", "DISPOSING", at(3, 20, 9));
		move(m, "认定", "DISPOSING", at(2, 20, 9));
		move(m, "销号", "CLOSED", at(3, 5, 9));
		move(m, "销号", "CLOSED", at(4, 5, 9));
		move(m, "销号", "CLOSED", at(3, 25, 9));
		move(m, "销号", "CLOSED", at(2, 26, 9));
		determination(m, "NOT_ILLEGAL");
		// a ruling on a dispute changes the determination in force after it was counted
		determination(g, "IRREGULAR");
		// overdue at March's end and finished in April; finished in March; never
		// finished; two
		// overdue steps
		long h = clue("对照H", 2, 10, HUISHI_VILLAGE);
		step(h, at(3, 1, 9), LocalDate.of(2014, 3, 10), at(4, 5, 9));
		long i = clue("对照I", 2, 11, HUISHI_VILLAGE);
		step(i, at(3, 1, 9), LocalDate.of(2014, 3, 10), at(3, 25, 9));
		long j = clue("对照J", 2, 12, HEPAN_VILLAGE);
		step(j, at(3, 1, 9), LocalDate.of(2014, 3, 20), null);
		long k = clue("对照K", 2, 13, HUISHI_VILLAGE);
		step(k, at(2, 1, 9), LocalDate.of(2014, 2, 10), at(4, 2, 9));
		step(k, at(3, 1, 9), LocalDate.of(2014, 3, 5), null);
		// due on March's last day: not yet overdue at its end
		long l = clue("对照L", 2, 14, HUISHI_VILLAGE);
		step(l, at(3, 1, 9), LocalDate.of(2014, 3, 31), null);
		// finished on the first instant of April, on the day after it was due, without a
		// due date, started after March, and given an earlier due date after it started
		long n = clue("对照N", 2, 16, HUISHI_VILLAGE);
		step(n, at(3, 1, 9), LocalDate.of(2014, 3, 20), Times.atCounty(LocalDateTime.of(2014, 4, 1, 0, 0)));
		step(n, at(3, 1, 9), LocalDate.of(2014, 3, 2), Times.atCounty(LocalDateTime.of(2014, 3, 3, 7, 0)));
		step(n, at(3, 1, 9), LocalDate.of(2014, 3, 2), Times.atCounty(LocalDateTime.of(2014, 3, 4, 0, 30)));
		long o = clue("对照O", 2, 17, HEPAN_VILLAGE);
		step(o, at(3, 1, 9), null, null);
		step(o, at(4, 2, 9), LocalDate.of(2014, 3, 1), null);
		step(o, at(3, 1, 9), LocalDate.of(2014, 3, 30), at(3, 31, 23));
		long q = clue("对照Q", 2, 18, HUISHI_VILLAGE);
		step(q, at(3, 1, 9), LocalDate.of(2014, 4, 20), null);
		this.jdbc.sql("update clue_step set due_on = :d where clue_id = :c")
			.param("d", LocalDate.of(2014, 3, 15))
			.param("c", q)
			.update();
		// finished late after it was written open: overdue at the end of 16 to 19 March
		// only
		long r = clue("对照R", 2, 19, HEPAN_VILLAGE);
		step(r, at(3, 1, 9), LocalDate.of(2014, 3, 15), null);
		// only the step written open: moving the intake's finished steps would leave the
		// step tallies (counted once, when a step finishes) behind — ClueTallyTests
		this.jdbc.sql("update clue_step set finished_at = :f where clue_id = :c and finished_at is null")
			.param("f", at(3, 20, 9))
			.param("c", r)
			.update();
	}

	@Test
	void theMarchFiguresOfTheMixedClues() {
		Jurisdiction huishi = new Jurisdiction(HUISHI, "会师镇", false);
		Jurisdiction hepan = new Jurisdiction(HEPAN, "河畔镇", false);
		assertThat(refs("clue.closed", null, MARCH, huishi)).containsExactlyInAnyOrder("对照A", "对照B", "对照D");
		assertThat(refs("clue.closed", null, MARCH, hepan)).containsExactlyInAnyOrder("对照F", "对照G", "对照M");
		assertThat(refs("clue.determined", null, MARCH, huishi)).containsExactlyInAnyOrder("对照A", "对照D");
		assertThat(refs("clue.determined", null, MARCH, hepan)).containsExactlyInAnyOrder("对照F", "对照G");
		assertThat(refs("clue.determined", null, Period.of(LocalDate.of(2014, 2, 1), LocalDate.of(2014, 2, 28)), hepan))
			.as("a back-dated first determination entered after a later one")
			.containsExactlyInAnyOrder("对照M");
		assertThat(refs("clue.determined", "IRREGULAR", MARCH, huishi)).containsExactlyInAnyOrder("对照A", "对照D");
		assertThat(refs("clue.determined", "IRREGULAR", MARCH, hepan)).as("the determination now in force")
			.containsExactlyInAnyOrder("对照G");
		assertThat(refs("clue.overdue", null, MARCH, huishi)).containsExactlyInAnyOrder("对照H", "对照K", "对照N", "对照Q");
		assertThat(refs("clue.overdue", null, MARCH, hepan)).containsExactlyInAnyOrder("对照J", "对照F");
		assertThat(refs("clue.overdue", null, Period.of(LocalDate.of(2014, 3, 16), LocalDate.of(2014, 3, 17)), hepan))
			.containsExactlyInAnyOrder("对照F", "对照R");
		Figures.Drill closed = this.figures.drill(measure("clue.closed"), null, MARCH, huishi,
				PageRequest.of(1, PageRequest.MAX_SIZE));
		assertThat(
				closed.rows().items().stream().filter(r -> r.title().equals("对照B")).findFirst().orElseThrow().onDate())
			.as("a clue closed twice in the period is dated by its last closing")
			.isEqualTo(LocalDate.of(2014, 3, 28));
	}

	@Test
	void theMeasuresDrivenByTheMovesEqualTheReleasedOnes() {
		List<Period> periods = List.of(MARCH, Period.of(LocalDate.of(2014, 2, 1), LocalDate.of(2014, 2, 28)),
				Period.of(LocalDate.of(2014, 2, 1), LocalDate.of(2014, 4, 30)),
				Period.of(LocalDate.of(2014, 3, 31), LocalDate.of(2014, 3, 31)),
				Period.of(LocalDate.of(2014, 4, 1), LocalDate.of(2014, 4, 1)),
				Period.of(LocalDate.of(2014, 3, 3), LocalDate.of(2014, 3, 3)),
				Period.of(LocalDate.of(2014, 3, 17), LocalDate.of(2014, 3, 17)),
				Period.of(Times.today().minusYears(3).plusDays(2), Times.today()));
		List<Jurisdiction> places = List.of(new Jurisdiction(COUNTY, "会宁县", false),
				new Jurisdiction(HUISHI, "会师镇", false), new Jurisdiction(HEPAN, "河畔镇", false),
				new Jurisdiction(HEPAN_VILLAGE, "河畔村", false), new Jurisdiction(HUISHI_VILLAGE, "东山根社区居民委员会", false));
		int compared = 0;
		for (String code : BEFORE.keySet()) {
			Measure now = measure(code);
			List<String> params = new ArrayList<>();
			params.add(null);
			params.addAll(now.parameters().keySet());
			for (String param : params) {
				for (Period p : periods) {
					for (Jurisdiction where : places) {
						String what = code + "(" + param + ") " + p + " " + where.code();
						List<String> drilled = drilledRows(now, param, p, where);
						Map<String, Long> byTownship = this.figures.grouped(now, param, p, where, 9);
						Map<String, Long> byVillage = this.figures.grouped(now, param, p, where, 12);
						for (String sql : released(code)) {
							List<String> released = released(sql, param, p, where);
							assertThat(drilled).as(what).containsExactlyInAnyOrderElementsOf(released);
							assertThat(byTownship).as(what + " by township")
								.isEqualTo(releasedGrouped(sql, param, p, where, 9));
							assertThat(byVillage).as(what + " by village")
								.isEqualTo(releasedGrouped(sql, param, p, where, 12));
							compared += released.isEmpty() ? 0 : 1;
						}
					}
				}
			}
		}
		assertThat(compared).as("comparisons with records behind them").isGreaterThan(40);
	}

	@Test
	void onePassByParameterEqualsOneQueryPerParameter() {
		List<Period> periods = List.of(MARCH, Period.of(LocalDate.of(2014, 2, 1), LocalDate.of(2014, 4, 30)),
				Period.of(LocalDate.of(2014, 3, 31), LocalDate.of(2014, 3, 31)),
				Period.of(Times.today().minusYears(3).plusDays(2), Times.today()));
		List<Jurisdiction> places = List.of(new Jurisdiction(COUNTY, "会宁县", false),
				new Jurisdiction(HUISHI, "会师镇", false), new Jurisdiction(HUISHI_VILLAGE, "东山根社区居民委员会", false));
		int compared = 0;
		for (String code : List.of("clue.received", "clue.determined")) {
			Measure m = measure(code);
			assertThat(m.byParameter()).as(code + " is counted in one pass").isTrue();
			List<String> params = new ArrayList<>();
			params.add(null);
			params.addAll(m.parameters().keySet());
			for (Period p : periods) {
				for (Jurisdiction where : places) {
					for (int length : List.of(0, 9, 12)) {
						Map<String, Map<String, Long>> onePass = this.figures.groupedByParameter(m, p, where, length);
						for (String param : params) {
							Map<String, Long> separate = this.figures.grouped(m, param, p, where, length);
							assertThat(onePass.getOrDefault(param, Map.of()))
								.as(code + "(" + param + ") " + p + " " + where.code() + " by " + length)
								.isEqualTo(separate);
							compared += separate.isEmpty() ? 0 : 1;
						}
					}
				}
			}
		}
		assertThat(compared).as("comparisons with records behind them").isGreaterThan(40);
	}

	@Test
	void theClueFormFilledInOnePassEqualsEachColumnOnItsOwn() {
		int determined = 0;
		for (Period p : List.of(MARCH, Period.of(Times.today().minusYears(1), Times.today()))) {
			FormGenerator.Generated form = generate("004-clues", p, COUNTY);
			for (FormGenerator.Line line : form.lines()) {
				for (FormGenerator.Cell cell : line.cells()) {
					Map<String, Long> own = this.figures.grouped(cell.measure(), cell.param(), p, line.where(), 0);
					assertThat(cell.value())
						.as(line.label() + " " + cell.measure().code() + "(" + cell.param() + ") " + p)
						.isEqualTo(own.getOrDefault("", 0L));
					determined += cell.measure().code().equals("clue.determined") && cell.value() > 0 ? 1 : 0;
				}
			}
		}
		assertThat(determined).as("determined cells with a value").isPositive();
	}

	/** Every record of the drill-down, page by page (3 a page), as region|date|ref. */
	private List<String> drilledRows(Measure m, String param, Period p, Jurisdiction where) {
		List<String> rows = new ArrayList<>();
		for (int page = 1;; page++) {
			Figures.Drill drill = this.figures.drill(m, param, p, where, PageRequest.of(page, 3));
			drill.rows().items().forEach(r -> rows.add(r.regionCode() + "|" + r.onDate() + "|" + r.ref()));
			if (page >= drill.rows().pages()) {
				assertThat(rows).hasSize((int) drill.value());
				return rows;
			}
		}
	}

	/** The measure's SQL as released before V101 and, where it changed, with V101. */
	private static List<String> released(String code) {
		return V101.containsKey(code) ? List.of(BEFORE.get(code), V101.get(code)) : List.of(BEFORE.get(code));
	}

	private List<String> released(String sql, String param, Period p, Jurisdiction where) {
		return this.jdbc.sql("select * from (" + sql + ") r")
			.params(params(param, p, where))
			.query((rs, n) -> rs.getString("region_code") + "|" + rs.getObject("on_date", LocalDate.class) + "|"
					+ rs.getString("ref"))
			.list();
	}

	private Map<String, Long> releasedGrouped(String sql, String param, Period p, Jurisdiction where, int length) {
		Map<String, Object> params = params(param, p, where);
		params.put("groupLength", length);
		Map<String, Long> values = new TreeMap<>();
		this.jdbc
			.sql("select substr(r.region_code, 1, :groupLength) as k, count(*) as n from (" + sql + ") r group by 1")
			.params(params)
			.query((rs, n) -> values.put(rs.getString("k"), rs.getLong("n")))
			.list();
		return values;
	}

	private List<String> refs(String code, String param, Period p, Jurisdiction where) {
		return this.figures.drill(measure(code), param, p, where, PageRequest.of(1, PageRequest.MAX_SIZE))
			.rows()
			.items()
			.stream()
			.map(Figures.Row::title)
			.filter(t -> t.startsWith("对照"))
			.toList();
	}

	private static Map<String, Object> params(String param, Period p, Jurisdiction where) {
		Map<String, Object> params = new HashMap<>();
		params.put("from", p.from());
		params.put("to", p.to());
		params.put("fromAt", p.fromAt());
		params.put("untilAt", p.untilAt());
		params.put("regionLike", where.regionLike());
		params.put("param", param);
		return params;
	}

	private Measure measure(String code) {
		return this.catalog.find(code).orElseThrow();
	}

	private long clue(String title, int month, int day, String region) {
		String code = clueOn(LocalDate.of(2014, month, day), region, ClueSource.TIP);
		this.jdbc.sql("update clue set title = :t where code = :code").param("t", title).param("code", code).update();
		long id = this.jdbc.sql("select id from clue where code = :code")
			.param("code", code)
			.query(Long.class)
			.single();
		// the intake's own steps finished at once: only the steps written here are
		// overdue
		this.jdbc.sql(
				"update clue_step set finished_at = started_at, on_time = true where clue_id = :id and finished_at is null")
			.param("id", id)
			.update();
		return id;
	}

	private static OffsetDateTime at(int month, int day, int hour) {
		return Times.atCounty(LocalDate.of(2014, month, day).atTime(LocalTime.of(hour, 0)));
	}

	private void move(long clue, String kind, String to, OffsetDateTime at) {
		this.jdbc.sql("""
				insert into clue_event (clue_id, occurred_at, actor, actor_name, kind, from_state, to_state)
				values (:c, :at, 'test', '测试', :kind, null, :to)
				""").param("c", clue).param("at", at).param("kind", kind).param("to", to).update();
	}

	private void step(long clue, OffsetDateTime started, LocalDate due, OffsetDateTime finished) {
		this.jdbc.sql("""
				insert into clue_step (clue_id, step, started_at, due_on, finished_at, on_time)
				values (:c, 'VERIFYING', :started, :due, :finished, :onTime)
				""")
			.param("c", clue)
			.param("started", started)
			.param("due", due)
			.param("finished", finished)
			.param("onTime", finished == null ? null : !finished.toLocalDate().isAfter(due))
			.update();
	}

	private void determination(long clue, String determination) {
		this.jdbc.sql("update clue set determination = :d where id = :id")
			.param("d", determination)
			.param("id", clue)
			.update();
	}

}
