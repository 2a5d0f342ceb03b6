package org.fangfei.app.monitoring;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.fangfei.app.shared.FileType;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.TabularFile;
import org.fangfei.app.shared.TooManyRows;

/**
 * An uploaded bank export read into its header and numbered rows. The type is decided by
 * the content ({@link FileType}), not the name: a ZIP container must be an .xlsx
 * workbook, text must be CSV (UTF-8 or GBK, as Excel saves it in China); anything else is
 * refused. The line number of a row is the one the user sees (header = 1).
 */
record BankExport(Kind kind, List<String> header, List<TabularFile.Line> rows) {

	enum Kind {

		CSV, XLSX

	}

	/** Largest accepted upload; the servlet's multipart limit is the same. */
	static final long MAX_BYTES = 10L * 1024 * 1024;

	/**
	 * Most data rows one CSV batch may hold (an .xlsx follows
	 * {@link TabularFile#MAX_ROWS}).
	 */
	static final int MAX_ROWS = 200_000;

	static Kind kindOf(String filename, byte[] bytes) {
		String name = filename == null ? "" : filename.toLowerCase();
		if (bytes.length == 0) {
			throw new Rejected("文件是空的：第一行应为表头");
		}
		if (bytes.length > MAX_BYTES) {
			throw new Rejected("文件超过 10MB，请按日期拆分后分批上传");
		}
		FileType type = FileType.of(bytes);
		if (type == FileType.ZIP) {
			if (!name.endsWith(".xlsx")) {
				throw new Rejected("文件内容是 Excel 工作簿，但文件名不是 .xlsx，请确认文件类型");
			}
			return Kind.XLSX;
		}
		if (type == FileType.OLE) {
			throw new Rejected("不支持旧版 Excel(.xls)，请在 Excel 中另存为 .xlsx 或 CSV 后上传");
		}
		if (type != FileType.TEXT) {
			throw new Rejected("文件内容不是 CSV 文本或 Excel(.xlsx) 工作簿，无法读取");
		}
		if (!name.endsWith(".csv") && !name.endsWith(".txt")) {
			throw new Rejected("文件内容是文本，但文件名不是 .csv，请另存为 CSV 后上传");
		}
		return Kind.CSV;
	}

	static BankExport read(String filename, byte[] bytes) {
		Kind kind = kindOf(filename, bytes);
		List<TabularFile.Line> lines;
		try {
			lines = (kind == Kind.XLSX)
					? TabularFile.readLines(filename, new ByteArrayInputStream(bytes), TabularFile.MAX_ROWS)
					: TabularFile.csvLines(bytes, MAX_ROWS);
		}
		catch (TooManyRows ex) {
			throw new Rejected("一次最多上传 " + ex.limit() + " 行流水，请按日期拆分文件"
					+ (kind == Kind.XLSX ? "，或另存为 CSV(最多 " + MAX_ROWS + " 行)" : ""));
		}
		List<String> header = lines.get(0).cells();
		return new BankExport(kind, header, lines.subList(1, lines.size()));
	}

}
