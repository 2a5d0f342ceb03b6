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
 * The clue dashboard within the actor's scope: clues by state, by channel and by township
 * in one pass over the scope (one grouping by all three, summed up here), the open and
 * overdue counts, and the on-time rate of the steps finished in the last 90 days.
 */
@Component
class ClueDashboard {

	/** Days of finished steps the on-time rate looks back over. */
	static final int ON_TIME_DAYS = 90;

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
		// like :regionLike); memory enough for the on-time rate's hash of a county's
		// clues
		this.jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
		this.jdbc.sql("set local work_mem = '64MB'").update();
		// one grouping by state, channel and township (a few thousand groups), summed up
		// here into the three breakdowns and the totals
		this.jdbc
			.sql("""
					select g.state, g.source, g.township, coalesce(r.name, '县本级') as township_name, g.n, g.overdue, g.supervised
					from (select c.state, c.source, left(c.region_code, 9) as township, count(*) as n,
					        count(*) filter (where c.due_on < current_date) as overdue,
					        count(*) filter (where c.supervised and c.state not in ('CLOSED','REJECTED','MERGED')) as supervised
					      from clue c where """
					+ Clues.visibleFor(actor) + """
							      group by c.state, c.source, left(c.region_code, 9)) g
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
				totals[1] += rs.getLong("overdue");
				totals[2] += rs.getLong("supervised");
			});
		List<Count> townships = new ArrayList<>(byTownship.values());
		long open = states.entrySet().stream().filter(e -> e.getKey().open()).mapToLong(Map.Entry::getValue).sum();
		long[] steps = this.jdbc.sql("""
				select count(*), count(*) filter (where s.on_time) from clue_step s join clue c on c.id = s.clue_id
				where s.finished_at >= now() - make_interval(days => :days) and """ + Clues.visibleFor(actor))
			.params(params)
			.param("days", ON_TIME_DAYS)
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
