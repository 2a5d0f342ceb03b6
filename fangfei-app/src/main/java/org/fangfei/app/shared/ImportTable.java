package org.fangfei.app.shared;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An uploaded file matched against the template of its kind: the problems with its header
 * (a wrong template is refused as a whole, before any row is looked at) and its data
 * lines with their cells by column name. Serializable so that a checked file can wait in
 * the HTTP session for the user's confirmation.
 *
 * @param kind what the file is meant to hold
 * @param filename the name the file was uploaded under, for the audit log
 * @param problems what is wrong with the file as a whole; empty when the header fits
 * @param lines the data rows, header excluded
 */
public record ImportTable<K extends ImportTemplate>(K kind, String filename, List<String> problems,
		List<ImportLine> lines) implements Serializable {

	public ImportTable {
		problems = List.copyOf(problems);
		lines = List.copyOf(lines);
	}

	/**
	 * @param rows the header row followed by the data rows, as read by
	 * {@link TabularFile#readLines}
	 */
	public static <K extends ImportTemplate> ImportTable<K> of(K kind, String filename, List<TabularFile.Line> rows) {
		List<String> header = rows.isEmpty() ? List.of() : rows.get(0).cells();
		List<String> problems = headerProblems(kind, header);
		if (!problems.isEmpty()) {
			return new ImportTable<>(kind, filename, problems, List.of());
		}
		List<ImportLine> lines = new ArrayList<>(rows.size());
		for (TabularFile.Line row : rows.subList(1, rows.size())) {
			Map<String, String> cells = new HashMap<>();
			for (int c = 0; c < header.size(); c++) {
				if (!header.get(c).isEmpty()) {
					cells.put(header.get(c), c < row.cells().size() ? row.cells().get(c) : "");
				}
			}
			lines.add(new ImportLine(row.number(), cells));
		}
		if (lines.isEmpty()) {
			problems = List.of("文件中没有数据行：表头下面应有至少一行数据");
		}
		return new ImportTable<>(kind, filename, problems, lines);
	}

	/**
	 * Reads an .xlsx or CSV file and matches its header against the template.
	 * @throws Rejected when the file is not readable Excel or CSV, is empty or has too
	 * many rows
	 */
	public static <K extends ImportTemplate> ImportTable<K> read(K kind, String filename, java.io.InputStream in) {
		return of(kind, filename, TabularFile.readLines(filename, in));
	}

	private static List<String> headerProblems(ImportTemplate kind, List<String> header) {
		List<String> details = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (String column : header) {
			if (column.isEmpty()) {
				continue;
			}
			if (!seen.add(column)) {
				details.add("列“" + column + "”重复");
			}
			else if (!kind.columns().contains(column)) {
				details.add("无法识别的列“" + column + "”");
			}
		}
		for (String column : kind.required()) {
			if (!seen.contains(column)) {
				details.add("缺少必填列“" + column + "”");
			}
		}
		if (details.isEmpty()) {
			return List.of();
		}
		List<String> problems = new ArrayList<>();
		problems.add("表头与“" + kind.label() + "”导入模板不符（第 1 行应为：" + String.join("、", kind.columns()) + "）。请下载“"
				+ kind.label() + "”导入模板，按模板填写后重新上传。");
		problems.addAll(details);
		return problems;
	}

	/**
	 * One data row.
	 *
	 * @param number the row number the user sees in Excel (header = 1)
	 * @param cells trimmed cell text by column name; a column the file lacks is absent
	 */
	public record ImportLine(int number, Map<String, String> cells) implements Serializable {

		public ImportLine {
			cells = Map.copyOf(cells);
		}

		/** The cell of a column, or an empty string. */
		public String get(String column) {
			return this.cells.getOrDefault(column, "");
		}

		/** The row's values in template order, for the report. */
		public List<String> values(ImportTemplate kind) {
			return kind.columns().stream().map(this::get).toList();
		}

	}

}
