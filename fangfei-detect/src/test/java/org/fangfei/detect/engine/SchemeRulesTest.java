package org.fangfei.detect.engine;

import java.util.List;

import org.fangfei.detect.Alert;
import org.fangfei.detect.Pattern;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memo-free scheme rules (investor payback, collect and transfer, the relay of entry
 * fees) on hand-made streams, next to the look-alikes of the same shape that must stay
 * quiet. Every stream starts with an unrelated account on day 0, so an account that first
 * appears after day 28 was opened during the stream.
 */
class SchemeRulesTest {

	private final DetectorConfig config = DetectorConfig.defaults();

	private static Feed stream() {
		return new Feed().pay(0, 9, "someone", "someone-else", 100, "");
	}

	@Test
	void paybackFiresOnSmallReturnsToNewInvestorsWithoutAnyMemo() {
		Feed f = stream();
		for (int i = 0; i < 8; i++) {
			f.pay(40 + 2 * i, 10, "investor-" + i, "P", 20_000 + 5_000 * i, "");
		}
		for (int i = 0; i < 4; i++) {
			f.pay(58, 11 + i, "P", "investor-" + i, (20_000 + 5_000 * i) * 2 / 100, "");
		}
		List<Alert> alerts = Feed.of(f.run(this.config), "P");
		assertThat(alerts).extracting(Alert::pattern).containsExactly(Pattern.INVESTOR_PAYBACK);
		assertThat(alerts.get(0).explanation()).contains("返本付息", "8个首次往来的付款人", "3个出资人");
	}

	@Test
	void partialWithdrawalsAndAccountsOfTheStreamsFirstWeeksStayQuiet() {
		// A bank in the stream's first weeks: every depositor looks new (cold start).
		Feed f = stream();
		for (int i = 0; i < 20; i++) {
			f.pay(1 + i / 2, 10, "depositor-" + i, "BANK", 30_000, "存款");
		}
		for (int i = 0; i < 10; i++) {
			f.pay(15, 11, "BANK", "depositor-" + i, 600, "");
		}
		// A shop opened during the stream refunds half of what customers paid: not
		// interest.
		for (int i = 0; i < 8; i++) {
			f.pay(40 + i, 10, "customer-" + i, "SHOP", 5_000, "");
			f.pay(50 + i, 10, "SHOP", "customer-" + i, 2_500, "退款");
		}
		List<Alert> alerts = f.run(this.config);
		assertThat(Feed.of(alerts, "BANK")).isEmpty();
		assertThat(Feed.of(alerts, "SHOP")).isEmpty();
		assertThat(Considered.of(f.states.get("BANK").considered())).contains(Considered.COLD_START);
		assertThat(Considered.of(f.states.get("SHOP").considered())).contains(Considered.REFUND);
	}

	@Test
	void collectAndTransferFiresWhenNewInvestorsKeepPayingAfterTheMoneyLeft() {
		Feed f = stream();
		for (int i = 0; i < 14; i++) {
			f.pay(40 + i, 10, "investor-" + i, "C", 50_000, "");
			if (i % 4 == 3) {
				f.pay(40 + i, 16, "C", "payer-account", 120_000, "往来款");
			}
		}
		List<Alert> alerts = Feed.of(f.run(this.config), "C");
		assertThat(alerts).extracting(Alert::pattern).contains(Pattern.COLLECT_AND_TRANSFER);
		Alert a = alerts.stream().filter((x) -> x.pattern() == Pattern.COLLECT_AND_TRANSFER).findFirst().get();
		assertThat(a.explanation()).contains("吸收资金后集中转出", "从未向本账户付款");
	}

	@Test
	void aSubscriptionWindowForwardedOnceAfterItClosedIsNotCollectAndTransfer() {
		// Co-operative shares or an employee share plan: members pay once, the money
		// leaves after the window, nobody pays in afterwards.
		Feed f = stream();
		for (int i = 0; i < 25; i++) {
			f.pay(40 + i % 20, 10, "member-" + i, "PLAN", 10_000, "");
		}
		f.pay(62, 10, "PLAN", "company", 250_000, "增资款");
		assertThat(Feed.of(f.run(this.config), "PLAN")).extracting(Alert::pattern)
			.doesNotContain(Pattern.COLLECT_AND_TRANSFER);
		assertThat(Considered.of(f.states.get("PLAN").considered())).contains(Considered.AFTER_WINDOW);
	}

