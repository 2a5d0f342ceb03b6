package org.fangfei.app.clue;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import org.fangfei.app.clue.Clue.Action;
import org.fangfei.app.clue.Clue.Party;
import org.fangfei.app.shared.Conflict;
import org.fangfei.app.shared.Rejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.fangfei.app.clue.ClueFixtures.HUISHI;
import static org.fangfei.app.clue.ClueFixtures.MARKET;
import static org.fangfei.app.clue.ClueFixtures.all;
import static org.fangfei.app.clue.ClueFixtures.allBut;
import static org.fangfei.app.clue.ClueFixtures.clueIn;
import static org.fangfei.app.clue.ClueFixtures.only;

/**
 * The clue's state machine without any framework: every move from every state, for the
 * right party and the wrong ones, and what the clue page offers.
 */
class ClueDomainTests {

	/** One move with valid input, who may make it, from where, and where it leads. */
	enum Move {

		ACCEPT(Action.ACCEPT, (c, p) -> c.accept(p), ClueState.ACCEPTED, Set.of(ClueState.REGISTERED), Party.OFFICE),
		REJECT(Action.REJECT, (c, p) -> c.reject(p, "不属于非法集资线索，已告知来源"), ClueState.REJECTED,
				Set.of(ClueState.REGISTERED), Party.OFFICE),
		MERGE(Action.MERGE, (c, p) -> c.mergeInto(p, 99, "XS202600099"), ClueState.MERGED,
				Set.of(ClueState.REGISTERED, ClueState.ACCEPTED), Party.OFFICE),
		DISPATCH(Action.DISPATCH, (c, p) -> c.dispatch(p, HUISHI, List.of(), List.of(HUISHI), null),
				ClueState.DISPATCHED, Set.of(ClueState.ACCEPTED), Party.OFFICE),
		RETURN(Action.RETURN, (c, p) -> c.returnToOffice(p, "不属本镇辖区"), ClueState.ACCEPTED, Set.of(ClueState.DISPATCHED),
				Party.HANDLER),
		RECEIVE(Action.RECEIVE, (c, p) -> c.receive(p), ClueState.VERIFYING, Set.of(ClueState.DISPATCHED),
				Party.HANDLER),
		VERIFY(Action.VERIFY, (c, p) -> c.submitVerification(p, List.of("张伟", "李娜"), "现场核实，情况属实", null, null),
				ClueState.ASSESSING, Set.of(ClueState.VERIFYING), Party.HANDLER),
		MORE(Action.MORE, (c, p) -> c.requestMoreVerification(p, "请补充银行流水"), ClueState.VERIFYING,
				Set.of(ClueState.ASSESSING), Party.OFFICE),
		DETERMINE(Action.DETERMINE, (c, p) -> c.determine(p, Determination.IRREGULAR, "仅在亲友间借款，未公开宣传"),
				ClueState.DISPOSING, Set.of(ClueState.ASSESSING), Party.DETERMINER),
		DISPUTE(Action.DISPUTE, (c, p) -> c.dispute(p, "认定过重"), ClueState.DISPUTED,
				Set.of(ClueState.DISPOSING, ClueState.FEEDBACK), Party.HANDLER),
		RESOLVE(Action.RESOLVE, (c, p) -> c.resolveDispute(p, Determination.IRREGULAR, "维持原认定"), ClueState.DISPOSING,
				Set.of(ClueState.DISPUTED), Party.ARBITER),
		MEASURE(Action.MEASURE, (c, p) -> c.recordMeasure(p, MeasureKind.WARNING_INTERVIEW, null, "会师约〔2026〕1号"),
				ClueState.DISPOSING, Set.of(ClueState.DISPOSING), Party.HANDLER, Party.OFFICE),
		FINISH(Action.FINISH, (c, p) -> c.finishDisposal(p), ClueState.FEEDBACK, Set.of(ClueState.DISPOSING),
				Party.HANDLER, Party.OFFICE),
		FEEDBACK(Action.FEEDBACK, (c, p) -> c.giveFeedback(p, "已电话告知举报人办理结果"), ClueState.FEEDBACK,
				Set.of(ClueState.FEEDBACK), Party.OFFICE),
		CLOSE(Action.CLOSE, (c, p) -> c.close(p, null), ClueState.CLOSED, Set.of(ClueState.FEEDBACK), Party.CLOSER),
		LOOK_BACK(Action.LOOK_BACK, (c, p) -> c.lookBack(p, "回访未发现反弹", false), ClueState.CLOSED,
				Set.of(ClueState.CLOSED), Party.CLOSER),
		ASSIST(Action.ASSIST, (c, p) -> c.assist(p, MARKET, "已调取该公司营业执照和经营范围"), ClueState.VERIFYING,
				Set.of(ClueState.VERIFYING), Party.ASSISTANT);

