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
									+ """
											 from clue c
											where c.received_at >= :fromAt and c.received_at < :untilAt and c.region_code like :regionLike
											  and (cast(:param as varchar) is null or c.source = :param)
											""")
					.withParameter("线索来源", sources)
					.byKey(),
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
							"select " + CLUE_ROW.formatted("cast(e.at as date)")
									+ """
											 from clue c
											 join (select clue_id, min(occurred_at) as at from clue_event
											        where kind = '认定' and occurred_at >= :fromAt and occurred_at < :untilAt group by clue_id) e
											   on e.clue_id = c.id
											where c.region_code like :regionLike
											  and not exists (select 1 from clue_event p where p.clue_id = c.id and p.kind = '认定' and p.occurred_at < :fromAt)
											  and (cast(:param as varchar) is null or c.determination = :param)
											""")
					.withParameter("认定结论", determinations),
				Measure.count("clue.closed", "销号线索", "件",
						"select " + CLUE_ROW.formatted("cast(e.at as date)")
								+ """
										 from clue c
										 join (select clue_id, max(occurred_at) as at from clue_event
										        where to_state = 'CLOSED' and occurred_at >= :fromAt and occurred_at < :untilAt group by clue_id) e
										   on e.clue_id = c.id
										where c.region_code like :regionLike
										"""),
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
