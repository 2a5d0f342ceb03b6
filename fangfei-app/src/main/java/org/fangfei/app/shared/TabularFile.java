package org.fangfei.app.shared;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Reads the first sheet of an .xlsx file or a CSV file (UTF-8 or GBK, as Excel saves it
 * in China) into rows of trimmed strings, and writes simple .xlsx sheets that open in
 * Excel and LibreOffice.
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
		String name = filename == null ? "" : filename.toLowerCase();
		try {
			byte[] bytes = in.readAllBytes();
			List<Line> rows;
			if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
				rows = readExcel(bytes);
			}
			else if (name.endsWith(".csv")) {
				rows = csvLines(bytes);
			}
			else {
				throw new Rejected("只支持 Excel(.xlsx) 或 CSV 文件");
			}
			rows.removeIf(r -> r.cells().stream().allMatch(String::isEmpty));
			refuseNul(rows);
			if (rows.isEmpty()) {
				throw new Rejected("文件是空的：第一行应为表头");
			}
			if (rows.size() - 1 > MAX_ROWS) {
				throw new Rejected("一次最多导入 " + MAX_ROWS + " 行，请拆分文件");
			}
			return rows;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * PostgreSQL cannot store NUL in text: a file holding one is refused whole, naming
	 * the first row, rather than failing at the database.
	 */
	private static void refuseNul(List<Line> rows) {
		for (Line row : rows) {
			for (String cell : row.cells()) {
				if (cell.indexOf('\0') >= 0) {
					throw new Rejected("第 " + row.number() + " 行含有不允许的空字符(NUL)，请删除后重新上传");
				}
			}
		}
	}

	/**
	 * A CSV file's records numbered from 1, decoded as UTF-8 (with or without BOM) or,
	 * failing that, GBK; no size limit — the caller applies its own.
	 */
	public static List<Line> csvLines(byte[] bytes) {
		return numbered(readCsv(decode(bytes)));
	}

	private static List<Line> numbered(List<List<String>> rows) {
		List<Line> lines = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			lines.add(new Line(i + 1, rows.get(i)));
		}
		return lines;
	}

	private static List<Line> readExcel(byte[] bytes) throws IOException {
		try (Workbook wb = openWorkbook(bytes)) {
			Sheet sheet = wb.getSheetAt(0);
			DataFormatter fmt = new DataFormatter();
			List<Line> rows = new ArrayList<>();
			int width = 0;
			for (Row row : sheet) {
				if (rows.isEmpty() && row.getRowNum() == sheet.getFirstRowNum()) {
					width = row.getLastCellNum();
				}
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < Math.max(width, row.getLastCellNum()); c++) {
					Cell cell = row.getCell(c);
					cells.add(cell == null ? "" : fmt.formatCellValue(cell).trim());
				}
				rows.add(new Line(row.getRowNum() + 1, cells));
			}
			return rows;
		}
	}

	/**
	 * POI reports a file that is not a workbook (or is damaged or password-protected) by
	 * several exception types, checked and unchecked; to the user they are all the same.
	 */
	private static Workbook openWorkbook(byte[] bytes) {
		try {
			return WorkbookFactory.create(new java.io.ByteArrayInputStream(bytes));
		}
		catch (IOException | RuntimeException ex) {
			throw new Rejected("无法读取 Excel 文件，请使用导入模板另存为 .xlsx");
		}
	}

	private static String decode(byte[] bytes) {
		int start = (bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF)
				? 3 : 0;
		ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(buffer)
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new String(bytes, start, bytes.length - start, Charset.forName("GBK"));
		}
	}

	/**
	 * RFC 4180: quoted fields may hold commas, quotes ("") and line breaks; fields are
	 * stripped of Unicode white space (the full-width space of Chinese spreadsheets too).
	 */
	static List<List<String>> readCsv(String text) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char ch = text.charAt(i);
			if (quoted) {
				if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (ch == '"') {
					quoted = false;
				}
				else {
					field.append(ch);
				}
			}
			else if (ch == '"') {
				quoted = true;
			}
			else if (ch == ',') {
				row.add(field.toString().strip());
				field.setLength(0);
			}
			else if (ch == '\n' || ch == '\r') {
				if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				row.add(field.toString().strip());
				field.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
			}
			else {
				field.append(ch);
			}
		}
		if (field.length() > 0 || !row.isEmpty()) {
			row.add(field.toString().strip());
			rows.add(row);
		}
		return rows;
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
