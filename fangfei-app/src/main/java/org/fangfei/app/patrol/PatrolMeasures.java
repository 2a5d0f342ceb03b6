package org.fangfei.app.patrol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.report.Measure;
import org.fangfei.app.report.MeasureSource;

import org.springframework.stereotype.Component;

/**
 * The patrol figures (走访巡查) for the statistical forms, by the visit's time: visits,
 * visits whose findings were reported as a clue, and the grids covered — the
 * jurisdiction's grids, those patrolled at least once in the period and those not
 * (网格巡查覆盖率 is the second over the first; the third is the list a leader wants to see).
 */
@Component
class PatrolMeasures implements MeasureSource {

	private static final String VISITS = """
			select p.region_code, cast(p.visited_at as date) as on_date, '巡查' || p.id as ref, p.place as title,
			       '/patrols/' || p.id as link, cast(null as bigint) as amount
			  from patrol p
			 where p.visited_at >= :fromAt and p.visited_at < :untilAt and p.region_code like :regionLike
			""";

	/**
	 * The enabled level-2 grids (a village's or community's grid, where grid workers
	 * patrol) of the jurisdiction, one row each, with their patrols in the period; the
	 * parameter keeps those patrolled at least once or those not. A patrolled grid is
	 * dated by its last visit in the period, an unpatrolled one by the period's end. The
	 * grid register has no history: a grid counts if it is enabled now.
	 */
	private static final String GRIDS = """
			select g.region_code, coalesce(cast(v.last_visit as date), cast(:to as date)) as on_date, g.code as ref,
			       g.name || case when v.grid_id is null then '(期内未巡查)' else '(期内巡查' || v.visits || '次)' end as title,
			       '/patrols?gridId=' || g.id || '&from=' || cast(cast(:from as date) as varchar)
			         || '&to=' || cast(cast(:to as date) as varchar) as link,
			       cast(null as bigint) as amount
			  from grid g
			  left join (select p.grid_id, count(*) as visits, max(p.visited_at) as last_visit
			               from patrol p
			              where p.visited_at >= :fromAt and p.visited_at < :untilAt and p.region_code like :regionLike
			                and p.grid_id is not null
			              group by p.grid_id) v on v.grid_id = g.id
			 where g.level = 2 and g.enabled and g.region_code like :regionLike
			   and (cast(:param as varchar) is null or (cast(:param as varchar) = 'PATROLLED') = (v.grid_id is not null))
			""";

	/** The parameter of {@code patrol.grids}: patrolled in the period or not. */
	static final String PATROLLED = "PATROLLED";

	static final String UNPATROLLED = "UNPATROLLED";

	@Override
	public List<Measure> measures() {
		Map<String, String> coverage = new LinkedHashMap<>();
		coverage.put(PATROLLED, "期内已巡查");
		coverage.put(UNPATROLLED, "期内未巡查");
		return List.of(Measure.count("patrol.visits", "走访巡查", "次", VISITS),
				Measure.count("patrol.findings", "巡查发现问题上报", "次", VISITS + " and p.raise_clue"),
				Measure.count("patrol.grids", "辖区网格", "个", GRIDS).withParameter("巡查情况", coverage));
	}

}
