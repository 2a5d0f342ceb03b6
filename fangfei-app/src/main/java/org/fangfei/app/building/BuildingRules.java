package org.fangfei.app.building;

import java.util.LinkedHashMap;
import java.util.Map;

import org.fangfei.app.organisation.Grid;
import org.fangfei.app.organisation.Grids;
import org.fangfei.app.organisation.Region;
import org.fangfei.app.organisation.RegionLevel;
import org.fangfei.app.organisation.Regions;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Regions12;
import org.fangfei.app.shared.Rejected;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The checks a building passes before it is written: its region is a township or village
 * within the caller's jurisdiction, its grid (when given) is within the jurisdiction and
 * covers that region, and no other building in the same region has the same name.
 */
@Component
class BuildingRules {

	private final JdbcClient jdbc;

	private final Regions regions;

	private final Grids grids;

	BuildingRules(JdbcClient jdbc, Regions regions, Grids grids) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.grids = grids;
	}

	/**
	 * @param id the building being edited, or null for a new one
	 * @throws Rejected with every problem found, by field
	 */
	void check(BuildingForm form, Long id, DataScope scope) {
		Map<String, String> errors = new LinkedHashMap<>();
		checkRegion(form.regionCode(), scope, errors);
		if (form.gridId() != null) {
			checkGrid(form.gridId(), form.regionCode(), scope, errors);
		}
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
		Integer same = this.jdbc.sql("""
				select count(*) from building
				where region_code = :region and name = :name and (cast(:id as bigint) is null or id <> :id)
				""")
			.param("region", form.regionCode())
			.param("name", form.name().trim())
			.param("id", id)
			.query(Integer.class)
			.single();
		if (same > 0) {
			throw new Rejected("该区划内已有同名楼宇“" + form.name().trim() + "”", Map.of("name", "该区划内已有同名楼宇"));
		}
	}

	private void checkRegion(String regionCode, DataScope scope, Map<String, String> errors) {
		Region region = this.regions.byCode(regionCode).filter(r -> scope.covers(r.code())).orElse(null);
		if (region == null) {
			errors.put("regionCode", "所属区划不存在或不在您的管辖范围内");
		}
		else if (!region.enabled()) {
			errors.put("regionCode", "所属区划已停用");
		}
		else if (region.level() != RegionLevel.TOWNSHIP && region.level() != RegionLevel.VILLAGE) {
			errors.put("regionCode", "楼宇应登记在乡镇(街道)或村(社区)上");
		}
	}

	/** The grid must be the building's region's own grid or that of a region above it. */
	private void checkGrid(long gridId, String regionCode, DataScope scope, Map<String, String> errors) {
		Grid grid = this.grids.find(gridId, scope).orElse(null);
		if (grid == null) {
			errors.put("gridId", "所属网格不存在或不在您的管辖范围内");
		}
		else if (!grid.enabled()) {
			errors.put("gridId", "所属网格已停用");
		}
		else if (!regionCode.startsWith(Regions12.prefixOf(grid.regionCode()))) {
			errors.put("gridId", "所属网格与所属区划不一致(网格“" + grid.name() + "”不覆盖该区划)");
		}
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

}
