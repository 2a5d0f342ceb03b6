package org.fangfei.app.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.RegionUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A filled form as an .xlsx sheet laid out as the paper form: the title merged across the
 * table, the title block, the header with its merged cells, one row per line with numbers
 * as numbers (万元 with two decimals), and the notes.
 */
final class FormWorkbook {

	private FormWorkbook() {
	}

	static byte[] write(FormGenerator.Generated form) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Styles styles = new Styles(book);
			FormDefinition def = form.definition();
			int width = def.columns().size() + 1;
			Sheet sheet = book.createSheet(sheetName(def.title()));
			int r = 0;
			Row title = sheet.createRow(r);
			title.setHeightInPoints(30);
			text(title, 0, def.title().strip(), styles.title);
			merge(sheet, r, r, 0, width - 1, false);
			r++;
			for (String line : form.titleBlock()) {
				text(sheet.createRow(r), 0, line, styles.plain);
				merge(sheet, r, r, 0, width - 1, false);
				r++;
			}
			int headerTop = r;
			for (int i = 0; i < def.header().size(); i++) {
				Row row = sheet.createRow(headerTop + i);
				row.setHeightInPoints(32);
				for (int c = 0; c < width; c++) {
					row.createCell(c).setCellStyle(styles.header);
				}
			}
			for (FormDefinition.Placed p : def.placed()) {
				sheet.getRow(headerTop + p.row()).getCell(p.col()).setCellValue(p.text());
				if (p.rows() > 1 || p.cols() > 1) {
					merge(sheet, headerTop + p.row(), headerTop + p.row() + p.rows() - 1, p.col(),
							p.col() + p.cols() - 1, true);
				}
			}
			r = headerTop + def.header().size();
			for (FormGenerator.Line line : form.lines()) {
				Row row = sheet.createRow(r++);
				text(row, 0, line.label(), line.total() ? styles.totalLabel : styles.label);
				for (int c = 0; c < line.cells().size(); c++) {
					FormGenerator.Cell cell = line.cells().get(c);
					Cell x = row.createCell(c + 1);
					if (cell.measure().kind() == Measure.Kind.MONEY) {
						x.setCellValue(Double.parseDouble(cell.shown()));
						x.setCellStyle(styles.money);
					}
					else {
						x.setCellValue(cell.value());
						x.setCellStyle(styles.number);
					}
				}
			}
			for (String note : def.notes()) {
				text(sheet.createRow(r), 0, note, styles.plain);
				merge(sheet, r, r, 0, width - 1, false);
				r++;
			}
			sheet.setColumnWidth(0, 18 * 256);
			for (int c = 1; c < width; c++) {
				sheet.setColumnWidth(c, 12 * 256);
			}
			sheet.createFreezePane(1, headerTop + def.header().size());
			sheet.getPrintSetup().setLandscape(true);
			sheet.setFitToPage(true);
			sheet.getPrintSetup().setFitWidth((short) 1);
			sheet.getPrintSetup().setFitHeight((short) 0);
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Sheet names are at most 31 characters without {@code []:*?/\}. */
	static String sheetName(String title) {
		String name = title.strip().replaceAll("[\\[\\]:*?/\\\\]", "");
		return name.length() > 31 ? name.substring(0, 31) : name;
	}

	private static void text(Row row, int col, String value, CellStyle style) {
		Cell cell = row.createCell(col);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	private static void merge(Sheet sheet, int r1, int r2, int c1, int c2, boolean border) {
		if (r1 == r2 && c1 == c2) {
			return;
		}
		CellRangeAddress range = new CellRangeAddress(r1, r2, c1, c2);
		sheet.addMergedRegion(range);
		if (border) {
			RegionUtil.setBorderTop(BorderStyle.THIN, range, sheet);
			RegionUtil.setBorderBottom(BorderStyle.THIN, range, sheet);
			RegionUtil.setBorderLeft(BorderStyle.THIN, range, sheet);
			RegionUtil.setBorderRight(BorderStyle.THIN, range, sheet);
		}
	}

	private static final class Styles {

		final CellStyle title;

		final CellStyle plain;

		final CellStyle header;

		final CellStyle label;

		final CellStyle totalLabel;

		final CellStyle number;

		final CellStyle money;

		Styles(XSSFWorkbook book) {
			Font big = book.createFont();
			big.setBold(true);
			big.setFontHeightInPoints((short) 16);
			Font bold = book.createFont();
			bold.setBold(true);
			this.title = book.createCellStyle();
			this.title.setFont(big);
			this.title.setAlignment(HorizontalAlignment.CENTER);
			this.title.setVerticalAlignment(VerticalAlignment.CENTER);
			this.plain = book.createCellStyle();
			this.header = bordered(book);
			this.header.setFont(bold);
			this.header.setAlignment(HorizontalAlignment.CENTER);
			this.header.setWrapText(true);
			this.label = bordered(book);
			this.totalLabel = bordered(book);
			this.totalLabel.setFont(bold);
			this.number = bordered(book);
			this.number.setDataFormat(book.createDataFormat().getFormat("0"));
			this.money = bordered(book);
			this.money.setDataFormat(book.createDataFormat().getFormat("0.00"));
		}

		private static CellStyle bordered(XSSFWorkbook book) {
			CellStyle style = book.createCellStyle();
			style.setBorderTop(BorderStyle.THIN);
			style.setBorderBottom(BorderStyle.THIN);
			style.setBorderLeft(BorderStyle.THIN);
			style.setBorderRight(BorderStyle.THIN);
			style.setVerticalAlignment(VerticalAlignment.CENTER);
			return style;
		}

	}

}
