package org.fangfei.app.shared;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.ObjIntConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading Excel and CSV as people in China save them.
 */
class TabularFileTests {

	@Test
	void aStreamedCsvIsHandedOnRowByRowInUtf8OrGbkAndRefusedWhenItChangesEncoding() {
		for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("GBK"))) {
			byte[] csv = "姓名,金额\r\n张三,\"1,000.00\"\r\n\r\n李四,2\r\n".getBytes(charset);
			List<TabularFile.Line> seen = new java.util.ArrayList<>();
			TabularFile.stream("a.csv", new ByteArrayInputStream(csv), 10, seen::add);
			assertThat(seen).extracting(TabularFile.Line::number).containsExactly(1, 2, 4);
			assertThat(seen.get(1).cells()).containsExactly("张三", "1,000.00");
			assertThat(seen.get(2).cells()).containsExactly("李四", "2");
		}
		// the first megabyte is plain ASCII (so UTF-8), then GBK text
		StringBuilder ascii = new StringBuilder("a,b\r\n");
		while (ascii.length() < (1 << 20) + 100) {
			ascii.append("1234567890,1234567890\r\n");
		}
		ByteArrayOutputStream mixed = new ByteArrayOutputStream();
		mixed.writeBytes(ascii.toString().getBytes(StandardCharsets.US_ASCII));
		mixed.writeBytes("张三,1\r\n".getBytes(Charset.forName("GBK")));
		int[] rows = { 0 };
		assertThatThrownBy(() -> TabularFile.stream("a.csv", new ByteArrayInputStream(mixed.toByteArray()), 1_000_000,
				(line) -> rows[0]++))
			.isInstanceOf(Rejected.class)
			.hasMessageContaining("CSV 文件编码不一致");
		assertThat(rows[0]).as("the rows before were handed on as read").isGreaterThan(40_000);
		// what the sink throws reaches the caller as it was, from an .xlsx too
		assertThatThrownBy(() -> TabularFile.stream("a.xlsx",
				new ByteArrayInputStream(TabularFile.writeXlsx("s", List.of("a"), List.of(List.of("1")))), 10,
				(line) -> {
					throw new IllegalStateException("stop");
				}))
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("stop");
		assertThatThrownBy(() -> TabularFile.stream("a.csv", new ByteArrayInputStream(new byte[0]), 10, (line) -> {
		})).isInstanceOf(Rejected.class).hasMessage("文件是空的：第一行应为表头");
	}

	@Test
	void readsBackTheExcelItWrote() {
		byte[] xlsx = TabularFile.writeXlsx("区划", List.of("区划代码", "名称"),
				List.of(List.of("620422100000", "会师镇"), List.of("620422101000", "郭城驿镇")));
		List<List<String>> rows = TabularFile.read("区划.xlsx", new ByteArrayInputStream(xlsx));
		assertThat(rows).containsExactly(List.of("区划代码", "名称"), List.of("620422100000", "会师镇"),
				List.of("620422101000", "郭城驿镇"));
	}

	@Test
	void anExcel95WorkbookIsRefusedSayingWhatToSaveItAs() throws IOException {
		// an Excel 5.0/95 workbook: an OLE2 file whose BIFF5 stream is named "Book", not
		// "Workbook"; its first record a BOF of version 0x0500 (worksheet globals)
		java.nio.ByteBuffer bof = java.nio.ByteBuffer.allocate(12).order(java.nio.ByteOrder.LITTLE_ENDIAN);
		bof.putShort((short) 0x0809).putShort((short) 8).putShort((short) 0x0500).putShort((short) 0x0005);
		bof.putShort((short) 0x096C).putShort((short) 1993);
		java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
		try (org.apache.poi.poifs.filesystem.POIFSFileSystem fs = new org.apache.poi.poifs.filesystem.POIFSFileSystem()) {
			fs.createDocument(new ByteArrayInputStream(bof.array()), "Book");
			fs.writeFilesystem(file);
		}
		String refusal = "这是 Excel 95 或更早版本的 .xls 文件，无法读取。请在 Excel 或 WPS 中打开，"
				+ "另存为“Excel 工作簿(.xlsx)”或“Excel 97-2003 工作簿(.xls)”后重新上传";
		assertThatThrownBy(() -> TabularFile.read("明细.xls", new ByteArrayInputStream(file.toByteArray())))
			.isInstanceOf(Rejected.class)
			.hasMessage(refusal);
		assertThatThrownBy(
				() -> TabularFile.stream("明细.xls", new ByteArrayInputStream(file.toByteArray()), 100, (line) -> {
				}))
			.isInstanceOf(Rejected.class)
			.hasMessage(refusal);
		// an Excel 4.0 worksheet (BIFF4, not an OLE2 file): its BOF record first
		byte[] biff4 = new byte[512];
		System.arraycopy(new byte[] { 0x09, 0x04, 0x06, 0x00, 0x00, 0x00, 0x10, 0x00 }, 0, biff4, 0, 8);
		assertThatThrownBy(() -> TabularFile.read("明细.xls", new ByteArrayInputStream(biff4)))
			.isInstanceOf(Rejected.class)
			.hasMessage(refusal);
		// a damaged .xls is still told apart from an old one
		assertThatThrownBy(() -> TabularFile.read("坏.xls", new ByteArrayInputStream("not excel".getBytes())))
			.isInstanceOf(Rejected.class)
			.hasMessageStartingWith("无法读取 .xls 文件");
	}

	@Test
	void readsGbkAndUtf8CsvWithQuotes() {
		String text = "名称,备注\r\n会师镇,\"含,逗号\"\r\n\"引号\"\"内\",\n";
		for (Charset charset : List.of(StandardCharsets.UTF_8, Charset.forName("GBK"))) {
			List<List<String>> rows = TabularFile.read("a.csv", new ByteArrayInputStream(text.getBytes(charset)));
			assertThat(rows).containsExactly(List.of("名称", "备注"), List.of("会师镇", "含,逗号"), List.of("引号\"内", ""));
		}
	}

	@Test
	void refusesOtherFilesWithAChineseMessage() {
		assertThatThrownBy(() -> TabularFile.read("a.txt", new ByteArrayInputStream(new byte[] { 1 })))
			.isInstanceOf(Rejected.class)
			.hasMessageContaining("只支持");
		assertThatThrownBy(() -> TabularFile.read("a.xlsx", new ByteArrayInputStream("not excel".getBytes())))
			.isInstanceOf(Rejected.class)
			.hasMessageContaining("无法读取");
		assertThatThrownBy(() -> TabularFile.read("a.csv", new ByteArrayInputStream(new byte[0])))
			.isInstanceOf(Rejected.class)
			.hasMessageContaining("空");
	}

	@Test
	void aWorkbookOverTheRowLimitIsRefusedWithoutParsingTheRestOfIt() throws IOException {
		byte[] atLimit = workbook(TabularFile.MAX_ROWS);
		byte[] tooLong = workbook(60_000);

		long[] accepted = { 0 };
		long acceptedBytes = allocatedBy(
				() -> accepted[0] = TabularFile.readLines("a.xlsx", new ByteArrayInputStream(atLimit)).size());
		assertThat(accepted[0]).isEqualTo(TabularFile.MAX_ROWS + 1);

		TooManyRows[] refused = { null };
		long refusedBytes = allocatedBy(() -> refused[0] = catchTooManyRows(tooLong));
		assertThat(refused[0]).hasMessage("一次最多导入 20000 行，请拆分文件");
		assertThat(refused[0].rowsRead()).as("header, the rows allowed and the one over")
			.isEqualTo(TabularFile.MAX_ROWS + 2);
		// parsing the whole 60,000-row sheet would cost three times the accepted file
		assertThat(refusedBytes).as("bytes allocated refusing 60,000 rows vs. reading 20,000")
			.isLessThan(acceptedBytes * 3 / 2);
	}

	@Test
	void aHeaderCellFarToTheRightIsRefusedAtTheHeaderNotPaddedIntoEveryRow() throws IOException {
		byte[] normal = workbook(TabularFile.MAX_ROWS);
		byte[] wide = workbook(TabularFile.MAX_ROWS, (row, r) -> {
			if (r == 0) {
				row.createCell(16_383).setCellValue("备注");
			}
		});
		assertThat(wide.length).as("a small file").isLessThan(normal.length * 11 / 10);

		long acceptedBytes = allocatedBy(() -> TabularFile.readLines("a.xlsx", new ByteArrayInputStream(normal)));
		Rejected[] refused = { null };
		long refusedBytes = allocatedBy(() -> refused[0] = catchRejected("宽.xlsx", wide));
		assertThat(refused[0]).hasMessageStartingWith("第 1 行超过 200 列");
		// padding 20,000 rows to 16,384 cells each held over a gigabyte
		assertThat(refusedBytes).as("bytes allocated refusing the wide header vs. reading 20,000 rows")
			.isLessThan(acceptedBytes / 2);
	}

	@Test
	void aValueBeyondTwoHundredColumnsInADataRowIsRefusedNamingTheRow() throws IOException {
		byte[] wide = workbook(10, (row, r) -> {
			if (r == 7) {
				row.createCell(200).setCellValue("多余");
			}
		});
		assertThat(catchRejected("宽.xlsx", wide)).hasMessageStartingWith("第 8 行超过 200 列");
		// a blank cell (say, formatted) far to the right is not a column of the table
		byte[] blank = workbook(10, (row, r) -> {
			if (r == 0) {
				row.createCell(16_383);
			}
		});
		List<TabularFile.Line> lines = TabularFile.readLines("a.xlsx", new ByteArrayInputStream(blank));
		assertThat(lines).hasSize(11).allSatisfy((line) -> assertThat(line.cells()).hasSize(8));
	}

	@Test
	void aCsvRecordWithMoreThanTwoHundredFieldsIsRefused() {
		String csv = "名称,备注\n会师镇," + ",".repeat(999) + "\n";
		assertThatThrownBy(() -> TabularFile.csvLines(csv.getBytes(StandardCharsets.UTF_8), 10))
			.isInstanceOf(Rejected.class)
			.hasMessageStartingWith("第 2 行超过 200 列");
		String atBound = "名称" + ",".repeat(199) + "\n";
		assertThat(TabularFile.csvLines(atBound.getBytes(StandardCharsets.UTF_8), 10).get(0).cells()).hasSize(200);
	}

	private static Rejected catchRejected(String name, byte[] xlsx) {
		try {
			TabularFile.readLines(name, new ByteArrayInputStream(xlsx));
		}
		catch (Rejected ex) {
			return ex;
		}
		throw new AssertionError("not refused");
	}

	private static TooManyRows catchTooManyRows(byte[] xlsx) {
		try {
			TabularFile.readLines("长.xlsx", new ByteArrayInputStream(xlsx));
		}
		catch (TooManyRows ex) {
			return ex;
		}
		throw new AssertionError("not refused");
	}

	/** Bytes the current thread allocated running the task (HotSpot's thread MXBean). */
	private static long allocatedBy(Runnable task) {
		var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long before = threads.getCurrentThreadAllocatedBytes();
		task.run();
		return threads.getCurrentThreadAllocatedBytes() - before;
	}

	/**
	 * A bank-export-like sheet with a header and the given data rows, written streaming.
	 */
	static byte[] workbook(int dataRows) throws IOException {
		return workbook(dataRows, (row, r) -> {
		});
	}

	/** As {@link #workbook(int)}, each row (0 the header) changed after it is filled. */
	static byte[] workbook(int dataRows, ObjIntConsumer<Row> change) throws IOException {
		SXSSFWorkbook wb = new SXSSFWorkbook(100);
		try (wb; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = wb.createSheet("交易明细");
			String[] header = { "交易流水号", "交易时间", "付款账号", "付款户名", "收款账号", "收款户名", "金额", "摘要" };
			Row h = sheet.createRow(0);
			for (int c = 0; c < header.length; c++) {
				h.createCell(c).setCellValue(header[c]);
			}
			change.accept(h, 0);
			for (int r = 1; r <= dataRows; r++) {
				Row row = sheet.createRow(r);
				row.createCell(0).setCellValue("TX" + (100_000_000 + r));
				row.createCell(1).setCellValue("2026-03-01 09:" + (10 + r % 50) + ":00");
				row.createCell(2).setCellValue("62220" + (1_000_000 + r % 5_000));
				row.createCell(3).setCellValue("张三" + r % 300);
				row.createCell(4).setCellValue("62280" + (2_000_000 + r % 7_000));
				row.createCell(5).setCellValue("李四" + r % 200);
				row.createCell(6).setCellValue(100 + r % 9_000 / 100.0);
				row.createCell(7).setCellValue("理财分红第" + r % 12 + "期");
				change.accept(row, r);
			}
			wb.write(out);
			return out.toByteArray();
		}
		finally {
			wb.dispose();
		}
	}

	@Test
	void aZipBombIsRefusedBeforeItInflates() throws IOException {
		byte[] small;
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			wb.createSheet("a").createRow(0).createCell(0).setCellValue("名称");
			wb.write(out);
			small = out.toByteArray();
		}
		// 200 MB of one letter: a few hundred KB compressed, as a shared string and as a
		// sheet
		for (String part : List.of("xl/sharedStrings.xml", "xl/worksheets/sheet1.xml")) {
			byte[] bomb = replacePart(small, part, (out) -> {
				String ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
				boolean sst = part.contains("sharedStrings");
				out.write((sst ? "<sst xmlns=\"" + ns + "\" count=\"1\" uniqueCount=\"1\"><si><t>"
						: "<worksheet xmlns=\"" + ns + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>")
					.getBytes(StandardCharsets.UTF_8));
				byte[] letters = "a".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
				for (int i = 0; i < 200; i++) {
					out.write(letters);
				}
				out.write((sst ? "</t></si></sst>" : "</t></is></c></row></sheetData></worksheet>")
					.getBytes(StandardCharsets.UTF_8));
			});
			assertThat(bomb.length).isLessThan(2 * 1024 * 1024);
			assertThatThrownBy(() -> TabularFile.readLines("炸弹.xlsx", new ByteArrayInputStream(bomb))).as(part)
				.isInstanceOf(Rejected.class)
				.hasMessageContaining("Excel 文件解压后过大");
		}
	}

	interface PartWriter {

		void write(OutputStream out) throws IOException;

	}

	private static byte[] replacePart(byte[] xlsx, String part, PartWriter content) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
				ZipOutputStream out = new ZipOutputStream(bytes)) {
			for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
				out.putNextEntry(new ZipEntry(e.getName()));
				if (e.getName().equals(part)) {
					content.write(out);
				}
				else {
					in.transferTo(out);
				}
				out.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	@Test
	void aCsvOverTheRowLimitStopsAtTheFirstRowOver() {
		StringBuilder csv = new StringBuilder("名称,备注\n");
		for (int i = 0; i < 100; i++) {
			csv.append("镇").append(i).append(",\n\n");
		}
		assertThat(TabularFile.csvLines(csv.toString().getBytes(StandardCharsets.UTF_8), 100)).hasSize(101);
		assertThatThrownBy(() -> TabularFile.csvLines(csv.toString().getBytes(StandardCharsets.UTF_8), 10))
			.isInstanceOfSatisfying(TooManyRows.class,
					(ex) -> assertThat(ex.rowsRead()).as("header, 10 rows with a blank after each, one over")
						.isEqualTo(1 + 10 * 2 + 1))
			.hasMessage("一次最多导入 10 行，请拆分文件");
	}

	@Test
	void csvRowsKeepTheirRecordNumbersAndExcelTextFormulasAreUnwrapped() {
		String text = "账号,户名\n\n=\"6222021234567890123\",\"张三\"\n\"=\"\"6228\"\"\",李四\n";
		List<TabularFile.Line> lines = TabularFile.csvLines(text.getBytes(StandardCharsets.UTF_8), 10);
		assertThat(lines).containsExactly(new TabularFile.Line(1, List.of("账号", "户名")),
				new TabularFile.Line(3, List.of("6222021234567890123", "张三")),
				new TabularFile.Line(4, List.of("6228", "李四")));
	}

	@Test
	void badCsvAndOldExcelAreRefusedWithAChineseMessage() {
		assertThatThrownBy(() -> TabularFile.read("a.csv",
				new ByteArrayInputStream("名称,备注\n会师镇,\"没有闭合\n".getBytes(StandardCharsets.UTF_8))))
			.isInstanceOf(Rejected.class)
			.hasMessageContaining("CSV 文件格式有误");
		assertThatThrownBy(() -> TabularFile.read("a.csv",
				new ByteArrayInputStream("名称,备注\n\"会师镇\"镇,1\n".getBytes(StandardCharsets.UTF_8))))
			.isInstanceOf(Rejected.class)
			.hasMessageContaining("第 2 行附近");
		assertThatThrownBy(() -> TabularFile.read("旧.xls", new ByteArrayInputStream(new byte[] { 1, 2 })))
			.isInstanceOf(Rejected.class)
			.hasMessageContaining("另存为 .xlsx");
	}

	@Test
	void formulaCellsAreReadAsTheirValues() throws IOException {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = wb.createSheet("a");
			sheet.createRow(0).createCell(0).setCellValue("金额");
			sheet.createRow(1).createCell(0).setCellValue(12.5);
			sheet.createRow(2).createCell(0).setCellFormula("A2*2");
			wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
			wb.write(out);
			assertThat(TabularFile.read("f.xlsx", new ByteArrayInputStream(out.toByteArray())))
				.containsExactly(List.of("金额"), List.of("12.5"), List.of("25"));
		}
	}

}
