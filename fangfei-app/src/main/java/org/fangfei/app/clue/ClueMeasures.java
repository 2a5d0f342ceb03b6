package org.fangfei.app.clue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.report.Measure;
import org.fangfei.app.report.MeasureSource;

import org.springframework.stereotype.Component;

/**
 * The clue figures of the statistical forms, counted from the clue's own dates and
 * timeline ({@code clue_event}, {@code clue_step}) so a past period keeps its numbers:
 * received by channel, first determined by determination, closed, and overdue at the
 * period's end. A clue counts where it is placed ({@code region_code}).
 */
@Component
class ClueMeasures implements MeasureSource {

	private static final String CLUE_ROW = "c.region_code, %s as on_date, c.code as ref, c.title, '/clues/' || c.id as link, cast(null as bigint) as amount";

	/**
	 * For the keyed measures: ordered by the instant received (index
	 * clue_received_region_idx).
	 */
	private static final String RECEIVED_KEY = ", c.received_at as sort_at, c.id as sort_id";

	/**
	 * For the measures dated by a move on the timeline (determined, closed): one row per
	 * clue, the move that places it in the period, ordered by the move's instant and id
	 * (V101's period indexes on {@code clue_event}); the clue is probed by id for its
	 * region, so a period costs its moves, not the region's clues "The clue's first
	 * determination" and "its last closing in the period" are scalar probes on
	 * {@code (clue_id, occurred_at, id)}, not {@code not exists}: PostgreSQL turns that
	 * anti join into a hash of every earlier move (780,000 closings for one month).
	 */
	private static final String MOVE_KEY = ", e.occurred_at as sort_at, e.id as sort_id";

	@Override
	public List<Measure> measures() {
		Map<String, String> sources = new LinkedHashMap<>();
		Arrays.stream(ClueSource.values()).forEach(s -> sources.put(s.name(), s.label()));
		Map<String, String> determinations = new LinkedHashMap<>();
		Arrays.stream(Determination.values()).forEach(d -> determinations.put(d.name(), d.label()));
		return List.of(
				Measure
					.count("clue.received", "受理线索", "件",
							"select " + CLUE_ROW.formatted("cast(c.received_at as date)") + RECEIVED_KEY
									+ ", c.source as param_value"
									+ """
											 from clue c
											where c.received_at >= :fromAt and c.received_at < :untilAt and c.region_code like :regionLike
											  and (cast(:param as varchar) is null or c.source = :param)
											""")
					.withParameter("线索来源", sources)
					.byKey()
					.inOnePass(),
				Measure
					.count("clue.major", "受理重大线索", "件",
							"select " + CLUE_ROW.formatted("cast(c.received_at as date)") + RECEIVED_KEY
									+ """
											 from clue c
											where c.received_at >= :fromAt and c.received_at < :untilAt and c.region_code like :regionLike
											  and c.grade = 'MAJOR'
											""")
					.byKey(),
				Measure
					.count("clue.determined", "研判认定线索", "件",
							"select " + CLUE_ROW.formatted("cast(e.occurred_at as date)") + MOVE_KEY
									+ ", c.determination as param_value"
									+ """
											 from clue_event e
											 join clue c on c.id = e.clue_id
											where e.kind = '认定' and e.occurred_at >= :fromAt and e.occurred_at < :untilAt
											  and c.region_code like :regionLike
											  and (cast(:param as varchar) is null or c.determination = :param)
											  and e.id = (select p.id from clue_event p where p.clue_id = e.clue_id and p.kind = '认定'
											               order by p.occurred_at, p.id limit 1)
											""")
					.withParameter("认定结论", determinations)
					.byKey()
					.inOnePass(),
				Measure
					.count("clue.closed", "销号线索", "件",
							"select " + CLUE_ROW.formatted("cast(e.occurred_at as date)") + MOVE_KEY
									+ """
											 from clue_event e
											 join clue c on c.id = e.clue_id
											where e.to_state = 'CLOSED' and e.occurred_at >= :fromAt and e.occurred_at < :untilAt
											  and c.region_code like :regionLike
											  and e.id = (select l.id from clue_event l where l.clue_id = e.clue_id and l.to_state = 'CLOSED'
											                and l.occurred_at >= e.occurred_at and l.occurred_at < :untilAt
											              order by l.occurred_at desc, l.id desc limit 1)
											""")
					.byKey(),
				Measure.count("clue.overdue", "期末超期未办结线索", "件", "select " + CLUE_ROW.formatted("s.due_on")
						+ """
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
								"""));
	}

}
