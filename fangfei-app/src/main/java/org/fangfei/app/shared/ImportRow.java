package org.fangfei.app.shared;

import java.util.List;

/**
 * One row of an import report.
 *
 * @param number the row number as the user sees it in Excel (header = 1)
 * @param values the row's cells in template column order
 * @param status 通过 or 错误
 * @param problems every problem found in the row, in Chinese; empty when it passed
 */
public record ImportRow(int number, List<String> values, String status, List<String> problems) {

	public static final String PASSED = "通过";

	public static final String FAILED = "错误";

	public ImportRow {
		values = List.copyOf(values);
		problems = List.copyOf(problems);
	}

	public static ImportRow of(int number, List<String> values, List<String> problems) {
		return new ImportRow(number, values, problems.isEmpty() ? PASSED : FAILED, problems);
	}

	public boolean passed() {
		return this.problems.isEmpty();
	}

}