	@Test
	void fixedEntryFeesFromEverNewMembersPassedOnWeeklyAreARelay() {
		Feed f = stream();
		int member = 0;
		for (int week = 0; week < 5; week++) {
			int joins = 4 + 2 * week;
			for (int j = 0; j < joins; j++) {
				f.pay(40 + 7 * week + j % 7, 9 + j % 10, "member-" + member++, "M", 300, "");
			}
			f.pay(40 + 7 * week + 6, 21, "M", "controller", joins * 300 * 85 / 100, "");
		}
		List<Alert> alerts = Feed.of(f.run(this.config), "M");
		assertThat(alerts).extracting(Alert::pattern).contains(Pattern.COLLECT_AND_TRANSFER);
		assertThat(alerts.get(0).explanation()).contains("金额完全相同", "300.00元");
	}

	/**
	 * 善心汇's fee account opened on {@code openDay}: 300-yuan fees from 5, 7, 9 new members
	 * a week, passed to a controller at each week's end.
	 */
	private static Feed feeAccount(int openDay) {
		Feed f = stream();
		int member = 0;
		for (int week = 0; week < 3; week++) {
			int joins = 5 + 2 * week;
			for (int j = 0; j < joins; j++) {
				f.pay(openDay + 7 * week + j % 7, 9 + j % 10, "member-" + member++, "M", 300, "");
			}
			f.pay(openDay + 7 * week + 6, 21, "M", "controller", joins * 300 * 85 / 100, "");
		}
		return f;
	}

	@Test
	void aFeeAccountOpenedDuringTheStreamIsARelayWithinItsFirstWeeks() {
		// Fifth round: opened on day 40, it has no baseline and need not wait 28 days.
		List<Alert> alerts = Feed.of(feeAccount(40).run(this.config), "M");
		assertThat(alerts).extracting(Alert::pattern).contains(Pattern.COLLECT_AND_TRANSFER);
		assertThat(alerts.get(0).lastTime()).isLessThan(Feed.at(40 + 21, 0));
		// An account there from the stream's first days is judged only after a month.
		assertThat(Feed.of(feeAccount(1).run(this.config), "M")).isEmpty();
	}

	@Test
	void aWeddingsGiftsAndTheHotelBillStayQuiet() {
		Feed f = stream();
		for (int d = 0; d < 90; d += 30) {
			f.pay(d + 5, 9, "employer", "HOST", 6_000, "工资");
			f.pay(d + 6, 9, "HOST", "landlord", 1_500, "房租");
		}
		long[] usual = { 200, 500, 600, 666, 800, 888, 1_000, 1_200, 1_666, 2_000 };
		long total = 0;
		for (int g = 0; g < 120; g++) {
			long fen = usual[g % usual.length];
			f.pay(100 + g % 6, 8 + g % 14, "guest-" + g, "HOST", fen, "新婚快乐");
			total += fen;
		}
		f.pay(107, 12, "HOST", "hotel", total / 2, "婚宴");
		assertThat(Feed.of(f.run(this.config), "HOST")).isEmpty();
		// Considered and held back, with the reason scan writes with --considered.
		assertThat(Considered.of(f.states.get("HOST").considered())).contains(Considered.ONE_OFF_BURST);
	}

	@Test
	void aGroupBuyOrganiserPayingTheSupplierEachWeekStaysQuiet() {
		Feed f = stream();
		for (int d = 0; d < 60; d += 30) {
			f.pay(d + 5, 9, "employer", "ORG", 5_000, "工资");
		}
		for (int week = 0; week < 8; week++) {
			long sum = 0;
			for (int n = 0; n < 100; n++) {
				if ((n * 7 + week * 13) % 10 < 4) {
					long yuan = 20 + (n * 37 + week) % 280;
					f.pay(60 + 7 * week, 8 + n % 12, "neighbour-" + n, "ORG", yuan, "团购");
					sum += yuan;
				}
			}
			f.pay(61 + 7 * week, 9, "ORG", "supplier", sum * 87 / 100, "货款");
		}
		assertThat(Feed.of(f.run(this.config), "ORG")).isEmpty();
	}

	/** A share plan: 40 employees subscribe 20,000 each over two weeks. */
	private static Feed subscription(int quietDays) {
		Feed f = stream();
		for (int i = 0; i < 40; i++) {
			f.pay(40 + i % 14, 8 + i % 12, "employee-" + i, "PLAN", 20_000, "");
		}
		f.pay(53 + 1 + quietDays, 10, "PLAN", "company", 800_000, "增资款");
		return f;
	}

