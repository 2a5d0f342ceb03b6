package org.fangfei.app.clue;

import org.fangfei.app.shared.Rejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Yuan as typed, fen as stored. */
class MoneyTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			100          | 10000
			100.5        | 10050
			100.50       | 10050
			0.01         | 1
			0            | 0
			'1,234.56'   | 123456
			'1,000,000'  | 100000000
			'  12  '     | 1200
			""")
	void parsesYuanIntoFen(String yuan, long fen) {
		assertThat(Money.fen(yuan, "amount", "涉及金额")).isEqualTo(fen);
	}

	@Test
	void blankIsUnknown() {
		assertThat(Money.fen(null, "amount", "涉及金额")).isNull();
		assertThat(Money.fen("", "amount", "涉及金额")).isNull();
		assertThat(Money.fen("   ", "amount", "涉及金额")).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "-1", "-0.01", "1.234", "1.001", "abc", "12元", "1e3", "1E-2", "+5", "1..2", "NaN",
			"99999999999999999999999", "1000000000000.01" })
	void refusesNegativesFractionsOfAFenAndNonsense(String yuan) {
		assertThatThrownBy(() -> Money.fen(yuan, "amount", "涉及金额")).isExactlyInstanceOf(Rejected.class)
			.hasMessage("涉及金额应为不小于 0 的金额(元)，最多两位小数")
			.satisfies(ex -> assertThat(((Rejected) ex).fieldErrors()).containsEntry("amount", "应为金额(元)，最多两位小数"));
	}

	@Test
	void oneTrillionYuanIsTheLargestAmount() {
		assertThat(Money.fen("1000000000000", "amount", "涉及金额")).isEqualTo(Money.MAX_FEN);
		assertThat(Money.fen("1,000,000,000,000.00", "amount", "涉及金额")).isEqualTo(Money.MAX_FEN);
	}

	@Test
	void showsFenAsYuanWithTwoDecimals() {
		assertThat(Money.yuan(10050L)).isEqualTo("100.50");
		assertThat(Money.yuan(1L)).isEqualTo("0.01");
		assertThat(Money.yuan(0L)).isEqualTo("0.00");
		assertThat(Money.yuan(Money.MAX_FEN)).isEqualTo("1000000000000.00");
		assertThat(Money.yuan(null)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(longs = { 0, 1, 99, 100, 123456, 1_000_000_00L, Money.MAX_FEN })
	void roundTrips(long fen) {
		assertThat(Money.fen(Money.yuan(fen), "amount", "涉及金额")).isEqualTo(fen);
	}

}
