package org.fangfei.app.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Reads the first sheet of an .xlsx file ({@link XlsxRows}, streamed), of an old .xls
 * workbook ({@link XlsRows}, as banks still send statements) or a CSV file
 * ({@link CsvRows}: UTF-8 or GBK, as Excel saves it in China) into rows of trimmed
 * strings, stopping at the row limit, and writes simple .xlsx sheets that open in Excel
 * and LibreOffice.
 */
public final class TabularFile {

	/** Upper bound on data rows accepted in one import. */
	public static final int MAX_ROWS = 20_000;

	/** Rows kept in memory while writing; older ones are flushed to a temporary file. */
	private static final int STREAMED_ROWS = 200;

	private TabularFile() {
	}

	/**
	 * One row of a file with the number the user sees for it: the Excel row number, or
	 * the CSV record number, both counting the header as 1 and blank rows too.
	 */
	public record Line(int number, List<String> cells) implements Serializable {

		public Line {
			cells = List.copyOf(cells);
		}

	}

	/**
	 * @return the header row followed by the data rows; blank rows are dropped
	 * @throws Rejected when the file is neither readable Excel nor CSV, or too large
	 */
	public static List<List<String>> read(String filename, InputStream in) {
		return readLines(filename, in).stream()
			.map(Line::cells)
			.map(ArrayList::new)
			.collect(Collectors.toCollection(ArrayList::new));
	}

	/**
	 * Like {@link #read} but keeps each row's number, so that a report can name the row
	 * as the user sees it even when blank rows were dropped.
	 * @throws Rejected when the file is neither readable Excel nor CSV, or too large
	 */
	public static List<Line> readLines(String filename, InputStream in) {
		return readLines(filename, in, MAX_ROWS);
	}

	/**
	 * The header row and at most {@code maxRows} data rows of an .xlsx or .xls (first
	 * sheet) or CSV file, blank rows dropped. Reading stops at the first row over the
	 * limit.
	 * @throws TooManyRows when the file has more data rows
	 * @throws Rejected when the file is neither readable Excel nor CSV, or is empty
	 */
	public static List<Line> readLines(String filename, InputStream in, int maxRows) {
		String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
		RowCollector rows = new RowCollector(maxRows);
		if (name.endsWith(".xlsx")) {
			XlsxRows.read(in, rows);
		}
		else if (name.endsWith(".xls")) {
			XlsRows.read(in, rows);
		}
		else if (name.endsWith(".csv")) {
			CsvRows.read(readAll(in), rows);
		}
		else {
			throw new Rejected("只支持 Excel(.xlsx、.xls) 或 CSV 文件");
		}
		return rows.lines();
	}

	/**
	 * Reads the rows of an .xlsx (streamed), .xls or CSV file (decoded as it arrives) and
	 * hands each to {@code sink} as it is read, keeping none: a file of a million rows is
	 * read in bounded memory. Blank rows are dropped; the header row counts as one.
	 * @throws TooManyRows when the file has more than {@code maxRows} data rows
	 * @throws Rejected when the file is neither readable Excel nor CSV, or is empty
	 */
	public static void stream(String filename, InputStream in, int maxRows, java.util.function.Consumer<Line> sink) {
		String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
		// what the sink throws reaches the caller as it was, not as an unreadable file
		RowCollector rows = new RowCollector(maxRows, (line) -> {
			try {
				sink.accept(line);
			}
			catch (Rejected ex) {
				throw ex;
			}
			catch (RuntimeException ex) {
				throw new SinkFailed(ex);
			}
		});
		try {
			if (name.endsWith(".xlsx")) {
				XlsxRows.read(in, rows);
			}
			else if (name.endsWith(".xls")) {
				XlsRows.read(in, rows);
			}
			else if (name.endsWith(".csv")) {
				CsvRows.read(in, rows);
			}
			else {
				throw new Rejected("只支持 Excel(.xlsx、.xls) 或 CSV 文件");
			}
		}
		catch (SinkFailed ex) {
			throw ex.failure;
		}
		if (rows.kept() == 0) {
			throw new Rejected("文件是空的：第一行应为表头");
		}
	}

	/** Carries what a streamed read's sink threw past the readers' own handling. */
	private static final class SinkFailed extends Rejected {

		private final transient RuntimeException failure;

		SinkFailed(RuntimeException failure) {
			super("");
			this.failure = failure;
		}

	}

	/**
	 * A CSV file's records numbered from 1, decoded as UTF-8 (with or without BOM) or,
	 * failing that, GBK; blank records dropped, reading stopped at the first data row
	 * over {@code maxRows}.
	 * @throws TooManyRows when the file has more data rows
	 * @throws Rejected when the file is empty or not well-formed CSV
	 */
	public static List<Line> csvLines(byte[] bytes, int maxRows) {
		RowCollector rows = new RowCollector(maxRows);
		CsvRows.read(bytes, rows);
		return rows.lines();
	}

	private static byte[] readAll(InputStream in) {
		try {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One sheet of a workbook: its name, the header row and the rows. */
	public record Worksheet(String name, List<String> header, List<List<String>> rows) {
	}

	/**
	 * An .xlsx workbook with one sheet: a bold header row, then the rows, columns sized
	 * to fit.
	 */
	public static byte[] writeXlsx(String sheetName, List<String> header, List<List<String>> rows) {
		return writeXlsx(List.of(new Worksheet(sheetName, header, rows)));
	}

	/**
	 * An .xlsx workbook with the given sheets, each laid out as the one-sheet version.
	 * Rows are streamed to temporary files as they are written (a ledger export may have
	 * tens of thousands), which are deleted before returning.
	 */
	public static byte[] writeXlsx(List<Worksheet> sheets) {
		SXSSFWorkbook wb = new SXSSFWorkbook(STREAMED_ROWS);
		try (wb; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Font bold = wb.createFont();
			bold.setBold(true);
			CellStyle headerStyle = wb.createCellStyle();
			headerStyle.setFont(bold);
			CellStyle text = wb.createCellStyle();
			text.setDataFormat(wb.createDataFormat().getFormat("@"));
			for (Worksheet s : sheets) {
				writeSheet(wb.createSheet(s.name()), s, headerStyle, text);
			}
			wb.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			wb.dispose();
		}
	}

	private static void writeSheet(Sheet sheet, Worksheet content, CellStyle headerStyle, CellStyle text) {
		List<String> header = content.header();
		Row h = sheet.createRow(0);
		for (int c = 0; c < header.size(); c++) {
			Cell cell = h.createCell(c);
			cell.setCellValue(header.get(c));
			cell.setCellStyle(headerStyle);
			sheet.setColumnWidth(c, Math.max(12, header.get(c).length() * 3) * 256);
			sheet.setDefaultColumnStyle(c, text);
		}
		for (int r = 0; r < content.rows().size(); r++) {
			Row row = sheet.createRow(r + 1);
			List<String> values = content.rows().get(r);
			for (int c = 0; c < values.size(); c++) {
				Cell cell = row.createCell(c);
				cell.setCellStyle(text);
				cell.setCellValue(values.get(c) == null ? "" : values.get(c));
			}
		}
		sheet.createFreezePane(0, 1);
	}

}
