package org.fangfei.app.clue;

import java.time.Duration;

import org.fangfei.app.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangfei.app.Stimulus.unchecked;

/**
 * The clue module tells the others what happened, once the move commits: the events of
 * real moves through the API carry what listeners need (figures, subjects, the unit, the
 * version), and the notices follow them after the move.
 */
@IntegrationTest
@EnableScenarios
class ClueEventTests extends ClueTestSupport {

	@Test
	void registrationIsPublishedWithItsFiguresAndVersionZero(Scenario scenario) throws Exception {
		String title = "事件登记 " + this.tag;
		scenario.stimulate(unchecked(() -> registered("事件登记")))
			.andWaitAtMost(Duration.ofSeconds(20))
			.andWaitForEventOfType(ClueEvent.Registered.class)
			.matching(e -> e.title().equals(title))
			.toArriveAndVerify(e -> {
				assertThat(e.source()).isEqualTo(ClueSource.HOTLINE);
				assertThat(e.amountFen()).isEqualTo(2_000_000L);
				assertThat(e.peopleCount()).isEqualTo(12);
				assertThat(e.clue().regionCode()).isEqualTo(HUISHI_VILLAGE);
				assertThat(e.clue().state()).isEqualTo(ClueState.REGISTERED);
				assertThat(e.clue().version()).isZero();
				assertThat(e.receivedAt()).isNotNull();
			});
	}

	@Test
	void aDispatchTellsTheUnitAndTheVersionTheMoveWrote(Scenario scenario) throws Exception {
		long id = registered("事件分派");
		ok(this.office, id, "ACCEPT");
		scenario.stimulate(unchecked(() -> ok(this.office, id, "DISPATCH", dispatchTo("R" + HUISHI))))
			.andWaitAtMost(Duration.ofSeconds(20))
			.andWaitForEventOfType(ClueEvent.Dispatched.class)
			.matching(e -> e.clue().id() == id)
			.toArriveAndVerify(e -> {
				assertThat(e.handlerRegionCode()).isEqualTo(HUISHI);
				assertThat(e.handlerName()).isEqualTo("会师镇");
				assertThat(e.clue().version()).isEqualTo(version(id));
				assertThat(e.clue().progress()).isEqualTo(ClueProgress.IN_HAND);
			});
	}

	@Test
	void aDeterminationCarriesTheFindingAndTheFiguresItWasMadeOn(Scenario scenario) throws Exception {
		long id = registered("事件认定");
		toAssessing(id);
		scenario
			.stimulate(unchecked(
					() -> ok(this.chief, id, "DETERMINE", determination("SUSPECTED_ILLEGAL", "经研判，公开宣传并承诺高额回报"))))
			.andWaitAtMost(Duration.ofSeconds(20))
			.andWaitForEventOfType(ClueEvent.Determined.class)
			.matching(e -> e.clue().id() == id)
			.toArriveAndVerify(e -> {
				assertThat(e.determination()).isEqualTo(Determination.SUSPECTED_ILLEGAL);
				assertThat(e.illegal()).isTrue();
				assertThat(e.ruling()).isFalse();
				assertThat(e.amountFen()).isEqualTo(2_000_000L);
				assertThat(e.peopleCount()).isEqualTo(12);
				assertThat(e.clue().state()).isEqualTo(ClueState.DISPOSING);
			});
	}

	@Test
	void theNextPartysNoticeFollowsTheMoveAndTheFinishedStepsLeavesTheInbox(Scenario scenario) throws Exception {
		long id = registered("事件通知");
		toDispatched(id);
		scenario.stimulate(unchecked(() -> ok(this.huishi, id, "RECEIVE")))
			.andWaitAtMost(Duration.ofSeconds(20))
			.andWaitForStateChange(
					() -> notices(id).stream().filter(n -> n.get("title").toString().startsWith("待核查")).toList(),
					list -> !list.isEmpty())
			.andVerify(list -> assertThat(list).singleElement()
				.satisfies(n -> assertThat(n).containsEntry("recipient_key", "unit:" + HUISHI)
					.containsEntry("resolved_at", null)));
		assertThat(notices(id)).filteredOn(n -> n.get("title").toString().startsWith("待签收"))
			.singleElement()
			.satisfies(n -> assertThat(n.get("resolved_at")).as("the dispatch step ended").isNotNull());
	}

}
