package org.fangfei.app.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Yuan as typed or exported, fen as stored, and the one way an amount is shown. */
class MoneyTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			100              | 10000
			100.5            | 10050
			100.50           | 10050
			0.01             | 1
			0                | 0
			007              | 700
			'1,234.56'       | 123456
			'1,000,000'      | 100000000
			'1，000'          | 100000
			'  12  '         | 1200
			12元              | 1200
			'¥ 1,200.50'     | 120050
			￥3               | 300
			12.500           | 1250
			1000000000000    | 100000000000000
			""")
	void readsYuanAsPeopleAndBankExportsWriteIt(String yuan, long fen) {
		assertThat(Money.parse(yuan).fen()).isEqualTo(fen);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			''                      | 未填写
			'   '                   | 未填写
			元                       | 未填写
			abc                     | 应为数字金额(元)，如 1200 或 1,200.50
			1e3                     | 应为数字金额(元)，如 1200 或 1,200.50
			1E-2                    | 应为数字金额(元)，如 1200 或 1,200.50
			+5                      | 应为数字金额(元)，如 1200 或 1,200.50
			1..2                    | 应为数字金额(元)，如 1200 或 1,200.50
			1.                      | 应为数字金额(元)，如 1200 或 1,200.50
			.5                      | 应为数字金额(元)，如 1200 或 1,200.50
			'1.000,5'               | 应为数字金额(元)，如 1200 或 1,200.50
			NaN                     | 应为数字金额(元)，如 1200 或 1,200.50
			十二                     | 应为数字金额(元)，如 1200 或 1,200.50
			-1                      | 不能为负数
			-0.01                   | 不能为负数
			1.234                   | 最多两位小数(精确到分)
			1.001                   | 最多两位小数(精确到分)
			1000000000000.01        | 超过上限(一万亿元)，请核对
			99999999999999999999999 | 超过上限(一万亿元)，请核对
			""")
	void refusesWhatIsNoAmountSayingWhy(String yuan, String reason) {
		assertThatThrownBy(() -> Money.parse(yuan)).isInstanceOfSatisfying(Money.Unreadable.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(reason));
	}

	@Test
	void nullIsUnreadableLikeBlank() {
		assertThatThrownBy(() -> Money.parse(null)).isInstanceOfSatisfying(Money.Unreadable.class,
				(ex) -> assertThat(ex.reason()).isEqualTo("未填写"));
	}

	@Test
	void aFormFieldLeftBlankIsUnknown() {
		assertThat(Money.fen(null, "amount", "涉及金额")).isNull();
		assertThat(Money.fen("", "amount", "涉及金额")).isNull();
		assertThat(Money.fen("   ", "amount", "涉及金额")).isNull();
		assertThat(Money.fen("1,000", "amount", "涉及金额")).isEqualTo(100_000L);
	}

	@Test
	void aBadFormFieldIsRefusedNamingItAndWhatIsWrong() {
		assertThatThrownBy(() -> Money.fen("1.234", "amount", "涉及金额")).isExactlyInstanceOf(Rejected.class)
			.hasMessage("涉及金额最多两位小数(精确到分)")
			.satisfies((ex) -> assertThat(((Rejected) ex).fieldErrors()).containsEntry("amount", "最多两位小数(精确到分)"));
		assertThatThrownBy(() -> Money.fen("-5", "fine", "罚款金额")).isExactlyInstanceOf(Rejected.class)
			.hasMessage("罚款金额不能为负数")
			.satisfies((ex) -> assertThat(((Rejected) ex).fieldErrors()).containsEntry("fine", "不能为负数"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			0                 | 0.00
			1                 | 0.01
			10050             | 100.50
			100000            | 1,000.00
			123456789         | 1,234,567.89
			-120050           | -1,200.50
			100000000000000   | 1,000,000,000,000.00
			""")
	void showsYuanWithTwoDecimalsAndThousandsSeparated(long fen, String shown) {
		assertThat(Money.yuan(fen)).isEqualTo(shown);
		assertThat(new Money(fen).yuan()).isEqualTo(shown);
	}

	@Test
	void aSumBeyondTheLargestAmountIsStillShown() {
		assertThat(Money.yuan(Long.MAX_VALUE)).isEqualTo("92,233,720,368,547,758.07");
	}

	@Test
	void anUnknownAmountIsShownEmpty() {
		assertThat(Money.yuan((Long) null)).isEmpty();
		assertThat(new Money(120050)).hasToString("1,200.50 元");
	}

	@ParameterizedTest
	@ValueSource(longs = { 0, 1, 99, 100, 123456, 1_000_000_00L, Money.MAX_FEN })
	void whatIsShownReadsBackAsTheSameAmount(long fen) {
		assertThat(Money.parse(Money.yuan(fen)).fen()).isEqualTo(fen);
		assertThat(Money.fen(Money.yuan(fen), "amount", "涉及金额")).isEqualTo(fen);
	}

	@Test
	void amountsBeyondOneTrillionYuanDoNotExist() {
		assertThat(Money.parse("1,000,000,000,000.00")).isEqualTo(new Money(Money.MAX_FEN));
		assertThatThrownBy(() -> new Money(Money.MAX_FEN + 1)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Money(-Money.MAX_FEN - 1)).isInstanceOf(IllegalArgumentException.class);
		assertThat(new Money(5)).isLessThan(new Money(6));
	}

}
