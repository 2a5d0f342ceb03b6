package org.fangfei.app.clue;

import java.util.List;

import org.fangfei.app.clue.Clue.Party;
import org.fangfei.app.shared.Rejected;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fangfei.app.clue.ClueFixtures.only;
import static org.fangfei.app.clue.ClueFixtures.withFigures;

/** 条例 art. 32: refunds to the participants before fines. */
class RefundBeforeFineTests {

	private static final Clue.Measure REFUND = new Clue.Measure(MeasureKind.SUPERVISED_REFUND, 1_000_00L);

	private static final Clue.Measure INTERVIEW = new Clue.Measure(MeasureKind.WARNING_INTERVIEW, null);

	@Test
	void aFineBeforeAnyRefundIsRefused() {
		assertThatThrownBy(() -> RefundBeforeFine.check(List.of(), 12)).isExactlyInstanceOf(Rejected.class)
			.hasMessageContaining("须先登记“监督清退集资资金”")
			.hasMessageContaining("第三十二条")
			.satisfies(ex -> assertThat(((Rejected) ex).fieldErrors()).containsKey("kind"));
	}

	@Test
	void otherMeasuresDoNotCountAsRefunding() {
		assertThatThrownBy(() -> RefundBeforeFine.check(List.of(INTERVIEW), 12)).isInstanceOf(Rejected.class);
	}

	@Test
	void aFineAfterRefundingIsAllowed() {
		assertThatCode(() -> RefundBeforeFine.check(List.of(INTERVIEW, REFUND), 12)).doesNotThrowAnyException();
	}

	@Test
	void withNoParticipantsThereIsNothingToRefund() {
		assertThatCode(() -> RefundBeforeFine.check(List.of(), 0)).doesNotThrowAnyException();
	}

	@Test
	void anUnknownNumberOfParticipantsStillNeedsRefunding() {
		assertThatThrownBy(() -> RefundBeforeFine.check(List.of(), null)).isInstanceOf(Rejected.class);
	}

	@Test
	void onTheClueTheRefundComesFirstThenTheFine() {
		Clue clue = withFigures(ClueState.DISPOSING, 10_000_00L, 12, Determination.SUSPECTED_ILLEGAL, List.of());
		assertThatThrownBy(
				() -> clue.recordMeasure(only(Party.HANDLER), MeasureKind.ADMIN_PENALTY, 5_000_00L, "会师罚〔2026〕2号"))
			.isInstanceOf(Rejected.class)
			.hasMessageContaining("先清退，后罚款");
		assertThat(clue.changes()).isEmpty();

		clue.recordMeasure(only(Party.HANDLER), MeasureKind.SUPERVISED_REFUND, 10_000_00L, "会师清〔2026〕2号");
		clue.recordMeasure(only(Party.HANDLER), MeasureKind.ADMIN_PENALTY, 5_000_00L, "会师罚〔2026〕2号");
		assertThat(clue.changes()).extracting(Clue.Change::note)
			.containsExactly("监督清退集资资金，文号 会师清〔2026〕2号", "行政处罚，文号 会师罚〔2026〕2号");
	}

	@Test
	void theRefundRuleIsCheckedBeforeTheRange() {
		Clue clue = withFigures(ClueState.DISPOSING, 10_000_00L, 12, Determination.SUSPECTED_ILLEGAL, List.of());
		assertThatThrownBy(() -> clue.recordMeasure(only(Party.HANDLER), MeasureKind.ADMIN_PENALTY, 1L, "文号"))
			.hasMessageContaining("监督清退");
	}

}
