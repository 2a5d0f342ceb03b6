package org.fangfei.app.organisation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.fangfei.app.organisation.ImportKind.Columns;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.ImportChecks;
import org.fangfei.app.shared.ImportRow;
import org.fangfei.app.shared.ImportTable.ImportLine;
import org.fangfei.app.shared.ImportTable;

import org.springframework.stereotype.Component;

/**
 * Checks and writes the rows of a 网格 import file, by the same placement rules as
 * {@link Grids}: level 1 on a township, level 2 on a village under the level-1 grid of
 * its township, which may already exist or be a row of the same file.
 */
@Component
class GridImport {

	private static final String CODE_PATTERN = "[A-Za-z0-9_-]{1,32}";

	private final Grids grids;

	private final Regions regions;

	GridImport(Grids grids, Regions regions) {
		this.grids = grids;
		this.regions = regions;
	}

	/** A checked grid; its parent is either {@code parentId} (existing) or a file row. */
	record NewGrid(String code, String name, int level, String regionCode, String parentCode, Long parentId) {
	}

	record Checked(List<ImportRow> rows, List<NewGrid> grids) {
	}

	/** What a parent grid must satisfy, whether it exists or is a row of the file. */
	private record Parent(Long id, int level, String regionCode, boolean inScope) {
	}

	Checked check(ImportTable<ImportKind> table, DataScope scope) {
		List<ImportLine> lines = table.lines();
		Map<String, Integer> firstLines = ImportChecks.firstLines(lines, l -> l.get(Columns.GRID_CODE));
		List<String> gridCodes = new ArrayList<>(firstLines.keySet());
		lines.forEach(l -> gridCodes.add(l.get(Columns.PARENT_GRID_CODE)));
		Map<String, Grid> existing = this.grids.byCodes(gridCodes);
		Map<String, Region> regionsByCode = this.regions
			.byCodes(lines.stream().map(l -> l.get(Columns.GRID_REGION_CODE)).collect(Collectors.toSet()));
		Map<String, Parent> parents = parents(lines, existing, scope);
		List<ImportRow> rows = new ArrayList<>(lines.size());
		List<NewGrid> checked = new ArrayList<>(lines.size());
		for (ImportLine line : lines) {
			List<String> problems = new ArrayList<>();
			NewGrid grid = checkLine(line, firstLines, existing, regionsByCode, parents, scope, problems);
			rows.add(ImportRow.of(line.number(), line.values(ImportKind.GRID), problems));
			if (problems.isEmpty()) {
				checked.add(grid);
			}
		}
		return new Checked(rows, checked);
	}

	/** Level-1 grids that a level-2 row may name: existing ones, then the file's own. */
	private static Map<String, Parent> parents(List<ImportLine> lines, Map<String, Grid> existing, DataScope scope) {
		Map<String, Parent> parents = new HashMap<>();
		existing.values()
			.forEach(g -> parents.put(g.code(),
					new Parent(g.id(), g.level(), g.regionCode(), scope.covers(g.regionCode()))));
		for (ImportLine line : lines) {
			Integer level = level(line.get(Columns.GRID_LEVEL));
			if (level != null) {
				parents.putIfAbsent(line.get(Columns.GRID_CODE),
						new Parent(null, level, line.get(Columns.GRID_REGION_CODE), true));
			}
		}
		return parents;
	}

	private static NewGrid checkLine(ImportLine line, Map<String, Integer> firstLines, Map<String, Grid> existing,
			Map<String, Region> regionsByCode, Map<String, Parent> parents, DataScope scope, List<String> problems) {
		String code = line.get(Columns.GRID_CODE);
		if (code.isEmpty()) {
			problems.add("网格编码不能为空");
		}
		else if (!code.matches(CODE_PATTERN)) {
			problems.add("网格编码不合法（" + code + "），只能包含字母、数字、下划线和短横线，最多32位");
		}
		else if (existing.containsKey(code)) {
			problems.add("网格编码已存在（" + code + " " + existing.get(code).name() + "）");
		}
		ImportChecks.unique("网格编码", code, line, firstLines, problems);
		ImportChecks.text("网格名称", line.get(Columns.GRID_NAME), 100, problems);
		Integer level = level(line.get(Columns.GRID_LEVEL));
		if (level == null) {
			problems.add("层级不正确（" + line.get(Columns.GRID_LEVEL) + "），应为 1 或 2（一级/二级）");
		}
		Region region = ImportRegions.inScope("所属区划代码", line.get(Columns.GRID_REGION_CODE), regionsByCode, scope,
				problems);
		if (level != null && region != null) {
			checkRegionLevel(level, region, problems);
		}
		Parent parent = level == null ? null
				: checkParent(level, line.get(Columns.PARENT_GRID_CODE), region, parents, problems);
		return new NewGrid(code, line.get(Columns.GRID_NAME), level == null ? 0 : level,
				line.get(Columns.GRID_REGION_CODE), line.get(Columns.PARENT_GRID_CODE),
				parent == null ? null : parent.id());
	}

	private static void checkRegionLevel(int level, Region region, List<String> problems) {
		if (level == 1 && region.level() != RegionLevel.TOWNSHIP) {
			problems.add("一级网格应建在乡镇(街道)上，" + region.code() + " " + region.name() + " 是" + region.level().label());
		}
		if (level == 2 && region.level() != RegionLevel.VILLAGE) {
			problems.add("二级网格应建在村(社区)上，" + region.code() + " " + region.name() + " 是" + region.level().label());
		}
	}

	private static Parent checkParent(int level, String parentCode, Region region, Map<String, Parent> parents,
			List<String> problems) {
		if (level == 1) {
			if (!parentCode.isEmpty()) {
				problems.add("一级网格不应填写上级网格编码");
			}
			return null;
		}
		if (parentCode.isEmpty()) {
			problems.add("二级网格须填写上级网格编码（所在乡镇的一级网格）");
			return null;
		}
		Parent parent = parents.get(parentCode);
		if (parent == null) {
			problems.add("上级网格不存在（" + parentCode + "）");
			return null;
		}
		if (!parent.inScope()) {
			problems.add("上级网格不在您的管辖范围内（" + parentCode + "）");
		}
		else if (parent.level() != 1 || (region != null && !parent.regionCode().equals(region.parentCode()))) {
			problems.add("上级网格应为该村(社区)所在乡镇的一级网格（" + parentCode + " 不是）");
		}
		return parent;
	}

	/** 1, 2, 一级 or 二级; null for anything else. */
	static Integer level(String text) {
		return switch (text) {
			case "1", "一级", "一级网格" -> 1;
			case "2", "二级", "二级网格" -> 2;
			default -> null;
		};
	}

	/**
	 * Writes checked grids, level 1 first so that level-2 rows can refer to them.
	 * @return the number written
	 */
	int write(List<NewGrid> checked) {
		Map<String, Long> ids = new HashMap<>();
		for (int level = 1; level <= 2; level++) {
			for (NewGrid g : checked) {
				if (g.level() == level) {
					Long parentId = g.parentId() != null ? g.parentId() : ids.get(g.parentCode());
					ids.put(g.code(), this.grids.insert(g.code(), g.name(), g.level(), g.regionCode(), parentId));
				}
			}
		}
		return checked.size();
	}

}
