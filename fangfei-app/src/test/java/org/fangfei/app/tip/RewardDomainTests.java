package org.fangfei.app.tip;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.fangfei.app.shared.Conflict;
import org.fangfei.app.shared.Rejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 举报奖励 without any framework: who is excluded and why, what a due case is worth, and the
 * approval and payment moves from every state, with every bad input refused and nothing
 * changed.
 */
class RewardDomainTests {

	private static final OffsetDateTime SENT = OffsetDateTime.of(2026, 6, 1, 10, 0, 0, 0, ZoneOffset.ofHours(8));

	private static final RewardRule TIERS = new RewardRule("", RewardRule.Mode.TIERS, 200_000L, 1_000_000L, null, null,
			null);

	private static final RewardRule PER_MILLE = new RewardRule("620422102", RewardRule.Mode.PER_MILLE, null, null, 10,
			50_000L, 500_000L);

	/** A tip that earns a reward: first, its own clue, nobody on any list. */
	private static RewardPolicy.Facts clean() {
		return new RewardPolicy.Facts(false, true, SENT.plusHours(1), SENT, false, false, false, false, null);
	}

	/** Facts with one thing changed, and the exclusion it must cause (null: none). */
	static Stream<Arguments> eligibility() {
		RewardPolicy.Facts c = clean();
		return Stream
			.of(Arguments.of("nothing against it", c, null),
					Arguments.of("an earlier tip on the same matter",
							new RewardPolicy.Facts(true, true, c.rootReceivedAt(), SENT, false, false, false, false,
									null),
							"首位举报人"),
					Arguments.of("merged into a clue registered before the tip",
							new RewardPolicy.Facts(false, false, SENT.minusDays(3), SENT, false, false, false, false,
									null),
							"举报前已掌握"),
					Arguments.of("merged into a clue registered after the tip",
							new RewardPolicy.Facts(false, false, SENT.plusDays(1), SENT, false, false, false, false,
									null),
							null),
					Arguments.of("its own clue, registered before (the clue's received time is the tip's)",
							new RewardPolicy.Facts(false, true, SENT.minusDays(3), SENT, false, false, false, false,
									null),
							null),
					Arguments.of("declared staff or relative",
							new RewardPolicy.Facts(false, true, c.rootReceivedAt(), SENT, true, false, false, false,
									null),
							"声明为工作人员"),
					Arguments.of("a staff member's phone",
							new RewardPolicy.Facts(false, true, c.rootReceivedAt(), SENT, false, true, false, false,
									null),
							"手机号与人员库"),
					Arguments.of("the subject's legal representative", new RewardPolicy.Facts(false, true,
							c.rootReceivedAt(), SENT, false, false, true, false, null), "法定代表人"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("eligibility")
	void eachExclusionAloneExcludesAndNamesItself(String what, RewardPolicy.Facts facts, String exclusion) {
		Reward reward = Reward.open(7, 42, TIERS, facts);
		if (exclusion == null) {
			assertThat(reward.state()).isEqualTo(Reward.State.PROPOSED);
			assertThat(reward.exclusions()).isNull();
			assertThat(reward.amountFen()).isEqualTo(200_000);
		}
		else {
			assertThat(reward.state()).isEqualTo(Reward.State.EXCLUDED);
			assertThat(reward.exclusions()).contains(exclusion);
			assertThat(RewardPolicy.exclusions(facts)).hasSize(1);
			assertThat(reward.amountFen()).as("nothing for an excluded tip").isZero();
		}
		assertThat(reward.tipId()).isEqualTo(7);
		assertThat(reward.clueId()).isEqualTo(42);
	}

	@Test
	void everyReasonIsNamedWhenSeveralHold() {
		RewardPolicy.Facts all = new RewardPolicy.Facts(true, false, SENT.minusDays(1), SENT, true, true, true, true,
				null);
		assertThat(RewardPolicy.exclusions(all)).hasSize(5);
		assertThat(Reward.open(1, 2, TIERS, all).exclusions().split("；")).hasSize(5);
	}

	/** Rule, grade, amount involved (fen, null unknown), expected reward (fen). */
	static Stream<Arguments> amounts() {
		return Stream.of(Arguments.of(TIERS, false, null, 200_000L),
				Arguments.of(TIERS, true, 9_000_000_000L, 1_000_000L),
				Arguments.of(PER_MILLE, false, 10_000_000L, 100_000L),
				Arguments.of(PER_MILLE, false, 1_000_000L, 50_000L),
				Arguments.of(PER_MILLE, true, 9_000_000_000L, 500_000L), Arguments.of(PER_MILLE, false, null, 50_000L));
	}

	@ParameterizedTest(name = "{0} major={1} involved={2} → {3}")
	@MethodSource("amounts")
	void aDueCaseIsWorthWhatTheRuleSays(RewardRule rule, boolean major, Long involved, long expected) {
		RewardPolicy.Facts c = clean();
		Reward reward = Reward.open(1, 2, rule,
				new RewardPolicy.Facts(false, true, c.rootReceivedAt(), SENT, false, false, false, major, involved));
		assertThat(reward.amountFen()).isEqualTo(expected);
		assertThat(reward.basis()).isNotBlank();
	}

	private static Reward in(Reward.State state) {
		return new Reward(3L, 7, 42, state, 200_000, "一般线索固定奖励", null, null, null, null, null, 1);
	}

	/** Each move, the one state it may start from, and the state it leads to. */
	enum Move {

		APPROVE(r -> r.approve("chief", "同意", true), Reward.State.PROPOSED, Reward.State.APPROVED),
		PAY(r -> r.pay(LocalDate.of(2026, 6, 2), "财付2026-001", "chief", LocalDate.of(2026, 6, 3)),
				Reward.State.APPROVED, Reward.State.PAID);

		final Consumer<Reward> apply;

		final Reward.State from;

		final Reward.State to;

		Move(Consumer<Reward> apply, Reward.State from, Reward.State to) {
			this.apply = apply;
			this.from = from;
			this.to = to;
		}

	}

	static Stream<Arguments> everyMoveFromEveryState() {
		return Stream.of(Move.values()).flatMap(m -> Stream.of(Reward.State.values()).map(s -> Arguments.of(m, s)));
	}

	@ParameterizedTest(name = "{0} from {1}")
	@MethodSource("everyMoveFromEveryState")
	void aMoveSucceedsFromItsStateOnlyAndAWrongOneChangesNothing(Move move, Reward.State from) {
		Reward reward = in(from);
		if (from == move.from) {
			move.apply.accept(reward);
			assertThat(reward.state()).isEqualTo(move.to);
		}
		else {
			assertThatThrownBy(() -> move.apply.accept(reward)).isInstanceOf(Conflict.class)
				.hasMessageContaining(from.label());
			assertThat(reward.state()).isEqualTo(from);
			assertThat(reward.approvedBy()).isNull();
			assertThat(reward.paidOn()).isNull();
		}
	}

	@Test
	void approvalRecordsWhoAndWhyButNotWhileTheDeterminationIsInDoubt() {
		Reward reward = in(Reward.State.PROPOSED);
		assertThatThrownBy(() -> reward.approve("chief", "同意", false)).isInstanceOf(Conflict.class)
			.hasMessageContaining("认定存在异议");
		assertThatThrownBy(() -> reward.approve("chief", "意".repeat(501), true)).isInstanceOf(Rejected.class)
			.hasMessage("审批意见不能超过500字");
		assertThat(reward.state()).isEqualTo(Reward.State.PROPOSED);
		reward.approve("chief", "  同意发放  ", true);
		assertThat(reward.approvedBy()).isEqualTo("chief");
		assertThat(reward.approvalNote()).isEqualTo("同意发放");
	}

	static Stream<Arguments> badPayments() {
		LocalDate today = LocalDate.of(2026, 6, 3);
		return Stream.of(Arguments.of(null, "财付2026-001", today), Arguments.of(today.plusDays(1), "财付2026-001", today),
				Arguments.of(today, null, today), Arguments.of(today, "   ", today),
				Arguments.of(today, "号".repeat(201), today));
	}

	@ParameterizedTest
	@MethodSource("badPayments")
	void aPaymentNeedsADateNoLaterThanTodayAndAReference(LocalDate on, String reference, LocalDate today) {
		Reward reward = in(Reward.State.APPROVED);
		assertThatThrownBy(() -> reward.pay(on, reference, "chief", today)).isInstanceOf(Rejected.class)
			.hasMessage("请填写发放日期(不晚于今天)和发放凭证号");
		assertThat(reward.state()).isEqualTo(Reward.State.APPROVED);
		assertThat(reward.paymentReference()).isNull();
	}

	@ParameterizedTest
	@EnumSource(value = Reward.State.class, names = { "EXCLUDED" })
	void anExcludedCaseIsFinal(Reward.State state) {
		for (Move move : Move.values()) {
			assertThatThrownBy(() -> move.apply.accept(in(state))).isInstanceOf(Conflict.class);
		}
		assertThat(List.of(Move.values())).allSatisfy(m -> assertThat(m.from).isNotEqualTo(state));
	}

}
