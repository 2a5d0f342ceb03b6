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

/** 100万元 or 150 participants: the criminal thresholds. */
class CriminalThresholdsTests {

	private static final String SHORT = "九个字的认定依据啊";

	private static final String ENOUGH = "十个字的认定依据说明";

	@Test
	void theThresholdsAreReachedAtTheirValues() {
		assertThat(CriminalThresholds.reached(1_000_000_00L, null)).isTrue();
		assertThat(CriminalThresholds.reached(1_000_000_00L - 1, null)).isFalse();
		assertThat(CriminalThresholds.reached(null, 150)).isTrue();
		assertThat(CriminalThresholds.reached(null, 149)).isFalse();
		assertThat(CriminalThresholds.reached(1_000_000_00L - 1, 149)).isFalse();
		assertThat(CriminalThresholds.reached(0L, 150)).isTrue();
		assertThat(CriminalThresholds.reached(null, null)).isFalse();
	}

	@Test
	void belowACrimeAtTheThresholdNeedsTenCharactersOfReasons() {
		assertThat(SHORT).hasSize(9);
		assertThat(ENOUGH).hasSize(10);
		assertThatThrownBy(
				() -> CriminalThresholds.checkDetermination(Determination.IRREGULAR, 1_000_000_00L, null, SHORT))
			.isExactlyInstanceOf(Rejected.class)
			.hasMessage("涉及金额或人数已达刑事立案标准(100万元或150人)，认定为“不规范经营行为”须在依据中说明理由(不少于10字)")
			.satisfies(ex -> assertThat(((Rejected) ex).fieldErrors()).containsKey("note"));
		assertThatThrownBy(
				() -> CriminalThresholds.checkDetermination(Determination.NOT_ILLEGAL, null, 150, "  " + SHORT + "  "))
			.as("surrounding spaces do not count")
			.isInstanceOf(Rejected.class);
		assertThatThrownBy(
				() -> CriminalThresholds.checkDetermination(Determination.SUSPECTED_ILLEGAL, null, 150, null))
			.isInstanceOf(Rejected.class);
		assertThatCode(() -> CriminalThresholds.checkDetermination(Determination.SUSPECTED_ILLEGAL, 1_000_000_00L, 150,
				ENOUGH))
			.doesNotThrowAnyException();
	}

	@Test
	void aSuspectedCrimeNeedsNoExtraReason() {
		assertThatCode(
				() -> CriminalThresholds.checkDetermination(Determination.SUSPECTED_CRIME, 1_000_000_00L, 150, "涉嫌"))
			.doesNotThrowAnyException();
	}

	@Test
	void belowTheThresholdsAShortBasisIsEnough() {
		assertThatCode(
				() -> CriminalThresholds.checkDetermination(Determination.NOT_ILLEGAL, 1_000_000_00L - 1, 149, "正常经营"))
			.doesNotThrowAnyException();
		assertThatCode(() -> CriminalThresholds.checkDetermination(Determination.IRREGULAR, null, null, "不规范"))
			.doesNotThrowAnyException();
	}

	@Test
	void aRefusedDeterminationLeavesTheClueAssessing() {
		Clue clue = withFigures(ClueState.ASSESSING, 1_200_000_00L, 30, null, List.of());
		assertThatThrownBy(() -> clue.determine(only(Party.DETERMINER), Determination.IRREGULAR, SHORT))
			.isInstanceOf(Rejected.class);
		assertThat(clue.state()).isEqualTo(ClueState.ASSESSING);
		assertThat(clue.determination()).isNull();
		assertThat(clue.changes()).isEmpty();

		clue.determine(only(Party.DETERMINER), Determination.IRREGULAR, ENOUGH);
		assertThat(clue.state()).isEqualTo(ClueState.DISPOSING);
	}

}
