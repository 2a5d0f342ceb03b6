package org.fangfei.app.petition;

import java.util.List;
import java.util.Map;

import org.fangfei.app.report.Measure;
import org.fangfei.app.report.MeasureSource;

import org.springframework.stereotype.Component;

/**
 * The petition figures (信访) for the statistical forms, by the date received: petitions by
 * channel, and the petitioners they brought.
 */
@Component
class PetitionMeasures implements MeasureSource {

	private static final String RECEIVED = """
			select p.region_code, p.received_on as on_date, p.code as ref,
			       case when p.collective then '集体信访' else '个人信访' end as title,
			       '/petitions/' || p.id as link, cast(%s as bigint) as amount
			  from petition p
			 where p.received_on between :from and :to and p.region_code like :regionLike
			   and (cast(:param as varchar) is null or p.channel = :param)
			""";

	@Override
	public List<Measure> measures() {
		Map<String, String> channels = Map.of("LETTER", "来信", "VISIT", "来访", "ONLINE", "网上信访", "PHONE", "电话");
		return List.of(
				Measure.count("petition.received", "受理信访件", "件", RECEIVED.formatted("null"))
					.withParameter("信访形式", new java.util.TreeMap<>(channels)),
				Measure.sum("petition.petitioners", "信访人数", "人", RECEIVED.formatted("p.petitioners_count"))
					.withParameter("信访形式", new java.util.TreeMap<>(channels)));
	}

}
