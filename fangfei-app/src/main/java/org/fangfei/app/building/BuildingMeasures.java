package org.fangfei.app.building;

import java.util.List;

import org.fangfei.app.report.Measure;
import org.fangfei.app.report.MeasureSource;

import org.springframework.stereotype.Component;

/**
 * The sweep figures (扫楼) for the statistical forms, by each sweep's date: buildings swept
 * at least once in the period, the tenants checked and the risks found.
 */
@Component
class BuildingMeasures implements MeasureSource {

	private static final String SWEEPS = """
			select b.region_code, s.swept_on as on_date, '扫楼' || s.id as ref, b.name as title,
			       '/buildings/' || b.id as link, cast(s.%s as bigint) as amount
			  from building_sweep s join building b on b.id = s.building_id
			 where s.swept_on between :from and :to and b.region_code like :regionLike
			""";

	@Override
	public List<Measure> measures() {
		return List.of(Measure.count("building.swept", "已扫楼宇", "栋", """
				select b.region_code, max(s.swept_on) as on_date, '楼宇' || b.id as ref, b.name as title,
				       '/buildings/' || b.id as link, cast(null as bigint) as amount
				  from building_sweep s join building b on b.id = s.building_id
				 where s.swept_on between :from and :to and b.region_code like :regionLike
				 group by b.id, b.region_code, b.name
				"""), Measure.sum("building.tenantsChecked", "扫楼检查主体", "户", SWEEPS.formatted("tenants_checked")),
				Measure.sum("building.risksFound", "扫楼发现风险", "个", SWEEPS.formatted("risks_found")));
	}

}
