package org.fangfei.app.clue;

import java.util.List;

import org.fangfei.app.clue.Clue.Party;
import org.fangfei.app.shared.Money;
import org.fangfei.app.shared.Rejected;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fangfei.app.clue.ClueFixtures.only;
import static org.fangfei.app.clue.ClueFixtures.withFigures;

/** 条例 art. 30: a fine of 20 % to 100 % of the amount raised. */
class PenaltyWithinRangeTests {

	private static final long RAISED = 10_000_00L;

	@Test
	void theBoundariesAreIncluded() {
		assertThatCode(() -> PenaltyWithinRange.check(2_000_00L, RAISED)).doesNotThrowAnyException();
		assertThatCode(() -> PenaltyWithinRange.check(RAISED, RAISED)).doesNotThrowAnyException();
	}

	@Test
	void oneFenOutsideIsRefused() {
		assertThatThrownBy(() -> PenaltyWithinRange.check(2_000_00L - 1, RAISED)).isExactlyInstanceOf(Rejected.class)
			.hasMessage("罚款金额应为集资金额的 20%–100%(《防范和处置非法集资条例》第三十条)，即 2,000.00 元至 10,000.00 元")
			.satisfies(ex -> assertThat(((Rejected) ex).fieldErrors()).containsKey("amount"));
		assertThatThrownBy(() -> PenaltyWithinRange.check(RAISED + 1, RAISED)).isExactlyInstanceOf(Rejected.class);
		assertThatThrownBy(() -> PenaltyWithinRange.check(0L, RAISED)).isExactlyInstanceOf(Rejected.class);
	}

	@Test
	void theMinimumIsRoundedUpToTheFen() {
		assertThat(PenaltyWithinRange.minimumFen(5)).isEqualTo(1);
		assertThat(PenaltyWithinRange.minimumFen(7)).isEqualTo(2);
		assertThat(PenaltyWithinRange.minimumFen(1)).isEqualTo(1);
		assertThat(PenaltyWithinRange.minimumFen(12_345)).isEqualTo(2_469);
		assertThat(PenaltyWithinRange.minimumFen(12_346)).isEqualTo(2_470);
		assertThatThrownBy(() -> PenaltyWithinRange.check(2_469L, 12_346L)).isInstanceOf(Rejected.class)
			.hasMessageContaining("24.70 元至 123.46 元");
		assertThatCode(() -> PenaltyWithinRange.check(2_470L, 12_346L)).doesNotThrowAnyException();
	}

	@Test
	void theLargestAmountDoesNotOverflow() {
		long max = Money.MAX_FEN;
		assertThat(PenaltyWithinRange.minimumFen(max)).isEqualTo(max / 5);
		assertThatCode(() -> PenaltyWithinRange.check(max / 5, max)).doesNotThrowAnyException();
		assertThatThrownBy(() -> PenaltyWithinRange.check(max / 5 - 1, max)).isInstanceOf(Rejected.class);
	}

	@Test
	void aPenaltyNeedsTheAmountRaised() {
		assertThatThrownBy(() -> PenaltyWithinRange.check(1_000_00L, null)).isExactlyInstanceOf(Rejected.class)
			.hasMessage("行政处罚须以集资金额为基数，请先在线索上填写涉及金额");
		assertThatThrownBy(() -> PenaltyWithinRange.check(1_000_00L, 0L)).isExactlyInstanceOf(Rejected.class)
			.hasMessageContaining("请先在线索上填写涉及金额");
	}

	@Test
	void aPenaltyNeedsTheFine() {
		assertThatThrownBy(() -> PenaltyWithinRange.check(null, RAISED)).isExactlyInstanceOf(Rejected.class)
			.hasMessage("请填写罚款金额");
	}

	@Test
	void aFineOutsideTheRangeIsNotRecorded() {
		List<Clue.Measure> refunding = List.of(new Clue.Measure(MeasureKind.SUPERVISED_REFUND, RAISED));
		Clue clue = withFigures(ClueState.DISPOSING, RAISED, 12, Determination.SUSPECTED_ILLEGAL, refunding);
		assertThatThrownBy(
				() -> clue.recordMeasure(only(Party.HANDLER), MeasureKind.ADMIN_PENALTY, RAISED * 2, "会师罚〔2026〕1号"))
			.isInstanceOf(Rejected.class);
		assertThat(clue.changes()).isEmpty();
		clue.recordMeasure(only(Party.HANDLER), MeasureKind.ADMIN_PENALTY, RAISED / 2, "会师罚〔2026〕1号");
		assertThat(clue.changes()).hasSize(1);
	}

	@Test
	void otherMeasuresNeedNoAmount() {
		Clue clue = withFigures(ClueState.DISPOSING, null, null, Determination.IRREGULAR, List.of());
		clue.recordMeasure(only(Party.HANDLER), MeasureKind.RECTIFICATION_ORDER, null, "会师改〔2026〕1号");
		assertThat(clue.changes()).hasSize(1);
	}

}
