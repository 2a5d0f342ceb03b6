package org.fangfei.app.clue;

import java.util.Arrays;
import java.util.List;

import org.fangfei.app.clue.Clue.Party;
import org.fangfei.app.shared.Rejected;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fangfei.app.clue.ClueFixtures.clueIn;
import static org.fangfei.app.clue.ClueFixtures.only;

/** 条例 art. 21: on-site verification by at least two investigators. */
class VerificationNeedsTwoInvestigatorsTests {

	@Test
	void twoDifferentNamesAreEnough() {
		assertThat(VerificationNeedsTwoInvestigators.check(List.of(" 张伟", "李娜 "))).containsExactly("张伟", "李娜");
	}

	@Test
	void oneNameIsRefusedWithTheArticle() {
		assertThatThrownBy(() -> VerificationNeedsTwoInvestigators.check(List.of("张伟")))
			.isExactlyInstanceOf(Rejected.class)
			.hasMessageContaining("核查人员不得少于 2 人")
			.hasMessageContaining("第二十一条")
			.satisfies(ex -> assertThat(((Rejected) ex).fieldErrors()).containsKey("investigators"));
	}

	@Test
	void noNamesAtAllAreRefused() {
		assertThatThrownBy(() -> VerificationNeedsTwoInvestigators.check(null)).isInstanceOf(Rejected.class);
		assertThatThrownBy(() -> VerificationNeedsTwoInvestigators.check(List.of())).isInstanceOf(Rejected.class);
		assertThatThrownBy(() -> VerificationNeedsTwoInvestigators.check(Arrays.asList("", "  ", null)))
			.isInstanceOf(Rejected.class);
	}

	@Test
	void theSamePersonTwiceCountsOnce() {
		assertThatThrownBy(() -> VerificationNeedsTwoInvestigators.check(List.of("张伟", " 张伟 ")))
			.isInstanceOf(Rejected.class);
		assertThat(VerificationNeedsTwoInvestigators.check(List.of("张伟", "李娜", "张伟"))).containsExactly("张伟", "李娜");
	}

	@Test
	void blankEntriesDoNotCount() {
		assertThatThrownBy(() -> VerificationNeedsTwoInvestigators.check(List.of("张伟", "", " ")))
			.isInstanceOf(Rejected.class);
	}

	@Test
	void namesLongerThanThirtyCharactersAreRefused() {
		String thirty = "名".repeat(30);
		assertThat(VerificationNeedsTwoInvestigators.check(List.of(thirty, "李娜"))).contains(thirty);
		assertThatThrownBy(() -> VerificationNeedsTwoInvestigators.check(List.of(thirty + "名", "李娜")))
			.isInstanceOf(Rejected.class)
			.hasMessage("核查人员姓名不能超过 30 字");
	}

	@Test
	void theFormSplitsNamesOnChineseAndLatinSeparators() {
		assertThat(new VerificationForm("张伟、李娜", null, null).investigatorList()).containsExactly("张伟", "李娜");
		assertThat(new VerificationForm("张伟，李娜;王强；赵六 孙七", null, null).investigatorList()).containsExactly("张伟", "李娜",
				"王强", "赵六", "孙七");
		assertThat(new VerificationForm(null, null, null).investigatorList()).isEmpty();
		assertThatThrownBy(() -> VerificationNeedsTwoInvestigators
			.check(new VerificationForm("张伟、", null, null).investigatorList())).isInstanceOf(Rejected.class);
	}

	@Test
	void aVerificationByOnePersonLeavesTheClueAsItWas() {
		Clue clue = clueIn(ClueState.VERIFYING);
		assertThatThrownBy(() -> clue.submitVerification(only(Party.HANDLER), List.of("张伟"), "情况属实", null, null))
			.isInstanceOf(Rejected.class);
		assertThat(clue.state()).isEqualTo(ClueState.VERIFYING);
		assertThat(clue.changes()).isEmpty();
	}

	@Test
	void aVerificationNamesItsInvestigatorsOnTheTimeline() {
		Clue clue = clueIn(ClueState.VERIFYING);
		clue.submitVerification(only(Party.HANDLER), List.of("张伟", "李娜"), " 情况属实 ", null, null);
		assertThat(clue.state()).isEqualTo(ClueState.ASSESSING);
		assertThat(clue.changes().get(0).note()).isEqualTo("核查人员：张伟、李娜。情况属实");
	}

	@Test
	void aVerificationNeedsFindings() {
		Clue clue = clueIn(ClueState.VERIFYING);
		assertThatThrownBy(() -> clue.submitVerification(only(Party.HANDLER), List.of("张伟", "李娜"), " ", null, null))
			.isInstanceOf(Rejected.class)
			.hasMessage("请填写核查情况");
		assertThat(clue.state()).isEqualTo(ClueState.VERIFYING);
	}

}
