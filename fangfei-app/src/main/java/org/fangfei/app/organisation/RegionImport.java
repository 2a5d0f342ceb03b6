package org.fangfei.app.organisation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fangfei.app.organisation.ImportKind.Columns;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.ImportChecks;
import org.fangfei.app.shared.ImportRow;
import org.fangfei.app.shared.ImportTable.ImportLine;
import org.fangfei.app.shared.ImportTable;
import org.fangfei.app.shared.Regions12;

import org.springframework.stereotype.Component;

/**
 * Checks and writes the rows of a 区划 import file. A region's parent must already exist or
 * be another row of the same file; existing regions are not overwritten.
 */
@Component
class RegionImport {

	private final Regions regions;

	RegionImport(Regions regions) {
		this.regions = regions;
	}

	/**
	 * @param rows every row with its problems
	 * @param regions the regions to write, meaningful only when every row passed
	 */
	record Checked(List<ImportRow> rows, List<Region> regions) {
	}

	Checked check(ImportTable<ImportKind> table, DataScope scope) {
		List<ImportLine> lines = table.lines();
		Map<String, Integer> firstLines = ImportChecks.firstLines(lines, l -> l.get(Columns.REGION_CODE));
		Set<String> lookup = new HashSet<>();
		for (String code : firstLines.keySet()) {
			if (Regions12.isValid(code)) {
				lookup.add(code);
				lookup.add(Regions12.structuralParent(code));
			}
		}
		lookup.remove(null);
		Map<String, Region> existing = this.regions.byCodes(lookup);
		List<ImportRow> rows = new ArrayList<>(lines.size());
		List<Region> checked = new ArrayList<>(lines.size());
		for (ImportLine line : lines) {
			List<String> problems = new ArrayList<>();
			Region region = checkLine(line, firstLines, existing, scope, problems);
			rows.add(ImportRow.of(line.number(), line.values(ImportKind.REGION), problems));
			if (problems.isEmpty()) {
				checked.add(region);
			}
		}
		return new Checked(rows, checked);
	}

	private Region checkLine(ImportLine line, Map<String, Integer> firstLines, Map<String, Region> existing,
			DataScope scope, List<String> problems) {
		String code = line.get(Columns.REGION_CODE);
		String name = line.get(Columns.NAME);
		ImportChecks.text("名称", name, 100, problems);
		if (code.isEmpty()) {
			problems.add("区划代码不能为空");
			return null;
		}
		if (!Regions12.isValid(code)) {
			problems.add("区划代码不合法（" + code + "），应为12位数字");
			return null;
		}
		if (existing.containsKey(code)) {
			problems.add("区划代码已存在（" + code + " " + existing.get(code).name() + "）");
		}
		ImportChecks.unique("区划代码", code, line, firstLines, problems);
		if (!scope.covers(code)) {
			problems.add("区划不在您的管辖范围内（" + code + "）");
		}
		String parent = checkParent(code, line.get(Columns.PARENT_REGION_CODE), firstLines, existing, problems);
		return new Region(code, name, RegionLevel.ofCode(code), parent, true);
	}

	/** The parent is fixed by the code's structure (统计用区划代码); a given one must agree. */
	private static String checkParent(String code, String given, Map<String, Integer> firstLines,
			Map<String, Region> existing, List<String> problems) {
		String expected = Regions12.structuralParent(code);
		if (!given.isEmpty() && !given.equals(expected)) {
			problems.add("上级区划代码应为 " + (expected == null ? "空（省级区划没有上级）" : expected) + "，而不是 " + given);
		}
		if (expected != null && !existing.containsKey(expected) && !firstLines.containsKey(expected)) {
			problems.add("上级区划不存在（" + expected + "），请先导入上级区划或把它加入本文件");
		}
		return expected;
	}

	/**
	 * Writes checked regions, parents before children.
	 * @return the number written
	 */
	int write(List<Region> checked) {
		checked.stream()
			.sorted(Comparator.comparingInt((Region r) -> Regions12.significantLength(r.code()))
				.thenComparing(Region::code))
			.forEach(this.regions::insert);
		return checked.size();
	}

}