		final Action action;

		final BiConsumer<Clue, Set<Party>> apply;

		final ClueState to;

		final Set<ClueState> from;

		final Party[] parties;

		Move(Action action, BiConsumer<Clue, Set<Party>> apply, ClueState to, Set<ClueState> from, Party... parties) {
			this.action = action;
			this.apply = apply;
			this.to = to;
			this.from = from;
			this.parties = parties;
		}

		/** FINISH needs a measure already recorded; DISPUTE needs none. */
		boolean needsMeasure() {
			return this == FINISH;
		}

	}

	static Stream<Arguments> legalMoves() {
		return Stream.of(Move.values())
			.flatMap(m -> m.from.stream().flatMap(s -> Stream.of(m.parties).map(p -> Arguments.of(m, s, p))));
	}

	static Stream<Arguments> movesFromWrongStates() {
		return Stream.of(Move.values())
			.flatMap(m -> Stream.of(ClueState.values()).filter(s -> !m.from.contains(s)).map(s -> Arguments.of(m, s)));
	}

	static Stream<Arguments> movesByWrongParties() {
		return Stream.of(Move.values())
			.flatMap(m -> m.from.stream()
				.flatMap(s -> Stream.of(Party.values())
					.filter(p -> !List.of(m.parties).contains(p))
					.map(p -> Arguments.of(m, s, p))));
	}

	@ParameterizedTest(name = "{0} from {1} by {2}")
	@MethodSource("legalMoves")
	void everyLegalMoveSucceedsForTheRightParty(Move move, ClueState from, Party party) {
		Clue clue = clueIn(from, move.needsMeasure());
		move.apply.accept(clue, only(party));
		assertThat(clue.state()).isEqualTo(move.to);
		assertThat(clue.changes()).hasSize(1);
		Clue.Change change = clue.changes().get(0);
		assertThat(change.from()).isEqualTo(from);
		assertThat(change.to()).isEqualTo(move.to);
		assertThat(change.kind()).isNotBlank();
		assertThat(clue.events()).as("one event for the other modules").singleElement().satisfies(event -> {
			assertThat(event).isInstanceOf(EVENTS.get(move));
			assertThat(event.clue().id()).isEqualTo(clue.id());
			assertThat(event.clue().state()).isEqualTo(move.to);
			assertThat(event.clue().version()).as("the version the save writes").isEqualTo(clue.version() + 1);
		});
	}

	/** The event each move raises. */
	static final Map<Move, Class<? extends ClueEvent>> EVENTS = Map.ofEntries(
			Map.entry(Move.ACCEPT, ClueEvent.Accepted.class), Map.entry(Move.REJECT, ClueEvent.Rejected.class),
			Map.entry(Move.MERGE, ClueEvent.Merged.class), Map.entry(Move.DISPATCH, ClueEvent.Dispatched.class),
			Map.entry(Move.RETURN, ClueEvent.Returned.class), Map.entry(Move.RECEIVE, ClueEvent.Received.class),
			Map.entry(Move.VERIFY, ClueEvent.Verified.class),
			Map.entry(Move.MORE, ClueEvent.MoreVerificationRequested.class),
			Map.entry(Move.DETERMINE, ClueEvent.Determined.class), Map.entry(Move.DISPUTE, ClueEvent.Disputed.class),
			Map.entry(Move.RESOLVE, ClueEvent.Determined.class),
			Map.entry(Move.MEASURE, ClueEvent.MeasureRecorded.class),
			Map.entry(Move.FINISH, ClueEvent.DisposalFinished.class),
			Map.entry(Move.FEEDBACK, ClueEvent.FeedbackGiven.class), Map.entry(Move.CLOSE, ClueEvent.Closed.class),
			Map.entry(Move.LOOK_BACK, ClueEvent.LookedBack.class), Map.entry(Move.ASSIST, ClueEvent.Assisted.class));

