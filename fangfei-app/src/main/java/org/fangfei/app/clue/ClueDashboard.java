package org.fangfei.app.clue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.shared.Actor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clue dashboard within the actor's scope: clues by state, by channel and by
 * township, the open, overdue and supervised counts, and the on-time rate of the steps
 * finished in the last three calendar months (this month and the two before). Counts come
 * from the running tallies {@code clue_tally} and {@code clue_step_tally} plus their
 * deltas (V18: written by triggers in the same transaction as each change, folded by
 * {@link ClueTallies}), which carry the scope columns, so the scope rule is the list's
 * ({@link Clues#visibleFor}); only "overdue", which changes with the date, is counted
 * from the clues.
 */
@Component
class ClueDashboard {

	/** Calendar months of finished steps the on-time rate covers, this month included. */
	static final int ON_TIME_MONTHS = 3;

	record Count(String key, String label, long count) {
	}

	record Figures(long total, long open, long overdue, long supervised, long stepsFinished, long stepsOnTime,
			List<Count> byState, List<Count> bySource, List<Count> byTownship) {

		/** Percentage of steps finished on time, one decimal; 100 when none finished. */
		public double onTimeRate() {
			return this.stepsFinished == 0 ? 100.0 : Math.round(this.stepsOnTime * 1000.0 / this.stepsFinished) / 10.0;
		}

	}

	private final JdbcClient jdbc;

	ClueDashboard(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	Figures figures(Actor actor) {
		Map<String, Object> params = Clues.scopeParams(actor);
		Map<ClueState, Long> states = new EnumMap<>(ClueState.class);
		Map<ClueSource, Long> sources = new EnumMap<>(ClueSource.class);
		Map<String, Count> byTownship = new LinkedHashMap<>();
		long[] totals = new long[3];
		// planned with the scope's values (a generic plan cannot use the region index for
		// like :regionLike)
		this.jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
		// the running tallies (V18), grouped by state, channel and township and summed up
		// here into the three breakdowns and the totals
		this.jdbc
			.sql("""
					select g.state, g.source, g.township, coalesce(r.name, '县本级') as township_name, g.n, g.supervised
					from (select c.state, c.source, left(c.region_code, 9) as township, sum(c.n) as n,
					        coalesce(sum(c.n) filter (where c.supervised and c.state not in ('CLOSED','REJECTED','MERGED')), 0)
					          as supervised
					      from (select * from clue_tally union all select * from clue_tally_delta) c where """
					+ Clues.visibleFor(actor) + """
							      group by c.state, c.source, left(c.region_code, 9) having sum(c.n) <> 0) g
							left join region r on r.code = g.township || '000'
							""")
			.params(params)
			.query(rs -> {
				long n = rs.getLong("n");
				states.merge(ClueState.valueOf(rs.getString("state")), n, Long::sum);
				sources.merge(ClueSource.valueOf(rs.getString("source")), n, Long::sum);
				String township = rs.getString("township");
				Count before = byTownship.get(township);
				byTownship.put(township,
						new Count(township, rs.getString("township_name"), (before == null ? 0 : before.count()) + n));
				totals[0] += n;
				totals[2] += rs.getLong("supervised");
			});
		// overdue changes with the date, not with the rows: counted from the open clues'
		// index
		totals[1] = this.jdbc
			.sql("select count(*) from clue c where c.due_on < current_date and " + Clues.visibleFor(actor))
			.params(params)
			.query(Long.class)
			.single();
		List<Count> townships = new ArrayList<>(byTownship.values());
		long open = states.entrySet().stream().filter(e -> e.getKey().open()).mapToLong(Map.Entry::getValue).sum();
		long[] steps = this.jdbc
			.sql("""
					select coalesce(sum(c.finished), 0), coalesce(sum(c.on_time), 0)
					from (select * from clue_step_tally union all select * from clue_step_tally_delta) c
					where c.month > (date_trunc('month', current_date) - make_interval(months => :months))::date and """
					+ Clues.visibleFor(actor))
			.params(params)
			.param("months", ON_TIME_MONTHS)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		townships.sort((a, b) -> Long.compare(b.count(), a.count()));
		return new Figures(totals[0], open, totals[1], totals[2], steps[0], steps[1],
				states.entrySet()
					.stream()
					.map(e -> new Count(e.getKey().name(), e.getKey().label(), e.getValue()))
					.toList(),
				sources.entrySet()
					.stream()
					.map(e -> new Count(e.getKey().name(), e.getKey().label(), e.getValue()))
					.toList(),
				townships);
	}

}
