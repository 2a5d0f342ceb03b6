package org.fangfei.app.enquiry;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;

import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.TabularFile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Statements in the layouts banks send: each debit/credit convention, title rows above
 * the header (with the queried account in them), subtotal and footer rows below, GBK CSV
 * and .xls; every unreadable row named with its line.
 */
class StatementReaderTests {

	static List<TabularFile.Line> lines(String name, byte[] bytes) {
		return TabularFile.readLines(name, new ByteArrayInputStream(bytes), 1000);
	}

	static StatementReader.Read read(String name, byte[] bytes) {
		List<TabularFile.Line> lines = lines(name, bytes);
		StatementReader.Layout layout = StatementReader.layout(lines);
		return StatementReader.read(lines, layout.headerAt(), layout.guess());
	}

	@Test
	void aGbkCsvWithAFlagTitleRowsAndSubtotalsIsReadSignedFromTheQueriedAccountsSide() {
		byte[] csv = StatementSamples.cooperativeCsv("6228480099990000011", "6228480099990000012",
				"6228480099990000013", "");
		List<TabularFile.Line> lines = lines("对账单.csv", csv);
		StatementReader.Layout layout = StatementReader.layout(lines);
		assertThat(layout.headerAt()).isEqualTo(3);
		assertThat(layout.ownAccount()).isEqualTo(StatementSamples.COLLECTION);
		assertThat(layout.ownHolder()).isEqualTo("会宁县金穗农业发展有限公司");
		assertThat(layout.guess().convention()).isEqualTo(StatementMapping.Convention.FLAG);
		StatementReader.Read read = StatementReader.read(lines, layout.headerAt(), layout.guess());
		assertThat(read.errors()).isEmpty();
		assertThat(read.summaries()).as("本页小计, 合计 and the print date").isEqualTo(3);
		assertThat(read.rows()).extracting(StatementReader.Row::signedFen)
			.containsExactly(5_000_000L, 3_000_000L, 2_000_000L, -8_000_000L);
		StatementReader.Row third = read.rows().get(2);
		assertThat(third.at()).isEqualTo(LocalDateTime.of(2025, 3, 3, 11, 15));
		assertThat(third.line()).isEqualTo(7);
		assertThat(third.counterName()).isEqualTo("王五");
		assertThat(third.counterBank()).isEqualTo("中国邮政储蓄银行会宁县支行");
		assertThat(third.channel()).isEqualTo("柜面");
	}

	@Test
	void anXlsWithDebitAndCreditColumnsAndSeparateDateAndTimeIsRead() {
		List<TabularFile.Line> lines = lines("明细.xls", StatementSamples.bankXls());
		StatementReader.Layout layout = StatementReader.layout(lines);
		assertThat(layout.ownAccount()).isEqualTo(StatementSamples.CONTROLLER);
		assertThat(layout.guess().convention()).isEqualTo(StatementMapping.Convention.COLUMNS);
		StatementReader.Read read = StatementReader.read(lines, layout.headerAt(), layout.guess());
		assertThat(read.errors()).isEmpty();
		assertThat(read.summaries()).isEqualTo(1);
		assertThat(read.rows()).extracting(StatementReader.Row::signedFen)
			.containsExactly(8_000_000L, -6_000_000L, -1_000_000L);
		assertThat(read.rows().get(0).at()).isEqualTo(LocalDateTime.of(2025, 3, 5, 14, 0));
		assertThat(read.rows()).extracting(StatementReader.Row::serial).containsExactly("B0001", "B0002", "B0003");
	}