	@Test
	void theEventsCarryWhatListenersNeed() {
		Clue determined = clueIn(ClueState.ASSESSING);
		determined.determine(only(Party.DETERMINER), Determination.SUSPECTED_ILLEGAL, "公开宣传，承诺高息");
		assertThat(determined.events()).singleElement()
			.isEqualTo(new ClueEvent.Determined(new ClueEvent.ClueRef(1, "XS202600001", "620422100001", null,
					ClueGrade.NORMAL, ClueState.DISPOSING, 4), Determination.SUSPECTED_ILLEGAL, false, 2_000_000L, 12));
		assertThat(((ClueEvent.Determined) determined.events().get(0)).illegal()).isTrue();

		Clue merged = clueIn(ClueState.ACCEPTED);
		merged.mergeInto(only(Party.OFFICE), 99, "XS202600099");
		assertThat(merged.events()).singleElement().satisfies(e -> {
			ClueEvent.Merged m = (ClueEvent.Merged) e;
			assertThat(m.targetId()).isEqualTo(99);
			assertThat(m.clue().progress()).isEqualTo(ClueProgress.CONCLUDED);
		});

		Clue reopened = clueIn(ClueState.CLOSED);
		reopened.lookBack(only(Party.CLOSER), "又在招揽投资", true);
		assertThat(reopened.events()).singleElement()
			.isInstanceOf(ClueEvent.Reopened.class)
			.satisfies(e -> assertThat(e.clue().progress()).isEqualTo(ClueProgress.IN_HAND));
	}

	@ParameterizedTest(name = "{0} from {1}")
	@MethodSource("movesFromWrongStates")
	void everyMoveFromAWrongStateIsAConflictAndChangesNothing(Move move, ClueState from) {
		Clue clue = clueIn(from, move.needsMeasure());
		Throwable refused = catchThrowable(() -> move.apply.accept(clue, all()));
		assertThat(refused).isInstanceOf(Conflict.class).hasMessageContaining(from.label());
		assertUnchanged(clue, clueIn(from, move.needsMeasure()));
	}

	@ParameterizedTest(name = "{0} from {1} by {2}")
	@MethodSource("movesByWrongParties")
	void everyMoveByTheWrongPartyIsRejectedAndChangesNothing(Move move, ClueState from, Party party) {
		Clue clue = clueIn(from, move.needsMeasure());
		Throwable refused = catchThrowable(() -> move.apply.accept(clue, allBut(move.parties)));
		assertThat(refused).isExactlyInstanceOf(Rejected.class).hasMessageStartingWith("只有");
		Throwable alone = catchThrowable(() -> move.apply.accept(clue, only(party)));
		assertThat(alone).isExactlyInstanceOf(Rejected.class);
		assertUnchanged(clue, clueIn(from, move.needsMeasure()));
	}

	@ParameterizedTest
	@EnumSource(Move.class)
	void nobodyMayMakeAnyMove(Move move) {
		for (ClueState from : move.from) {
			Clue clue = clueIn(from, move.needsMeasure());
			assertThatThrownBy(() -> move.apply.accept(clue, Clue.nobody())).isExactlyInstanceOf(Rejected.class);
			assertUnchanged(clue, clueIn(from, move.needsMeasure()));
		}
	}

	/** What each single party is offered in each state (with no measure recorded yet). */
	static Map<ClueState, Map<Party, Set<Action>>> offered() {
		Map<ClueState, Map<Party, Set<Action>>> offered = new EnumMap<>(ClueState.class);
		for (ClueState s : ClueState.values()) {
			offered.put(s, new EnumMap<>(Party.class));
		}
		offered.get(ClueState.REGISTERED).put(Party.OFFICE, EnumSet.of(Action.ACCEPT, Action.REJECT, Action.MERGE));
		offered.get(ClueState.ACCEPTED).put(Party.OFFICE, EnumSet.of(Action.DISPATCH, Action.MERGE));
		offered.get(ClueState.DISPATCHED).put(Party.HANDLER, EnumSet.of(Action.RECEIVE, Action.RETURN));
		offered.get(ClueState.VERIFYING).put(Party.HANDLER, EnumSet.of(Action.VERIFY));
		offered.get(ClueState.VERIFYING).put(Party.ASSISTANT, EnumSet.of(Action.ASSIST));
		offered.get(ClueState.ASSESSING).put(Party.OFFICE, EnumSet.of(Action.MORE));
		offered.get(ClueState.ASSESSING).put(Party.DETERMINER, EnumSet.of(Action.DETERMINE));
		offered.get(ClueState.DISPUTED).put(Party.ARBITER, EnumSet.of(Action.RESOLVE));
		offered.get(ClueState.DISPOSING).put(Party.OFFICE, EnumSet.of(Action.MEASURE, Action.FINISH));
		offered.get(ClueState.DISPOSING).put(Party.HANDLER, EnumSet.of(Action.MEASURE, Action.FINISH, Action.DISPUTE));
		offered.get(ClueState.FEEDBACK).put(Party.OFFICE, EnumSet.of(Action.FEEDBACK));
		offered.get(ClueState.FEEDBACK).put(Party.CLOSER, EnumSet.of(Action.CLOSE));
		offered.get(ClueState.FEEDBACK).put(Party.HANDLER, EnumSet.of(Action.DISPUTE));
		offered.get(ClueState.CLOSED).put(Party.CLOSER, EnumSet.of(Action.LOOK_BACK));
		return offered;
	}

