package org.fangfei.app.shared;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.fangfei.app.shared.ImportTable.ImportLine;

/**
 * Row checks shared by the import kinds. Each adds its Chinese problem to the row's list
 * instead of throwing, so that a report names every problem of every row at once.
 */
public final class ImportChecks {

	private ImportChecks() {
	}

	/**
	 * The row number on which each non-empty key first appears, so that later rows with
	 * the same key can name it.
	 */
	public static Map<String, Integer> firstLines(List<ImportLine> lines, Function<ImportLine, String> key) {
		Map<String, Integer> first = new HashMap<>();
		for (ImportLine line : lines) {
			String k = key.apply(line);
			if (k != null && !k.isEmpty()) {
				first.putIfAbsent(k, line.number());
			}
		}
		return first;
	}

	public static void unique(String what, String key, ImportLine line, Map<String, Integer> firstLines,
			List<String> problems) {
		Integer first = firstLines.get(key);
		if (first != null && first != line.number()) {
			problems.add(what + "在文件中重复（与第 " + first + " 行相同）");
		}
	}

	/** A required text of at most {@code max} characters. */
	public static void text(String what, String value, int max, List<String> problems) {
		if (value.isEmpty()) {
			problems.add(what + "不能为空");
		}
		else if (value.length() > max) {
			problems.add(what + "不能超过" + max + "个字");
		}
	}

	/** The problem of a code that Excel turned into a number such as 6.20422E+17. */
	public static String storedAsNumberProblem(String what, String value) {
		return what + "被 Excel 存成了数字（" + value + "），请把该列设为文本格式后重新填写";
	}

	/** Excel shows a long number typed into a general cell as 6.20422E+17. */
	public static boolean storedAsNumber(String value) {
		return value.matches("[0-9.]+[Ee]\\+?[0-9]+");
	}

}
