package org.fangfei.app.clue;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import org.fangfei.app.clue.Clue.Party;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Conflict;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Rejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fangfei.app.clue.ClueFixtures.all;
import static org.fangfei.app.clue.ClueFixtures.allBut;
import static org.fangfei.app.clue.ClueFixtures.clueIn;
import static org.fangfei.app.clue.ClueFixtures.only;

/**
 * 修改线索 inside the aggregate — who may correct, in which states, the region fixed once the
 * clue went beyond acceptance, what the timeline and the event say — and the one policy
 * ({@link ClueParties}) behind the moves, the corrections and "my turn".
 */
class ClueCorrectionTests {

	/**
	 * Names as the reference tables give them (issue 14, item 11: no codes in the
	 * timeline).
	 */
	private static final Clue.Names NAMES = new Clue.Names() {

		@Override
		public String region(String code) {
			return code == null ? null : java.util.Map.of("620422100001", "东山村", "620422101001", "西岔村").get(code);
		}

		@Override
		public String sector(String code) {
			return code == null ? null : java.util.Map.of("ELDERLY_CARE", "养老服务").get(code);
		}

		@Override
		public String scheme(String code) {
			return code;
		}

	};

	private static Clue.Particulars corrected(Clue clue, String region, Long amountFen, Integer people,
			ClueGrade grade) {
		Clue.Particulars was = clue.about();
		return new Clue.Particulars(was.title(), was.description(), region, "ELDERLY_CARE", was.schemeCode(), amountFen,
				people, grade);
	}

	static Stream<ClueState> openStates() {
		return Stream.of(ClueState.values()).filter(ClueState::open);
	}

	@ParameterizedTest
	@MethodSource("openStates")
	void theOfficeCorrectsAnOpenClueAndTheTimelineAndEventSayWhat(ClueState state) {
		Clue clue = clueIn(state);
		boolean changed = clue.correct(only(Party.OFFICE),
				corrected(clue, clue.about().regionCode(), 60_000_000L, 40, ClueGrade.MAJOR), NAMES);
		assertThat(changed).isTrue();
		assertThat(clue.corrected()).isTrue();
		assertThat(clue.state()).as("a correction is no move").isEqualTo(state);
		assertThat(clue.about().amountFen()).isEqualTo(60_000_000L);
		assertThat(clue.grade()).isEqualTo(ClueGrade.MAJOR);
		assertThat(clue.changes()).singleElement()
			.satisfies(c -> assertThat(c.note()).contains("行业：(空) → 养老服务", "涉及金额(元)：20,000.00 → 600,000.00",
					"涉及人数：12 → 40", "等级：一般 → 重大"));
		assertThat(clue.events()).singleElement()
			.isEqualTo(new ClueEvent.Corrected(
					new ClueEvent.ClueRef(1, "XS202600001", "620422100001", "ELDERLY_CARE", ClueGrade.MAJOR, state, 4),
					ClueGrade.NORMAL, 60_000_000L, 40, clue.changes().get(0).note()));
	}

	@ParameterizedTest
	@EnumSource(value = ClueState.class, names = { "REJECTED", "CLOSED", "MERGED" })
	void aClueThatIsDoneCannotBeCorrected(ClueState state) {
		Clue clue = clueIn(state);
		assertThatThrownBy(() -> clue.correct(all(), corrected(clue, null, 1L, 1, ClueGrade.MAJOR), NAMES))
			.isInstanceOf(Conflict.class)
			.hasMessageContaining("不能修改");
		assertThat(clue.changes()).isEmpty();
		assertThat(clue.events()).isEmpty();
		assertThat(clue.corrected()).isFalse();
	}

	@ParameterizedTest
	@MethodSource("openStates")
	void onlyTheOfficeMayCorrect(ClueState state) {
		Clue clue = clueIn(state);
		assertThatThrownBy(
				() -> clue.correct(allBut(Party.OFFICE), corrected(clue, null, 1L, 1, ClueGrade.MAJOR), NAMES))
			.isExactlyInstanceOf(Rejected.class)
			.hasMessage("只有处非办可以修改线索");
		assertThat(clue.about().amountFen()).isEqualTo(2_000_000L);
		assertThat(clue.events()).isEmpty();
	}