	@ParameterizedTest
	@EnumSource(ClueState.class)
	void allowedOffersExactlyWhatEachPartyMayDo(ClueState state) {
		Map<Party, Set<Action>> expected = offered().get(state);
		for (Party party : Party.values()) {
			assertThat(clueIn(state).allowed(only(party))).as("%s in %s", party, state)
				.containsExactlyInAnyOrderElementsOf(expected.getOrDefault(party, Set.of()));
		}
		assertThat(clueIn(state).allowed(Clue.nobody())).isEmpty();
		Set<Action> union = EnumSet.noneOf(Action.class);
		expected.values().forEach(union::addAll);
		assertThat(clueIn(state).allowed(all())).containsExactlyInAnyOrderElementsOf(union);
	}

	@Test
	void allowedCombinesParties() {
		assertThat(clueIn(ClueState.ASSESSING).allowed(only(Party.OFFICE, Party.DETERMINER, Party.CLOSER)))
			.containsExactlyInAnyOrder(Action.MORE, Action.DETERMINE);
		assertThat(clueIn(ClueState.FEEDBACK).allowed(only(Party.OFFICE, Party.CLOSER)))
			.containsExactlyInAnyOrder(Action.FEEDBACK, Action.CLOSE);
	}

	@Test
	void onceAMeasureIsRecordedTheDeterminationCanNoLongerBeDisputed() {
		assertThat(clueIn(ClueState.DISPOSING, true).allowed(only(Party.HANDLER)))
			.containsExactlyInAnyOrder(Action.MEASURE, Action.FINISH);
		assertThat(clueIn(ClueState.FEEDBACK, true).allowed(only(Party.HANDLER))).isEmpty();
		Clue clue = clueIn(ClueState.DISPOSING, true);
		assertThatThrownBy(() -> clue.dispute(only(Party.HANDLER), "认定过重")).isInstanceOf(Conflict.class)
			.hasMessageContaining("已有处置措施");
		assertUnchanged(clue, clueIn(ClueState.DISPOSING, true));
	}

	/** Every action offered succeeds when taken; every action not offered is refused. */
	@ParameterizedTest
	@EnumSource(ClueState.class)
	void whatIsOfferedIsWhatSucceeds(ClueState state) {
		for (Party party : Party.values()) {
			for (Move move : Move.values()) {
				Clue clue = clueIn(state, move.needsMeasure());
				boolean offered = clue.allowed(only(party)).contains(move.action);
				Throwable refused = catchThrowable(() -> move.apply.accept(clue, only(party)));
				if (offered) {
					assertThat(refused).as("%s by %s in %s", move, party, state).isNull();
				}
				else {
					assertThat(refused).as("%s by %s in %s", move, party, state).isInstanceOf(Rejected.class);
				}
			}
		}
	}

	@Test
	void dispatchSetsTheHandlerAndReturningClearsIt() {
		Clue clue = clueIn(ClueState.ACCEPTED);
		clue.dispatch(only(Party.OFFICE), HUISHI, List.of(), List.of(HUISHI), "");
		assertThat(clue.handler()).isEqualTo(HUISHI);
		assertThat(clue.changes().get(0).note()).isEqualTo("分派至会师镇");
		clue.returnToOffice(only(Party.HANDLER), "不属本镇辖区");
		assertThat(clue.state()).isEqualTo(ClueState.ACCEPTED);
		assertThat(clue.handler()).isNull();
		assertThat(clue.changes().get(1).note()).isEqualTo("会师镇退回：不属本镇辖区");
	}

