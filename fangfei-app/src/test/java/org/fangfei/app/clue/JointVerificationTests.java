package org.fangfei.app.clue;

import java.util.List;

import org.fangfei.app.clue.Clue.Party;
import org.fangfei.app.shared.Rejected;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fangfei.app.clue.ClueFixtures.HEPAN;
import static org.fangfei.app.clue.ClueFixtures.HUISHI;
import static org.fangfei.app.clue.ClueFixtures.MARKET;
import static org.fangfei.app.clue.ClueFixtures.clueIn;
import static org.fangfei.app.clue.ClueFixtures.only;

/**
 * 牵头单位 / 协办单位 / 联合核查 inside the aggregate: a clue goes to a lead unit with assisting
 * units, each assisting unit adds its part while the lead verifies, the lead alone
 * submits the report, and a clue sent back loses its assisting units with its lead.
 */
class JointVerificationTests {

	private static final Unit POLICE = Unit.department(9, "县公安局");

	@Test
	void aClueGoesToALeadUnitWithAssistingUnits() {
		Clue clue = clueIn(ClueState.ACCEPTED);
		clue.dispatch(only(Party.OFFICE), HUISHI, List.of(MARKET, POLICE, MARKET), List.of(HUISHI), null);
		assertThat(clue.handler()).isEqualTo(HUISHI);
		assertThat(clue.assisting()).as("a unit named twice assists once").containsExactly(MARKET, POLICE);
		assertThat(clue.changes()).singleElement()
			.satisfies(c -> assertThat(c.note()).isEqualTo("分派至会师镇(牵头)，协办：县市场监管局、县公安局"));
		assertThat(clue.events()).singleElement()
			.isInstanceOfSatisfying(ClueEvent.Dispatched.class,
					e -> assertThat(e.assistingNames()).containsExactly("县市场监管局", "县公安局"));
	}

	@Test
	void theLeadCannotAlsoAssist() {
		Clue clue = clueIn(ClueState.ACCEPTED);
		assertThatThrownBy(
				() -> clue.dispatch(only(Party.OFFICE), HUISHI, List.of(HUISHI, MARKET), List.of(HUISHI), null))
			.isInstanceOf(Rejected.class)
			.hasMessage("协办单位不能同时是牵头单位：会师镇");
		assertThat(clue.state()).isEqualTo(ClueState.ACCEPTED);
		assertThat(clue.assisting()).isEmpty();
		assertThat(clue.changes()).isEmpty();
	}

	@Test
	void anAssistingUnitAddsItsPartAndTheLeadSubmits() {
		Clue clue = clueIn(ClueState.VERIFYING);
		clue.assist(only(Party.ASSISTANT), MARKET, " 该公司经营范围不含金融业务 ");
		assertThat(clue.state()).isEqualTo(ClueState.VERIFYING);
		assertThat(clue.changes()).singleElement()
			.satisfies(c -> assertThat(c.note()).isEqualTo("县市场监管局协查：该公司经营范围不含金融业务"));
		assertThatThrownBy(() -> clue.submitVerification(only(Party.ASSISTANT), List.of("张伟", "李娜"), "属实", null, null))
			.isInstanceOf(Rejected.class)
			.hasMessage("只有承办单位可以提交核查报告");
		clue.submitVerification(only(Party.HANDLER), List.of("张伟", "李娜"), "属实", null, null);
		assertThat(clue.state()).isEqualTo(ClueState.ASSESSING);
	}

	@Test
	void onlyAnAssistingUnitMayAddAPartAndItMustSaySomething() {
		Clue clue = clueIn(ClueState.VERIFYING);
		assertThatThrownBy(() -> clue.assist(only(Party.ASSISTANT), HEPAN, "补充情况")).isInstanceOf(Rejected.class)
			.hasMessage("只有协办单位可以补充协查情况");
		assertThatThrownBy(() -> clue.assist(only(Party.HANDLER), HUISHI, "补充情况")).isInstanceOf(Rejected.class)
			.hasMessage("只有协办单位可以补充协查情况");
		assertThatThrownBy(() -> clue.assist(only(Party.ASSISTANT), MARKET, " ")).isInstanceOf(Rejected.class)
			.hasMessage("请填写协查情况");
		assertThat(clue.changes()).isEmpty();
		assertThat(clue.events()).isEmpty();
	}

	@Test
	void aReturnedClueLosesItsAssistingUnits() {
		Clue clue = clueIn(ClueState.DISPATCHED);
		assertThat(clue.assisting()).containsExactly(MARKET);
		clue.returnToOffice(only(Party.HANDLER), "不属本镇辖区");
		assertThat(clue.assisting()).isEmpty();
	}

}
