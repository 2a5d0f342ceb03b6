package org.fangfei.app.patrol;

import java.util.List;

import org.fangfei.app.report.Measure;
import org.fangfei.app.report.MeasureSource;

import org.springframework.stereotype.Component;

/**
 * The patrol figures (走访巡查) for the statistical forms, by the visit's time: visits, and
 * visits whose findings were reported as a clue.
 */
@Component
class PatrolMeasures implements MeasureSource {

	private static final String VISITS = """
			select p.region_code, cast(p.visited_at as date) as on_date, '巡查' || p.id as ref, p.place as title,
			       '/patrols/' || p.id as link, cast(null as bigint) as amount
			  from patrol p
			 where p.visited_at >= :fromAt and p.visited_at < :untilAt and p.region_code like :regionLike
			""";

	@Override
	public List<Measure> measures() {
		return List.of(Measure.count("patrol.visits", "走访巡查", "次", VISITS),
				Measure.count("patrol.findings", "巡查发现问题上报", "次", VISITS + " and p.raise_clue"));
	}

}