	@Test
	void aClueFoundNotIllegalGoesStraightToFeedback() {
		Clue clue = clueIn(ClueState.ASSESSING);
		clue.determine(only(Party.DETERMINER), Determination.NOT_ILLEGAL, "正常经营，未向社会公众吸收资金");
		assertThat(clue.state()).isEqualTo(ClueState.FEEDBACK);
		assertThat(clue.determination()).isEqualTo(Determination.NOT_ILLEGAL);
	}

	@Test
	void aResolvedDisputeTakesTheNewDeterminationAndForgetsTheDispute() {
		Clue clue = clueIn(ClueState.DISPUTED);
		clue.resolveDispute(only(Party.ARBITER), Determination.NOT_ILLEGAL, "经会商，不构成非法集资");
		assertThat(clue.state()).isEqualTo(ClueState.FEEDBACK);
		assertThat(clue.determination()).isEqualTo(Determination.NOT_ILLEGAL);
		assertThat(clue.disputed()).isNull();
	}

	@Test
	void disputingRemembersWhatWasDisputed() {
		Clue clue = clueIn(ClueState.DISPOSING);
		clue.dispute(only(Party.HANDLER), "认定过重");
		assertThat(clue.disputed()).isEqualTo(Determination.IRREGULAR);
		assertThat(clue.changes().get(0).note()).contains("不规范经营行为").contains("认定过重");
	}

	@Test
	void aClueFromAnAnsweringSourceIsClosedOnlyAfterFeedback() {
		Clue clue = new Clue(3, "XS202600003", ClueState.FEEDBACK, ClueSource.HOTLINE,
				ClueFixtures.about(ClueGrade.NORMAL, null, null), HUISHI, List.of(), Determination.NOT_ILLEGAL, null,
				true, null, List.of(), 2);
		assertThatThrownBy(() -> clue.close(only(Party.CLOSER), null)).isExactlyInstanceOf(Rejected.class)
			.hasMessageContaining("须先向来源反馈");
		assertThat(clue.state()).isEqualTo(ClueState.FEEDBACK);
		assertThat(clue.changes()).isEmpty();

		clue.giveFeedback(only(Party.OFFICE), "已电话告知");
		assertThat(clue.state()).isEqualTo(ClueState.FEEDBACK);
		assertThat(clue.feedback()).isEqualTo("已电话告知");
		clue.close(only(Party.CLOSER), "  ");
		assertThat(clue.state()).isEqualTo(ClueState.CLOSED);
		assertThat(clue.changes()).extracting(Clue.Change::kind).containsExactly("反馈", "销号");
	}

	@Test
	void aClueFromASourceExpectingNoAnswerClosesWithoutFeedback() {
		Clue clue = new Clue(4, "XS202600004", ClueState.FEEDBACK, ClueSource.PATROL,
				ClueFixtures.about(ClueGrade.NORMAL, null, null), HUISHI, List.of(), Determination.NOT_ILLEGAL, null,
				false, null, List.of(), 2);
		clue.close(only(Party.CLOSER), "巡查发现，无需反馈");
		assertThat(clue.state()).isEqualTo(ClueState.CLOSED);
		assertThat(clue.changes().get(0).note()).isEqualTo("巡查发现，无需反馈");
	}

	@Test
	void finishingNeedsAMeasure() {
		Clue clue = clueIn(ClueState.DISPOSING, false);
		assertThatThrownBy(() -> clue.finishDisposal(only(Party.HANDLER))).isExactlyInstanceOf(Rejected.class)
			.hasMessageContaining("尚未登记任何处置措施");
		assertUnchanged(clue, clueIn(ClueState.DISPOSING, false));
		clue.recordMeasure(only(Party.HANDLER), MeasureKind.WARNING_INTERVIEW, null, "会师约〔2026〕2号");
		assertThat(clue.changes().get(0).note()).isEqualTo("警示约谈，文号 会师约〔2026〕2号");
		clue.finishDisposal(only(Party.HANDLER));
		assertThat(clue.state()).isEqualTo(ClueState.FEEDBACK);
		assertThat(clue.changes().get(1).note()).isEqualTo("共 1 项处置措施");
	}

	@Test
	void lookingBackFindingARelapseReopensVerification() {
		Clue clue = clueIn(ClueState.CLOSED);
		clue.lookBack(only(Party.CLOSER), "又在招揽投资", true);
		assertThat(clue.state()).isEqualTo(ClueState.VERIFYING);
		assertThat(clue.handler()).isEqualTo(HUISHI);
		assertThat(clue.changes().get(0).note()).contains("重新核查");
	}

