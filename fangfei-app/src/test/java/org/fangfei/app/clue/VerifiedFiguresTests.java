package org.fangfei.app.clue;

import java.util.List;

import org.fangfei.app.clue.Clue.Party;
import org.fangfei.app.shared.Rejected;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fangfei.app.clue.ClueFixtures.clueIn;
import static org.fangfei.app.clue.ClueFixtures.only;

/**
 * The figures a verification finds replace those registered at intake, inside the
 * aggregate: the clue stands on them for 认定, the timeline says what was verified against
 * what was registered, and the event carries them for the modules that follow the clue.
 */
class VerifiedFiguresTests {

	@Test
	void theVerifiedAmountAndParticipantsReplaceTheRegisteredOnes() {
		Clue clue = clueIn(ClueState.VERIFYING);
		clue.submitVerification(only(Party.HANDLER), List.of("张伟", "李娜"), "账本显示共吸收资金62万元", 62_000_000L, 30);

		assertThat(clue.about().amountFen()).isEqualTo(62_000_000L);
		assertThat(clue.about().peopleCount()).isEqualTo(30);
		assertThat(clue.corrected()).as("saved with the clue's figures").isTrue();
		assertThat(clue.changes()).singleElement()
			.satisfies(c -> assertThat(c.note())
				.isEqualTo("核查人员：张伟、李娜。核实涉及金额 620,000.00 元(登记时 20,000.00 元)；核实涉及人数 30 人(登记时 12 人)。账本显示共吸收资金62万元"));
		assertThat(clue.events()).singleElement().isInstanceOfSatisfying(ClueEvent.Verified.class, e -> {
			assertThat(e.amountFen()).isEqualTo(62_000_000L);
			assertThat(e.peopleCount()).isEqualTo(30);
		});
	}

	@Test
	void aFigureLeftBlankKeepsTheRegisteredOne() {
		Clue clue = clueIn(ClueState.VERIFYING);
		clue.submitVerification(only(Party.HANDLER), List.of("张伟", "李娜"), "情况属实", null, 15);
		assertThat(clue.about().amountFen()).isEqualTo(2_000_000L);
		assertThat(clue.about().peopleCount()).isEqualTo(15);
		assertThat(clue.changes().get(0).note()).isEqualTo("核查人员：张伟、李娜。核实涉及人数 15 人(登记时 12 人)。情况属实");

		Clue unchanged = clueIn(ClueState.VERIFYING);
		unchanged.submitVerification(only(Party.HANDLER), List.of("张伟", "李娜"), "情况属实", null, null);
		assertThat(unchanged.corrected()).isFalse();
		assertThat(unchanged.events()).singleElement()
			.isEqualTo(new ClueEvent.Verified(unchanged.events().get(0).clue(), 2_000_000L, 12));
	}

	@Test
	void theCriminalThresholdWeighsTheVerifiedAmount() {
		Clue clue = clueIn(ClueState.VERIFYING);
		clue.submitVerification(only(Party.HANDLER), List.of("张伟", "李娜"), "查实吸收资金120万元", 120_000_000L, null);
		assertThatThrownBy(() -> clue.determine(only(Party.DETERMINER), Determination.IRREGULAR, "不规范"))
			.isInstanceOf(Rejected.class)
			.hasMessageContaining("已达刑事立案标准");
		clue.determine(only(Party.DETERMINER), Determination.SUSPECTED_CRIME, "涉嫌非法吸收公众存款罪");
		assertThat(clue.events()).last()
			.isInstanceOfSatisfying(ClueEvent.Determined.class, e -> assertThat(e.amountFen()).isEqualTo(120_000_000L));
	}

	@Test
	void aRefusedVerificationChangesNoFigure() {
		Clue clue = clueIn(ClueState.VERIFYING);
		assertThatThrownBy(() -> clue.submitVerification(only(Party.HANDLER), List.of("张伟"), "情况属实", 62_000_000L, 30))
			.isInstanceOf(Rejected.class);
		assertThat(clue.about().amountFen()).isEqualTo(2_000_000L);
		assertThat(clue.corrected()).isFalse();
	}

}
