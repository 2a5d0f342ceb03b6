package org.fangfei.app.shared;

import java.util.List;

/**
 * The outcome of checking an import file, row by row. The file may be imported only when
 * {@code importable}: the header fits the template and every row passed.
 *
 * @param kind what the file holds
 * @param kindLabel 区划, 网格, 人员, 风险主体 …
 * @param columns the template's columns, the order of each row's values
 * @param total number of data rows
 * @param failed number of rows with at least one problem
 * @param importable whether the whole file may be written
 * @param message one sentence for the top of the report
 * @param fileProblems problems with the file as a whole (wrong template, no data)
 * @param rows every data row with its problems
 */
public record ImportReport(ImportTemplate kind, String kindLabel, List<String> columns, int total, int failed,
		boolean importable, String message, List<String> fileProblems, List<ImportRow> rows) {

	public ImportReport {
		columns = List.copyOf(columns);
		fileProblems = List.copyOf(fileProblems);
		rows = List.copyOf(rows);
	}

	public static ImportReport of(ImportTemplate kind, List<String> fileProblems, List<ImportRow> rows) {
		int failed = (int) rows.stream().filter(r -> !r.passed()).count();
		boolean importable = fileProblems.isEmpty() && failed == 0 && !rows.isEmpty();
		String message;
		if (!fileProblems.isEmpty()) {
			message = "文件不符合“" + kind.label() + "”导入模板，未写入任何数据。";
		}
		else if (importable) {
			message = "共 " + rows.size() + " 行，全部通过校验，可以导入。";
		}
		else {
			message = "共 " + rows.size() + " 行，" + failed + " 行有错误，未写入任何数据。请修改后重新上传。";
		}
		return new ImportReport(kind, kind.label(), kind.columns(), rows.size(), failed, importable, message,
				fileProblems, rows);
	}

	/** The rows with problems, for a short summary. */
	public List<ImportRow> failedRows() {
		return this.rows.stream().filter(r -> !r.passed()).toList();
	}

}