	@Test
	void aRelapseOnAClueThatWasNeverDispatchedCannotReopen() {
		Clue clue = new Clue(5, "XS202600005", ClueState.CLOSED, ClueSource.MEDIA,
				ClueFixtures.about(ClueGrade.NORMAL, null, null), null, List.of(), Determination.NOT_ILLEGAL, null,
				false, null, List.of(), 2);
		assertThatThrownBy(() -> clue.lookBack(only(Party.CLOSER), "又在招揽投资", true)).isInstanceOf(Conflict.class)
			.hasMessageContaining("没有承办单位");
		assertThat(clue.state()).isEqualTo(ClueState.CLOSED);
	}

	@Test
	void reopeningFromAnOpenStateIsAConflict() {
		Clue clue = clueIn(ClueState.FEEDBACK);
		assertThatThrownBy(() -> clue.lookBack(all(), "又在招揽投资", true)).isInstanceOf(Conflict.class);
		assertUnchanged(clue, clueIn(ClueState.FEEDBACK));
	}

	@Test
	void reasonsAreRequiredAndLimited() {
		Clue clue = clueIn(ClueState.REGISTERED);
		assertThatThrownBy(() -> clue.reject(only(Party.OFFICE), "  ")).isExactlyInstanceOf(Rejected.class)
			.hasMessage("请填写不予受理的理由")
			.satisfies(ex -> assertThat(((Rejected) ex).fieldErrors()).containsEntry("note", "请填写不予受理的理由"));
		assertThatThrownBy(() -> clue.reject(only(Party.OFFICE), "理".repeat(2001))).isExactlyInstanceOf(Rejected.class)
			.hasMessage("不予受理的理由不能超过 2000 字");
		assertUnchanged(clue, clueIn(ClueState.REGISTERED));
		clue.reject(only(Party.OFFICE), "理".repeat(2000));
		assertThat(clue.changes().get(0).note()).hasSize(2000);
	}

	@Test
	void determiningNeedsABasis() {
		Clue clue = clueIn(ClueState.ASSESSING);
		assertThatThrownBy(() -> clue.determine(only(Party.DETERMINER), Determination.IRREGULAR, null))
			.isExactlyInstanceOf(Rejected.class)
			.hasMessage("请填写认定依据");
		assertUnchanged(clue, clueIn(ClueState.ASSESSING));
		assertThat(clue.determination()).isNull();
	}

	@Test
	void partiesAreNamedInTheRefusal() {
		assertThatThrownBy(() -> clueIn(ClueState.REGISTERED).accept(only(Party.HANDLER))).hasMessage("只有处非办可以受理");
		assertThatThrownBy(() -> clueIn(ClueState.DISPATCHED).receive(only(Party.OFFICE))).hasMessage("只有承办单位可以签收");
		assertThatThrownBy(() -> clueIn(ClueState.FEEDBACK).close(only(Party.OFFICE), null)).hasMessage("只有处非办负责人可以销号");
		assertThatThrownBy(
				() -> clueIn(ClueState.ASSESSING).determine(only(Party.OFFICE), Determination.IRREGULAR, "依据"))
			.hasMessage("只有处非办负责人或领导可以认定");
		assertThatThrownBy(
				() -> clueIn(ClueState.DISPUTED).resolveDispute(only(Party.CLOSER), Determination.IRREGULAR, "依据"))
			.hasMessage("只有上一级领导可以裁决认定异议");
	}

	@Test
	void aWrongStateRefusalSaysTheStateAndTheMove() {
		assertThatThrownBy(() -> clueIn(ClueState.CLOSED).accept(only(Party.OFFICE)))
			.hasMessage("线索 XS202600001 当前状态为“已销号”，不能受理");
	}

	private static void assertUnchanged(Clue clue, Clue fresh) {
		assertThat(clue.state()).isEqualTo(fresh.state());
		assertThat(clue.handler()).isEqualTo(fresh.handler());
		assertThat(clue.determination()).isEqualTo(fresh.determination());
		assertThat(clue.disputed()).isEqualTo(fresh.disputed());
		assertThat(clue.feedback()).isEqualTo(fresh.feedback());
		assertThat(clue.changes()).isEmpty();
		assertThat(clue.events()).as("no event from a refused move").isEmpty();
		assertThat(clue.about()).isEqualTo(fresh.about());
	}

}
