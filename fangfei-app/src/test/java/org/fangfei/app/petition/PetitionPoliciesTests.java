package org.fangfei.app.petition;

import java.time.LocalDate;
import java.util.Set;

import org.fangfei.app.calendar.WorkingDays;
import org.fangfei.app.shared.Rejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The petition rules, each a named policy: the 信访工作条例 deadlines in working days of the
 * work calendar (a holiday moves them, an adjusted working day brings them in), a
 * collective petition from five people, one extension of at most 30 working days, and
 * every move of the petition by its status.
 */
class PetitionPoliciesTests {

	/** 清明 2026: Monday 6 April is a holiday. */
	private static final WorkingDays QINGMING = new WorkingDays(Set.of(LocalDate.of(2026, 4, 6)), Set.of());

	private static final WorkingDays PLAIN = new WorkingDays(Set.of(), Set.of());

	private static final LocalDate FRIDAY = LocalDate.of(2026, 4, 3);

	@Test
	void acceptAndTellWithinFifteenWorkingDaysNotCountingTheDayOfReceiptAndSkippingTheHoliday() {
		assertThat(PetitionDeadlines.acceptBy(PLAIN, FRIDAY)).isEqualTo(LocalDate.of(2026, 4, 24));
		assertThat(PetitionDeadlines.acceptBy(QINGMING, FRIDAY)).as("the holiday moves it one working day")
			.isEqualTo(LocalDate.of(2026, 4, 27));
		WorkingDays adjusted = new WorkingDays(Set.of(LocalDate.of(2026, 4, 6)), Set.of(LocalDate.of(2026, 4, 11)));
		assertThat(PetitionDeadlines.acceptBy(adjusted, FRIDAY)).as("an adjusted working Saturday counts")
			.isEqualTo(LocalDate.of(2026, 4, 24));
	}

	@Test
	void finishWithinSixtyWorkingDaysOfAcceptanceAndAnExtensionCountsFromTheOldDeadline() {
		LocalDate finish = PetitionDeadlines.finishBy(QINGMING, FRIDAY);
		assertThat(finish).isEqualTo(QINGMING.plus(FRIDAY, 60));
		assertThat(QINGMING.between(FRIDAY, finish)).isEqualTo(60);
		assertThat(finish).isEqualTo(LocalDate.of(2026, 6, 29));
		assertThat(PetitionDeadlines.extendedTo(QINGMING, finish, 30)).isEqualTo(LocalDate.of(2026, 8, 10));
	}

	@Test
	void overdueOnlyWhilePastTheDeadlineOfTheStageItIsIn() {
		LocalDate due = LocalDate.of(2026, 4, 24);
		assertThat(PetitionDeadlines.overdue(PetitionStatus.RECEIVED, due, null, due)).isFalse();
		assertThat(PetitionDeadlines.overdue(PetitionStatus.RECEIVED, due, null, due.plusDays(1))).isTrue();
		assertThat(PetitionDeadlines.overdue(PetitionStatus.ACCEPTED, due, due.plusDays(90), due.plusDays(1)))
			.isFalse();
		assertThat(PetitionDeadlines.overdue(PetitionStatus.ACCEPTED, due, due.plusDays(90), due.plusDays(91)))
			.isTrue();
		for (PetitionStatus done : new PetitionStatus[] { PetitionStatus.NOT_ACCEPTED, PetitionStatus.REPLIED,
				PetitionStatus.CLOSED }) {
			assertThat(PetitionDeadlines.overdue(done, due, due, due.plusYears(1))).as(done.name()).isFalse();
		}
	}

	@ParameterizedTest
	@CsvSource({ "1,false", "4,false", "5,true", "12,true" })
	void aPetitionOfFiveOrMoreIsCollective(int people, boolean collective) {
		assertThat(CollectivePetition.collective(people)).isEqualTo(collective);
	}

	@Test
	void anExtensionIsOneToThirtyWorkingDaysWithAReasonOnceAndBeforeTheDeadline() {
		LocalDate today = LocalDate.of(2026, 5, 4);
		LocalDate due = LocalDate.of(2026, 6, 29);
		OneExtensionOfUpToThirtyDays.check(PetitionStatus.ACCEPTED, null, due, 30, "需调取银行流水", today);
		OneExtensionOfUpToThirtyDays.check(PetitionStatus.ACCEPTED, null, due, 1, "需调取银行流水", due);
		assertThatThrownBy(() -> OneExtensionOfUpToThirtyDays.check(PetitionStatus.ACCEPTED, 10, due, 5, "再延期", today))
			.isInstanceOf(Rejected.class)
			.hasMessage("该信访件已延期 10 个工作日，办理期限只能延长一次");
		assertThatThrownBy(
				() -> OneExtensionOfUpToThirtyDays.check(PetitionStatus.ACCEPTED, null, due, 31, "理由", today))
			.hasMessage("延长期限应为 1 至 30 个工作日");
		assertThatThrownBy(() -> OneExtensionOfUpToThirtyDays.check(PetitionStatus.ACCEPTED, null, due, 0, "理由", today))
			.hasMessage("延长期限应为 1 至 30 个工作日");
		assertThatThrownBy(
				() -> OneExtensionOfUpToThirtyDays.check(PetitionStatus.ACCEPTED, null, due, null, " ", today))
			.hasMessage("请填写延长的工作日数；请填写延期理由（将告知信访人）");
		assertThatThrownBy(
				() -> OneExtensionOfUpToThirtyDays.check(PetitionStatus.ACCEPTED, null, due, 5, "理由", due.plusDays(1)))
			.hasMessage("办理期限 2026-06-29 已过，不能再延期");
		assertThatThrownBy(
				() -> OneExtensionOfUpToThirtyDays.check(PetitionStatus.RECEIVED, null, null, 5, "理由", today))
			.hasMessage("只有办理中的信访件才能延期（当前：待受理）");
	}