	@Test
	void theRegionMayChangeUntilTheClueIsDispatchedThenItIsFixed() {
		for (ClueState state : EnumSet.of(ClueState.REGISTERED, ClueState.ACCEPTED)) {
			Clue clue = clueIn(state);
			clue.correct(only(Party.OFFICE), corrected(clue, "620422101001", 2_000_000L, 12, ClueGrade.NORMAL), NAMES);
			assertThat(clue.about().regionCode()).isEqualTo("620422101001");
			assertThat(clue.changes().get(0).note()).contains("区划：东山村 → 西岔村");
		}
		for (ClueState state : EnumSet.of(ClueState.DISPATCHED, ClueState.VERIFYING, ClueState.DISPOSING)) {
			Clue clue = clueIn(state);
			assertThatThrownBy(() -> clue.correct(only(Party.OFFICE),
					corrected(clue, "620422101001", 2_000_000L, 12, ClueGrade.NORMAL), NAMES))
				.isInstanceOf(Rejected.class)
				.hasMessageContaining("所在区划不能再修改");
			assertThat(clue.about().regionCode()).isEqualTo("620422100001");
			// the same region (or none given) is no change of region
			clue.correct(only(Party.OFFICE), corrected(clue, null, 3_000_000L, 12, ClueGrade.NORMAL), NAMES);
			assertThat(clue.about().regionCode()).isEqualTo("620422100001");
			assertThat(clue.about().amountFen()).isEqualTo(3_000_000L);
		}
	}

	@Test
	void nothingDifferentIsNoCorrectionAndAMissingGradeIsRefused() {
		Clue clue = clueIn(ClueState.ACCEPTED);
		assertThat(clue.correct(only(Party.OFFICE), clue.about(), NAMES)).isFalse();
		assertThat(clue.changes()).isEmpty();
		assertThat(clue.events()).isEmpty();
		assertThatThrownBy(() -> clue.correct(only(Party.OFFICE), corrected(clue, null, 1L, 1, null), NAMES))
			.isInstanceOf(Rejected.class)
			.hasMessage("请选择线索等级");
	}

	@Test
	void correctedFiguresFeedThePoliciesAfterwards() {
		Clue clue = clueIn(ClueState.ASSESSING);
		clue.correct(only(Party.OFFICE), corrected(clue, null, 100_000_000L, 12, ClueGrade.NORMAL), NAMES);
		// 100 万元 reaches the criminal threshold: "irregular" now needs a reason beyond
		// the basis
		assertThatThrownBy(() -> clue.determine(only(Party.DETERMINER), Determination.IRREGULAR, "情节轻微"))
			.isInstanceOf(Rejected.class);
	}

	private static Actor actor(String role, boolean office, Long department, String region, String... permissions) {
		return new Actor(1, role.toLowerCase(), role, region, department, office, Set.of(role), Set.of(permissions),
				DataScope.jurisdiction("620422000000"));
	}

	@Test
	void aLeaderWhoMayDetermineFindsAssessedCluesInMyTurnAsOnTheClue() {
		Actor leader = actor("LEADER", false, null, "620422000000", "clue:clue:determine", "clue:dispute:resolve");
		assertThat(ClueParties.of(leader, clueIn(ClueState.ASSESSING))).contains(Party.DETERMINER);
		assertThat(ClueParties.myTurn(leader)).contains("c.state = 'ASSESSING'").contains("c.state = 'DISPUTED'");
		assertThat(ClueParties.office(leader)).isFalse();
	}

	@Test
	void oneRuleForTheOfficeEverywhere() {
		Actor staff = actor("OFFICE", false, null, "620422000000", "clue:clue:accept");
		Actor withoutTheRight = actor("OFFICE", true, null, "620422000000");
		Actor township = actor("TOWNSHIP", false, null, "620422100000", "clue:clue:handle");
		assertThat(ClueParties.of(staff, clueIn(ClueState.REGISTERED))).contains(Party.OFFICE);
		assertThat(ClueParties.myTurn(staff)).contains("'REGISTERED','ACCEPTED','FEEDBACK'");
		assertThat(ClueParties.of(withoutTheRight, clueIn(ClueState.REGISTERED))).doesNotContain(Party.OFFICE);
		assertThat(ClueParties.myTurn(withoutTheRight)).isEqualTo("false");
		assertThat(ClueParties.of(township, clueIn(ClueState.DISPATCHED))).containsExactly(Party.HANDLER);
		assertThat(ClueParties.myTurn(township))
			.isEqualTo("((c.state in ('DISPATCHED','VERIFYING','DISPOSING') and c.handler_region_code = :myRegion))");
	}

}
