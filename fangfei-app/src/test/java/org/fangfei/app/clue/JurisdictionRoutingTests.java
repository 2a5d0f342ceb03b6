package org.fangfei.app.clue;

import java.util.List;

import org.fangfei.app.clue.Clue.Party;
import org.fangfei.app.shared.Rejected;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fangfei.app.clue.ClueFixtures.HEPAN;
import static org.fangfei.app.clue.ClueFixtures.HUISHI;
import static org.fangfei.app.clue.ClueFixtures.MARKET;
import static org.fangfei.app.clue.ClueFixtures.clueIn;
import static org.fangfei.app.clue.ClueFixtures.only;

/** 属地原则, 条例 art. 20. */
class JurisdictionRoutingTests {

	@Test
	void aVillageBelongsToItsTownship() {
		assertThat(JurisdictionRouting.townshipOf("620422100001")).isEqualTo("620422100000");
		assertThat(JurisdictionRouting.townshipOf("620422101203")).isEqualTo("620422101000");
	}

	@Test
	void aTownshipIsItsOwnTownship() {
		assertThat(JurisdictionRouting.townshipOf("620422100000")).isEqualTo("620422100000");
	}

	@Test
	void theCountyAndAboveHaveNoTownship() {
		assertThat(JurisdictionRouting.townshipOf("620422000000")).isNull();
		assertThat(JurisdictionRouting.townshipOf("620400000000")).isNull();
		assertThat(JurisdictionRouting.townshipOf("620000000000")).isNull();
	}

	@Test
	void theSuggestedUnitNeedsNoReason() {
		assertThatCode(() -> JurisdictionRouting.check(HUISHI, List.of(HUISHI), null)).doesNotThrowAnyException();
		assertThatCode(() -> JurisdictionRouting.check(Unit.township("620422100000", "另一个名字"), List.of(HUISHI), ""))
			.as("units are compared by code, not by name")
			.doesNotThrowAnyException();
	}

	@Test
	void anotherUnitNeedsAReason() {
		assertThatThrownBy(() -> JurisdictionRouting.check(HEPAN, List.of(HUISHI), "  "))
			.isExactlyInstanceOf(Rejected.class)
			.hasMessage("按属地原则(《防范和处置非法集资条例》第二十条)应分派至会师镇；分派至河畔镇须说明理由")
			.satisfies(ex -> assertThat(((Rejected) ex).fieldErrors()).containsKey("note"));
		assertThatCode(() -> JurisdictionRouting.check(HEPAN, List.of(HUISHI), "主体实际经营地在河畔镇"))
			.doesNotThrowAnyException();
	}

	@Test
	void theSupervisingDepartmentIsAnAlternativeToTheTownship() {
		assertThatCode(() -> JurisdictionRouting.check(MARKET, List.of(HUISHI, MARKET), null))
			.doesNotThrowAnyException();
		assertThatThrownBy(() -> JurisdictionRouting.check(HEPAN, List.of(HUISHI, MARKET), null))
			.hasMessageContaining("应分派至会师镇或县市场监管局");
		assertThatThrownBy(() -> JurisdictionRouting.check(Unit.department(8, "县公安局"), List.of(HUISHI, MARKET), null))
			.isInstanceOf(Rejected.class);
	}

	@Test
	void aDepartmentAndATownshipAreNeverTheSameUnit() {
		assertThat(Unit.department(7, "甲").same(Unit.department(7, "乙"))).isTrue();
		assertThat(Unit.department(7, "甲").same(HUISHI)).isFalse();
		assertThat(HUISHI.same(null)).isFalse();
		assertThatThrownBy(() -> new Unit("620422100000", 7L, "两者都有")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Unit(null, null, "都没有")).isInstanceOf(IllegalArgumentException.class);
		assertThat(HUISHI.key()).isEqualTo("R620422100000");
		assertThat(MARKET.key()).isEqualTo("D7");
	}

	@Test
	void withNothingSuggestedAnyUnitMayBeChosen() {
		assertThatCode(() -> JurisdictionRouting.check(HEPAN, List.of(), null)).doesNotThrowAnyException();
	}

	@Test
	void aTargetMustBeChosen() {
		assertThatThrownBy(() -> JurisdictionRouting.check(null, List.of(HUISHI), "理由"))
			.isExactlyInstanceOf(Rejected.class)
			.hasMessage("请选择承办单位")
			.satisfies(ex -> assertThat(((Rejected) ex).fieldErrors()).containsKey("unit"));
	}

	@Test
	void dispatchingElsewhereWithoutAReasonLeavesTheClueUndispatched() {
		Clue clue = clueIn(ClueState.ACCEPTED);
		assertThatThrownBy(() -> clue.dispatch(only(Party.OFFICE), HEPAN, List.of(), List.of(HUISHI), null))
			.isInstanceOf(Rejected.class);
		assertThat(clue.state()).isEqualTo(ClueState.ACCEPTED);
		assertThat(clue.handler()).isNull();
		assertThat(clue.changes()).isEmpty();
	}

	@Test
	void theReasonForDispatchingElsewhereGoesOnTheTimeline() {
		Clue clue = clueIn(ClueState.ACCEPTED);
		clue.dispatch(only(Party.OFFICE), HEPAN, List.of(), List.of(HUISHI), " 主体实际经营地在河畔镇 ");
		assertThat(clue.handler()).isEqualTo(HEPAN);
		assertThat(clue.changes().get(0).note()).isEqualTo("分派至河畔镇。理由：主体实际经营地在河畔镇");
	}

}
