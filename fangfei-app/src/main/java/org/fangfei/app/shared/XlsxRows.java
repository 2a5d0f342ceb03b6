package org.fangfei.app.shared;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.github.pjfanning.xlsx.StreamingReader;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Reads the first sheet of an .xlsx workbook as a stream of rows (excel-streaming-reader
 * over POI): a few rows are held at a time and reading stops at the row limit, so a
 * workbook with hundreds of thousands of rows is refused after reading the first
 * thousands. The shared strings table is the one part held whole; every part of the
 * package is bounded by POI's zip-bomb guard ({@link ZipSecureFile}), set here for the
 * whole application: at most {@link #MAX_PART_BYTES} uncompressed and at most
 * {@code 1 / MIN_INFLATE_RATIO} times its compressed size. A row with a value beyond
 * {@link RowCollector#MAX_COLUMNS} columns is refused before its cells are copied, and a
 * data row is padded to the header's width only.
 */
final class XlsxRows {

	/**
	 * Largest uncompressed part of a workbook (a sheet, the shared strings, the styles).
	 */
	static final long MAX_PART_BYTES = 100L * 1024 * 1024;

	/**
	 * Smallest compressed-to-uncompressed ratio of a part (POI's own default, 1 : 100).
	 */
	static final double MIN_INFLATE_RATIO = 0.01;

	/** Rows the reader parses ahead of the one being read. */
	private static final int ROW_CACHE = 100;

	static {
		ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
		ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
	}

	private XlsxRows() {
	}

	/**
	 * @throws Rejected when the content is not a readable .xlsx workbook, a part of it
	 * inflates beyond the bounds, a row has a value beyond the column bound, or it has
	 * more rows than the collector takes
	 */
	static void read(InputStream in, RowCollector rows) {
		DataFormatter fmt = new DataFormatter();
		fmt.setUseCachedValuesForFormulaCells(true);
		try (Workbook wb = open(in)) {
			Sheet sheet = wb.getSheetAt(0);
			for (Row row : sheet) {
				int width = Math.max(rows.headerWidth(), contentWidth(row, fmt));
				List<String> cells = new ArrayList<>(width);
				for (int c = 0; c < width; c++) {
					Cell cell = row.getCell(c);
					cells.add(cell == null ? "" : fmt.formatCellValue(cell).trim());
				}
				rows.add(row.getRowNum() + 1, cells);
			}
		}
		catch (Rejected ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			throw unreadable(ex);
		}
	}

	/**
	 * The row's last cell number, or, when that is beyond
	 * {@link RowCollector#MAX_COLUMNS} only because of blank (formatted) cells, the width
	 * up to its last cell with a value.
	 * @throws Rejected when a cell with a value lies beyond the bound
	 */
	private static int contentWidth(Row row, DataFormatter fmt) {
		int last = row.getLastCellNum();
		if (last <= RowCollector.MAX_COLUMNS) {
			return Math.max(last, 0);
		}
		int width = 0;
		for (Cell cell : row) {
			if (cell.getCellType() != CellType.BLANK && !fmt.formatCellValue(cell).isBlank()) {
				width = Math.max(width, cell.getColumnIndex() + 1);
			}
		}
		RowCollector.checkWidth(row.getRowNum() + 1, width);
		return width;
	}

	private static Workbook open(InputStream in) {
		return StreamingReader.builder().rowCacheSize(ROW_CACHE).bufferSize(8192).open(in);
	}

	/**
	 * POI reports a file that is not a workbook (or is damaged, encrypted or a zip bomb)
	 * by several exception types, checked and unchecked; the user is told whether the
	 * file was too large inside or just unreadable.
	 */
	private static Rejected unreadable(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t.getMessage() != null && t.getMessage().contains("Zip bomb detected")) {
				return new Rejected("Excel 文件解压后过大(超过 " + MAX_PART_BYTES / 1024 / 1024
						+ "MB 或压缩比异常)，已拒绝读取；请删除多余内容或拆分文件，也可另存为 CSV 后上传");
			}
		}
		return new Rejected("无法读取 Excel 文件，请使用导入模板另存为 .xlsx");
	}

}
