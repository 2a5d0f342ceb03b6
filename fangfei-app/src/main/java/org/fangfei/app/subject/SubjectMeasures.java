package org.fangfei.app.subject;

import java.util.List;

import org.fangfei.app.report.Measure;
import org.fangfei.app.report.MeasureSource;

import org.springframework.stereotype.Component;

/**
 * The subject ledger's figure for the statistical forms: subjects registered in the
 * period, by the date each was entered ({@code created_at}), where each is placed.
 */
@Component
class SubjectMeasures implements MeasureSource {

	@Override
	public List<Measure> measures() {
		return List.of(Measure
			.count("subject.registered", "新登记风险主体", "户",
					"""
							select s.region_code, cast(s.created_at as date) as on_date, coalesce(s.credit_code, '主体' || s.id) as ref,
							       s.name as title, '/subjects/' || s.id as link, cast(null as bigint) as amount,
							       s.created_at as sort_at, s.id as sort_id
							  from subject s
							 where s.created_at >= :fromAt and s.created_at < :untilAt and s.region_code like :regionLike
							""")
			.byKey());
	}

}
