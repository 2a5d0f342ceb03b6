package org.fangfei.app.clue;

import java.util.List;

import org.fangfei.app.clue.Clue.Party;
import org.fangfei.app.shared.Rejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fangfei.app.clue.ClueFixtures.only;
import static org.fangfei.app.clue.ClueFixtures.withFigures;

/** 条例 art. 27: a suspected crime goes to the police. */
class CrimeGoesToPoliceTests {

	private static final Clue.Measure INTERVIEW = new Clue.Measure(MeasureKind.WARNING_INTERVIEW, null);

	private static final Clue.Measure TRANSFER = new Clue.Measure(MeasureKind.POLICE_TRANSFER, null);

	@Test
	void aSuspectedCrimeWithoutTransferIsRefused() {
		assertThatThrownBy(() -> CrimeGoesToPolice.check(Determination.SUSPECTED_CRIME, List.of(INTERVIEW)))
			.isExactlyInstanceOf(Rejected.class)
			.hasMessage("认定为涉嫌犯罪的线索须登记“移送公安”后才能完成处置");
	}

	@Test
	void aSuspectedCrimeTransferredMayBeFinished() {
		assertThatCode(() -> CrimeGoesToPolice.check(Determination.SUSPECTED_CRIME, List.of(INTERVIEW, TRANSFER)))
			.doesNotThrowAnyException();
	}

	@ParameterizedTest
	@EnumSource(value = Determination.class, names = "SUSPECTED_CRIME", mode = EnumSource.Mode.EXCLUDE)
	void otherDeterminationsNeedNoTransfer(Determination determination) {
		assertThatCode(() -> CrimeGoesToPolice.check(determination, List.of(INTERVIEW))).doesNotThrowAnyException();
	}

	@Test
	void theClueStaysInDisposalUntilTransferred() {
		Clue clue = withFigures(ClueState.DISPOSING, 2_000_000_00L, 200, Determination.SUSPECTED_CRIME,
				List.of(INTERVIEW));
		assertThatThrownBy(() -> clue.finishDisposal(only(Party.HANDLER))).isInstanceOf(Rejected.class);
		assertThat(clue.state()).isEqualTo(ClueState.DISPOSING);
		assertThat(clue.changes()).isEmpty();

		clue.recordMeasure(only(Party.HANDLER), MeasureKind.POLICE_TRANSFER, null, "会宁移〔2026〕1号");
		clue.finishDisposal(only(Party.HANDLER));
		assertThat(clue.state()).isEqualTo(ClueState.FEEDBACK);
	}

}