	@Test
	void aSubscriptionPaidOverDaysAfterItsWindowClosedIsHeldBackFromScatter() {
		Feed f = subscription(2);
		assertThat(Feed.of(f.run(this.config), "PLAN")).extracting(Alert::pattern)
			.doesNotContain(Pattern.SCATTER_IN_GATHER_OUT);
		assertThat(Considered.of(f.states.get("PLAN").considered())).contains(Considered.WINDOW_CLOSED);
		assertThat(Considered.WINDOW_CLOSED.reason()).contains("认购款或入股金缴足后划转");
		// The same stream is scatter-in gather-out without the guard …
		DetectorConfig unguarded = DetectorConfig.of(java.util.Map.of("scatter.closedDays", "0"));
		assertThat(Feed.of(subscription(2).run(unguarded), "PLAN")).extracting(Alert::pattern)
			.contains(Pattern.SCATTER_IN_GATHER_OUT);
		// … and so it is when the money leaves the day after the last payer.
		assertThat(Feed.of(subscription(0).run(this.config), "PLAN")).extracting(Alert::pattern)
			.contains(Pattern.SCATTER_IN_GATHER_OUT);
	}

	@Test
	void aBurstGatheredWithinDaysIsNotAClosedWindow() {
		// Thirty strangers within four days, most of it out three days later: the
		// window's
		// first days had no payer, so this is no weeks-long subscription.
		Feed f = stream();
		for (int i = 0; i < 30; i++) {
			f.pay(60 + i % 4, 9 + i % 10, "stranger-" + i, "B", 30_000, "");
		}
		f.pay(66, 10, "B", "outside", 800_000, "");
		assertThat(Feed.of(f.run(this.config), "B")).extracting(Alert::pattern).contains(Pattern.SCATTER_IN_GATHER_OUT);
	}

	@Test
	void aBurstAfterTheOddPayerOfOrdinaryTrafficIsNotAClosedWindow() {
		// The default generator's planted accounts: light ordinary traffic brought one
		// new payer just before the window, then forty strangers within four days,
		// gathered out after three quiet days. One payer in two days against ten a day
		// is no subscription's steady stream.
		Feed f = stream();
		f.pay(51, 10, "acquaintance", "B", 300, "");
		for (int i = 0; i < 40; i++) {
			f.pay(60 + i % 4, 9 + i % 10, "stranger-" + i, "B", 30_000, "");
		}
		f.pay(66, 10, "B", "outside", 1_100_000, "");
		assertThat(Feed.of(f.run(this.config), "B")).extracting(Alert::pattern).contains(Pattern.SCATTER_IN_GATHER_OUT);
	}

	/** A run-off: ever more new investors for three weeks, most of it out in one go. */
	private static Feed runOff(int pauseDays) {
		Feed f = stream();
		long total = 0;
		int n = 0;
		for (int d = 0; d < 21; d++) {
			for (int j = 0; j < 1 + d / 7; j++) {
				f.pay(40 + d, 8 + j, "investor-" + n++, "R", 10_000, "");
				total += 10_000;
			}
		}
		f.pay(60 + pauseDays, 20, "R", "outside", total * 9 / 10, "");
		return f;
	}

	@Test
	void aRunOffAtTheHeightOfItsCollectionIsCollectAndTransferAtOnce() {
		Feed f = runOff(0);
		List<Alert> alerts = Feed.of(f.run(this.config), "R");
		assertThat(alerts).extracting(Alert::pattern).contains(Pattern.COLLECT_AND_TRANSFER);
		Alert a = alerts.stream().filter((x) -> x.pattern() == Pattern.COLLECT_AND_TRANSFER).findFirst().get();
		assertThat(a.explanation()).contains("收款高峰时转走", "从未向本账户付款");
		assertThat(a.lastTime()).isEqualTo(Feed.at(60, 20));
		// Paid over after three quiet days, the same money is a closed subscription.
		Feed closed = runOff(3);
		assertThat(Feed.of(closed.run(this.config), "R")).extracting(Alert::pattern)
			.doesNotContain(Pattern.COLLECT_AND_TRANSFER);
		assertThat(Considered.of(closed.states.get("R").considered())).contains(Considered.AFTER_WINDOW);
	}

}
