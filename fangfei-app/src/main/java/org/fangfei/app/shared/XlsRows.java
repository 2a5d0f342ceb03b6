package org.fangfei.app.shared;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Reads the first sheet of an old Excel 97–2003 workbook (.xls, BIFF8) with POI's HSSF,
 * as many banks still export statements. The format holds at most 65,536 rows and the
 * whole workbook is read into memory, so the upload's size limit bounds it; the row and
 * column limits of {@link RowCollector} apply as for .xlsx. Text in a workbook written
 * with a Chinese code page (GBK) is decoded by POI from the workbook's own code page
 * record.
 */
final class XlsRows {

	/** The refusal of an Excel 5.0/95 or older workbook. */
	static final String OLD_EXCEL = "这是 Excel 95 或更早版本的 .xls 文件，无法读取。请在 Excel 或 WPS 中打开，"
			+ "另存为“Excel 工作簿(.xlsx)”或“Excel 97-2003 工作簿(.xls)”后重新上传";

	private XlsRows() {
	}

	/**
	 * @throws Rejected when the content is not a readable .xls workbook (or is
	 * encrypted), a row has a value beyond the column bound, or it has more rows than the
	 * collector takes
	 */
	static void read(InputStream in, RowCollector rows) {
		DataFormatter fmt = new DataFormatter();
		fmt.setUseCachedValuesForFormulaCells(true);
		try (HSSFWorkbook wb = new HSSFWorkbook(in)) {
			Sheet sheet = wb.getSheetAt(0);
			for (Row row : sheet) {
				int last = Math.max(row.getLastCellNum(), 0);
				RowCollector.checkWidth(row.getRowNum() + 1, contentWidth(row, fmt, last));
				int width = Math.max(rows.headerWidth(), Math.min(last, RowCollector.MAX_COLUMNS));
				List<String> cells = new ArrayList<>(width);
				for (int c = 0; c < width; c++) {
					Cell cell = row.getCell(c);
					cells.add(cell == null ? "" : fmt.formatCellValue(cell).strip());
				}
				rows.add(row.getRowNum() + 1, cells);
			}
		}
		catch (Rejected ex) {
			throw ex;
		}
		catch (OldExcelFormatException ex) {
			// Excel 5.0/95 (BIFF5) and older: POI reads only their text, not their rows
			// and
			// cells, so such a workbook is refused with what to do instead
			throw new Rejected(OLD_EXCEL);
		}
		catch (IOException | RuntimeException ex) {
			throw new Rejected("无法读取 .xls 文件(可能已损坏或加密)，请在 Excel 中另存为 .xlsx 后上传");
		}
	}

	private static int contentWidth(Row row, DataFormatter fmt, int last) {
		if (last <= RowCollector.MAX_COLUMNS) {
			return last;
		}
		int width = 0;
		for (Cell cell : row) {
			if (!fmt.formatCellValue(cell).isBlank()) {
				width = Math.max(width, cell.getColumnIndex() + 1);
			}
		}
		return width;
	}

}
