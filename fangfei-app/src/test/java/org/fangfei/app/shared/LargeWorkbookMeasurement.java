package org.fangfei.app.shared;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Measures refusing a ~290,000-row bank export workbook (shared strings, as Excel writes
 * it): the whole-workbook POI read that uploads used before, against
 * {@link TabularFile}'s streaming read that stops at the row limit. Not part of the suite
 * (the class name is not a test name); run it by name, see docs/performance.md. Prints
 * time, bytes allocated and peak heap of each.
 */
class LargeWorkbookMeasurement {

	static final int ROWS = Integer.getInteger("rows", 290_000);

	@Test
	void refusingALargeWorkbook() throws Exception {
		Path file = Path.of("target", "large-workbook-" + ROWS + ".xlsx");
		if (!Files.exists(file)) {
			Files.write(file, workbook(ROWS));
		}
		byte[] xlsx = Files.readAllBytes(file);
		System.out.printf("workbook: %,d data rows, %.1f MB%n", ROWS, xlsx.length / 1024.0 / 1024);
		if (!Boolean.getBoolean("streamingOnly")) {
			measure("whole workbook (POI usermodel, before)",
					() -> assertThat(wholeWorkbookRows(xlsx)).isEqualTo(ROWS + 1));
		}
		measure("streaming (TabularFile)",
				() -> assertThatThrownBy(() -> TabularFile.readLines("流水.xlsx", new ByteArrayInputStream(xlsx)))
					.isInstanceOf(TooManyRows.class));
	}

	/** What TabularFile did before: open the whole workbook, then format every cell. */
	private static int wholeWorkbookRows(byte[] xlsx) throws IOException {
		try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(xlsx))) {
			DataFormatter fmt = new DataFormatter();
			int rows = 0;
			for (Row row : wb.getSheetAt(0)) {
				for (Cell cell : row) {
					fmt.formatCellValue(cell);
				}
				rows++;
			}
			return rows;
		}
	}

	interface Task {

		void run() throws Exception;

	}

	private static void measure(String what, Task task) throws Exception {
		var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		System.gc();
		long baseline = heapUsed();
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
		long allocated = threads.getCurrentThreadAllocatedBytes();
		long start = System.nanoTime();
		task.run();
		long nanos = System.nanoTime() - start;
		allocated = threads.getCurrentThreadAllocatedBytes() - allocated;
		long peak = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((p) -> p.getType() == MemoryType.HEAP)
			.mapToLong((p) -> p.getPeakUsage().getUsed())
			.sum();
		System.out.printf("%s: %.1f s, %,d MB allocated, peak heap %,d MB (%,d MB before)%n", what, nanos / 1e9,
				allocated >> 20, peak >> 20, baseline >> 20);
	}

	private static long heapUsed() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	/**
	 * Nine columns of a bank export, strings in the shared strings table as Excel does.
	 */
	static byte[] workbook(int dataRows) throws IOException {
		SXSSFWorkbook wb = new SXSSFWorkbook(null, 100, true, true);
		try (wb; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = wb.createSheet("交易明细");
			String[] header = { "交易流水号", "交易时间", "付款账号", "付款户名", "收款账号", "交易金额", "摘要" };
			Row h = sheet.createRow(0);
			for (int c = 0; c < header.length; c++) {
				h.createCell(c).setCellValue(header[c]);
			}
			for (int r = 1; r <= dataRows; r++) {
				Row row = sheet.createRow(r);
				row.createCell(0).setCellValue("T" + r);
				row.createCell(1).setCellValue(String.format("2026-03-%02d %02d:%02d", 1 + r % 28, r % 24, r % 60));
				row.createCell(2).setCellValue("6222" + (100_000_000_000L + r % 20_000));
				row.createCell(3).setCellValue("户名" + r % 20_000);
				row.createCell(4).setCellValue("6228" + (200_000_000_000L + r % 30_000));
				row.createCell(5).setCellValue(1 + r % 100_000 / 100.0);
				row.createCell(6).setCellValue("货款" + r % 50);
			}
			wb.write(out);
			return out.toByteArray();
		}
		finally {
			wb.dispose();
		}
	}

}
