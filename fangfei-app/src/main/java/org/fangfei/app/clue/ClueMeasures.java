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
 * timeline ({@code clue_event}, {@code clue_step}, and the facts V108's triggers keep
 * from them) so a past period keeps its numbers: received by channel, first determined by
 * determination, closed, and overdue at the period's end. A clue counts where it is
 * placed ({@code region_code}, which its facts follow).
 */
@Component
class ClueMeasures implements MeasureSource {

	/**
	 * A record's columns: the region from the alias given ({@code c}, the clue, or
	 * {@code f}, its fact), the date given, what is shown of the clue.
	 */
	private static final String ROW = "%s.region_code, %s as on_date, c.code as ref, c.title, '/clues/' || c.id as link, cast(null as bigint) as amount";

	/**
	 * For the keyed measures: ordered by the instant received (index
	 * clue_received_region_idx).
	 */
	private static final String RECEIVED_KEY = ", c.received_at as sort_at, c.id as sort_id";

	/**
	 * For the measures counted from the clue's facts (V108:
	 * {@code clue_first_determination}, {@code clue_closing}, {@code clue_overdue_step},
	 * kept by triggers with the clue's moves and carrying its region): the count reads
	 * the facts' period index alone, and the clue itself is joined only for what a
	 * drill-down page shows (a left join on its key, which PostgreSQL drops when nothing
	 * of the clue is selected).
	 */
	/**
	 * A move's fact, ordered by the move's instant and id (the facts' period index). The
	 * overdue clues are keyed by their earliest overdue due date and id, and read what
	 * they show of the clue in scalar subqueries, which PostgreSQL evaluates after the
	 * sort and limit, for the page's rows alone (a join would be made for every record).
	 */
	private static final String MOVE_KEY = ", f.occurred_at as sort_at, f.event_id as sort_id";

	@Override
	public List<Measure> measures() {
		Map<String, String> sources = new LinkedHashMap<>();
		Arrays.stream(ClueSource.values()).forEach(s -> sources.put(s.name(), s.label()));
		Map<String, String> determinations = new LinkedHashMap<>();
		Arrays.stream(Determination.values()).forEach(d -> determinations.put(d.name(), d.label()));
		return List.of(
				Measure
					.count("clue.received", "受理线索", "件",
							"select " + ROW.formatted("c", "cast(c.received_at as date)") + RECEIVED_KEY
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
							"select " + ROW.formatted("c", "cast(c.received_at as date)") + RECEIVED_KEY
									+ """
											 from clue c
											where c.received_at >= :fromAt and c.received_at < :untilAt and c.region_code like :regionLike
											  and c.grade = 'MAJOR'
											""")
					.byKey(),
				Measure
					.count("clue.determined", "研判认定线索", "件",
							"select " + ROW.formatted("f", "cast(f.occurred_at as date)") + MOVE_KEY
									+ ", f.determination as param_value"
									+ """
											 from clue_first_determination f
											 left join clue c on c.id = f.clue_id
											where f.occurred_at >= :fromAt and f.occurred_at < :untilAt and f.region_code like :regionLike
											  and (cast(:param as varchar) is null or f.determination = :param)
											""")
					.withParameter("认定结论", determinations)
					.byKey()
					.inOnePass(),
				Measure
					.count("clue.closed", "销号线索", "件",
							"select " + ROW.formatted("f", "cast(f.occurred_at as date)") + MOVE_KEY
									+ """
											 from clue_closing f
											 left join clue c on c.id = f.clue_id
											where f.occurred_at >= :fromAt and f.occurred_at < :untilAt and f.region_code like :regionLike
											  and (f.next_closed_at is null or f.next_closed_at >= :untilAt)
											""")
					.byKey(),
				Measure
					.count("clue.overdue", "期末超期未办结线索", "件",
							"""
									select f.region_code, f.due_on as on_date, (select c.code from clue c where c.id = f.clue_id) as ref,
									       (select c.title from clue c where c.id = f.clue_id) as title, '/clues/' || f.clue_id as link,
									       cast(null as bigint) as amount, f.due_on as sort_at, f.clue_id as sort_id
									  from (select clue_id, region_code, min(due_on) as due_on
									          from (select clue_id, region_code, due_on from clue_overdue_step
									                 where finished_at is null and due_on < :to and started_at < :untilAt
									                   and region_code like :regionLike
									                union all
									                select clue_id, region_code, due_on from clue_overdue_step
									                 where finished_at >= :untilAt and due_on < :to and started_at < :untilAt
									                   and region_code like :regionLike) open_steps
									         group by clue_id, region_code) f
									""")
					.byKey());
	}

}
