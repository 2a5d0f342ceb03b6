package org.fangfei.app.organisation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.fangfei.app.organisation.ImportTable.ImportLine;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Regions12;

/**
 * Row checks shared by the three import kinds. Each adds its Chinese problem to the row's
 * list instead of throwing, so that a report names every problem of every row at once.
 */
final class ImportChecks {

	private ImportChecks() {
	}

	/**
	 * The row number on which each non-empty key first appears, so that later rows with
	 * the same key can name it.
	 */
	static Map<String, Integer> firstLines(List<ImportLine> lines, Function<ImportLine, String> key) {
		Map<String, Integer> first = new HashMap<>();
		for (ImportLine line : lines) {
			String k = key.apply(line);
			if (k != null && !k.isEmpty()) {
				first.putIfAbsent(k, line.number());
			}
		}
		return first;
	}

	static void unique(String what, String key, ImportLine line, Map<String, Integer> firstLines,
			List<String> problems) {
		Integer first = firstLines.get(key);
		if (first != null && first != line.number()) {
			problems.add(what + "在文件中重复（与第 " + first + " 行相同）");
		}
	}

	/** A required text of at most {@code max} characters. */
	static void text(String what, String value, int max, List<String> problems) {
		if (value.isEmpty()) {
			problems.add(what + "不能为空");
		}
		else if (value.length() > max) {
			problems.add(what + "不能超过" + max + "个字");
		}
	}

	/**
	 * An existing region in the caller's scope.
	 * @return the region, or null after adding the problem
	 */
	static Region region(String what, String code, Map<String, Region> existing, DataScope scope,
			List<String> problems) {
		if (code.isEmpty()) {
			problems.add(what + "不能为空");
			return null;
		}
		if (!Regions12.isValid(code)) {
			problems.add(what + "不合法（" + code + "），应为12位数字");
			return null;
		}
		Region region = existing.get(code);
		if (region == null) {
			problems.add("所属区划不存在（" + code + "）");
			return null;
		}
		if (!scope.covers(code)) {
			problems.add("所属区划不在您的管辖范围内（" + code + " " + region.name() + "）");
			return null;
		}
		return region;
	}

	/** Excel shows a long number typed into a general cell as 6.20422E+17. */
	static boolean storedAsNumber(String value) {
		return value.matches("[0-9.]+[Ee]\\+?[0-9]+");
	}

}