	@Test
	void everyMoveByStatus() {
		LocalDate today = LocalDate.of(2026, 5, 4);
		// move -> the statuses it is allowed from
		for (PetitionStatus status : PetitionStatus.values()) {
			assertThat(tries(status, Petition.Move.ACCEPT, today)).as("accept from " + status)
				.isEqualTo(status == PetitionStatus.RECEIVED ? PetitionStatus.ACCEPTED : null);
			assertThat(tries(status, Petition.Move.REFUSE, today)).as("refuse from " + status)
				.isEqualTo(status == PetitionStatus.RECEIVED ? PetitionStatus.NOT_ACCEPTED : null);
			assertThat(tries(status, Petition.Move.EXTEND, today)).as("extend from " + status)
				.isEqualTo(status == PetitionStatus.ACCEPTED ? PetitionStatus.ACCEPTED : null);
			assertThat(tries(status, Petition.Move.REPLY, today)).as("reply from " + status)
				.isEqualTo(status == PetitionStatus.ACCEPTED ? PetitionStatus.REPLIED : null);
			assertThat(tries(status, Petition.Move.RATE, today)).as("rate from " + status)
				.isEqualTo(status == PetitionStatus.REPLIED ? PetitionStatus.CLOSED : null);
		}
	}

	@Test
	void acceptingSetsTheFinishingDeadlineAndALateAcceptanceSaysSo() {
		Petition p = petition(PetitionStatus.RECEIVED);
		p.accept(LocalDate.of(2026, 4, 28), "电话告知", LocalDate.of(2026, 5, 4), QINGMING);
		assertThat(p.finishDueOn()).isEqualTo(QINGMING.plus(LocalDate.of(2026, 4, 28), 60));
		assertThat(p.newEvents().get(0)[1]).contains("超过受理告知期限 2026-04-27").endsWith("：电话告知");
	}

	@Test
	void datesAreNotInTheFutureNorBeforeTheStageTheyFollow() {
		LocalDate today = LocalDate.of(2026, 5, 4);
		assertThatThrownBy(() -> petition(PetitionStatus.RECEIVED).accept(today.plusDays(1), null, today, PLAIN))
			.hasMessage("日期不能晚于今天");
		assertThatThrownBy(() -> petition(PetitionStatus.RECEIVED).accept(FRIDAY.minusDays(1), null, today, PLAIN))
			.hasMessage("日期不能早于收到日期 2026-04-03");
		assertThatThrownBy(() -> petition(PetitionStatus.RECEIVED).accept(null, null, today, PLAIN))
			.hasMessage("请填写日期");
		assertThatThrownBy(() -> petition(PetitionStatus.ACCEPTED).reply(FRIDAY, "答复", today))
			.hasMessage("日期不能早于受理日期 2026-04-10");
		assertThatThrownBy(() -> petition(PetitionStatus.ACCEPTED).reply(today, " ", today)).hasMessage("请填写答复意见");
		assertThatThrownBy(() -> petition(PetitionStatus.RECEIVED).refuse(today, null, today))
			.hasMessage("请填写不予受理的理由（将告知信访人）");
		assertThatThrownBy(() -> petition(PetitionStatus.REPLIED).rate(null, null)).hasMessage("请选择信访人的评价");
	}

	private static PetitionStatus tries(PetitionStatus status, Petition.Move move, LocalDate today) {
		Petition p = petition(status);
		try {
			switch (move) {
				case ACCEPT -> p.accept(today, null, today, PLAIN);
				case REFUSE -> p.refuse(today, "不属于本机关职责范围", today);
				case EXTEND -> p.extend(10, "情况复杂", today, PLAIN);
				case REPLY -> p.reply(today, "已核实处理", today);
				case RATE -> p.rate(Satisfaction.SATISFIED, null);
			}
			return p.status();
		}
		catch (Rejected ex) {
			assertThat(ex.getMessage()).containsPattern("\\p{IsHan}");
			return null;
		}
	}

	private static Petition petition(PetitionStatus status) {
		boolean accepted = status != PetitionStatus.RECEIVED && status != PetitionStatus.NOT_ACCEPTED;
		return new Petition(1, "XF202600001", "620422100001", status, FRIDAY, LocalDate.of(2026, 4, 27),
				accepted ? LocalDate.of(2026, 4, 10) : null, accepted ? LocalDate.of(2026, 7, 6) : null, null, 0);
	}

}