	@Test
	void receiptAndPaymentAndInAndOutFlagsAndSignedAmountsAreEachUnderstood() {
		String receipts = "交易日期,收付标志,发生额,对方账号,对方户名\n2025-04-01 08:00:00,收,100.00,6222000000001,甲\n"
				+ "2025-04-02 08:00:00,付,40.50,6222000000002,乙\n";
		assertThat(read("a.csv", receipts.getBytes(StandardCharsets.UTF_8)).rows())
			.extracting(StatementReader.Row::signedFen)
			.containsExactly(10_000L, -4_050L);
		String inOut = "交易时间,进出标志,交易金额,对方账号\n20250401080000,进,1.00,6222000000001\n20250401090000,出,2.00,6222000000002\n";
		assertThat(read("b.csv", inOut.getBytes(Charset.forName("GBK"))).rows())
			.extracting(StatementReader.Row::signedFen)
			.containsExactly(100L, -200L);
		String signed = "交易时间,交易金额,余额,对手账号\n2025年4月1日 08:00:00,-1200.00,0,6222000000001\n2025年4月2日 08:00:00,+300,300,6222000000002\n";
		StatementReader.Read read = read("c.csv", signed.getBytes(StandardCharsets.UTF_8));
		assertThat(read.rows()).extracting(StatementReader.Row::signedFen).containsExactly(-120_000L, 30_000L);
		assertThat(StatementReader.layout(lines("c.csv", signed.getBytes(StandardCharsets.UTF_8))).guess().convention())
			.isEqualTo(StatementMapping.Convention.SIGNED);
	}

	@Test
	void everyUnreadableRowIsNamedWithItsLineAndWhy() {
		String bad = String.join("\n", "交易时间,借贷标志,交易金额,对方账号", "2025-13-01 08:00:00,贷,1.00,6222000000001",
				"昨天,贷,1.00,6222000000001", "2025-04-01 08:00:00,存,1.00,6222000000001",
				"2025-04-01 08:00:00,借,一百,6222000000001", "2025-04-01 08:00:00,借,0,6222000000001",
				"2025-04-01 08:00:00,借,1.001,6222000000001", "2025-04-01 08:00:00,,1.00,6222000000001");
		StatementReader.Read read = read("bad.csv", bad.getBytes(StandardCharsets.UTF_8));
		assertThat(read.rows()).isEmpty();
		assertThat(read.errors()).containsExactly("第 2 行：交易时间“2025-13-01 08:00:00”不是有效的日期时间",
				"第 3 行：交易时间“昨天”无法识别，应如 2026-03-01 09:30:00 或 20260301093000", "第 4 行：借贷标志“存”无法识别，应为 借/贷、收/付 或 进/出",
				"第 5 行：交易金额“一百”应为数字金额(元)，如 1200 或 1,200.50", "第 6 行：交易金额“0”应大于 0", "第 7 行：交易金额“1.001”最多两位小数(精确到分)",
				"第 8 行：借贷标志为空");
		String columns = String.join("\n", "交易时间,借方发生额,贷方发生额,对方账号", "2025-04-01 08:00:00,1.00,2.00,6222000000001",
				"2025-04-01 08:00:00,,,6222000000001");
		assertThat(read("cols.csv", columns.getBytes(StandardCharsets.UTF_8)).errors())
			.containsExactly("第 2 行：借方和贷方发生额都有金额，无法判断方向", "第 3 行：借方和贷方发生额均为空");
	}

	@Test
	void aFileWithoutAStatementHeaderOrWithAnIncompleteOneIsRefusedOrAskedFor() {
		assertThatThrownBy(
				() -> StatementReader.layout(lines("x.csv", "姓名,电话\n张三,1\n".getBytes(StandardCharsets.UTF_8))))
			.isInstanceOf(Rejected.class)
			.hasMessageContaining("未找到对账单的表头");
		StatementReader.Layout partial = StatementReader
			.layout(lines("y.csv", "交易时间,金额X,对方账号\n2025-04-01,1,6222\n".getBytes(StandardCharsets.UTF_8)));
		assertThat(partial.guess().missing()).containsExactly("请为“交易金额”选择一列，或同时选择借方和贷方发生额");
		assertThatThrownBy(() -> StatementMapping.chosen(
				java.util.Map.of(StatementField.TIME, 0, StatementField.AMOUNT, 0, StatementField.COUNTER_ACCOUNT, 5),
				3))
			.isInstanceOf(Rejected.class)
			.hasMessage("“交易金额”与“交易时间”选了同一列；“对方账号”选择的列不存在");
	}

	@Test
	void aDamagedXlsIsRefusedInChinese() {
		assertThatThrownBy(() -> lines("坏.xls", new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, 0x0E, 1, 2, 3 }))
			.isInstanceOf(Rejected.class)
			.hasMessageContaining("无法读取 .xls 文件");
	}

}
