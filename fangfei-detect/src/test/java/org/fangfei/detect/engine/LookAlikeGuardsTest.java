package org.fangfei.detect.engine;

import java.util.List;
import java.util.Random;

import org.fangfei.detect.Alert;
import org.fangfei.detect.Pattern;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The look-alike guards of issue 19's third round, each on a hand-made look-alike that
 * the rules flagged before it (held back now, with its reason) and on the same stream
 * without the trait that tells it apart (flagged).
 */
class LookAlikeGuardsTest {

	private final DetectorConfig config = DetectorConfig.defaults();

	/** An ordinary person from day 0: a monthly salary and small spending. */
	private static Feed person(String account) {
		Feed f = new Feed();
		for (int d = 0; d < 150; d += 30) {
			f.pay(d + 5, 9, "employer", account, 6_000, "工资");
			f.pay(d + 7, 19, account, "grocer", 80, "");
		}
		return f;
	}

	/**
	 * A funeral: 80 neighbours give 100–900 yuan over five days, the funeral home is paid
	 * the day after; then {@code late} more neighbours give within three days.
	 */
	private static Feed funeral(int late) {
		Feed f = person("HOST");
		long total = 0;
		for (int g = 0; g < 80; g++) {
			long yuan = 100 + 100 * (g % 9);
			f.pay(100 + g / 16, 8 + g % 14, "neighbour-" + g, "HOST", yuan, "奠仪");
			total += yuan;
		}
		f.pay(105, 10, "HOST", "funeral-home", total * 6 / 10, "丧葬费");
		for (int g = 0; g < late; g++) {
			f.pay(106 + g % 3, 9 + g, "late-" + g, "HOST", 200, "");
		}
		f.pay(108, 20, "stranger", "HOST", 300, "");
		return f;
	}

	@Test
	void giftsPaidToTheVenueAfterTheBurstEndedAreHeldBack() {
		Feed f = funeral(0);
		assertThat(Feed.of(f.run(this.config), "HOST")).isEmpty();
		assertThat(Considered.of(f.states.get("HOST").considered())).contains(Considered.BURST_OVER);
		assertThat(Considered.BURST_OVER.reason()).contains("集中收款结束后才付出");
		// New payers who keep coming after the money left are a relay.
		assertThat(Feed.of(funeral(6).run(this.config), "HOST")).extracting(Alert::pattern)
			.contains(Pattern.COUNTERPARTY_SURGE);
	}

	/**
	 * A group buy: two order days a week, 250 neighbours each ordering 20–300 yuan with a
	 * chance of 0.2; the supplier is paid 87 % the next day. When {@code fresh}, every
	 * order comes from someone who never ordered before, at one fixed price.
	 */
	private static Feed groupBuy(boolean fresh) {
		Feed f = person("ORG");
		Random r = new Random(7);
		int stranger = 0;
		for (int week = 0; week < 6; week++) {
			for (int od : new int[] { 1, 4 }) {
				int day = 60 + 7 * week + od;
				long sum = 0;
				for (int n = 0; n < 250; n++) {
					if (r.nextDouble() < 0.2) {
						// Fresh payers pay one price, as entry fees are (a relay);
						// neighbours order what they like.
						long yuan = fresh ? 99 : 20 + r.nextInt(280);
						String who = fresh ? "stranger-" + stranger++ : "neighbour-" + n;
						f.pay(day, 7 + n % 15, who, "ORG", yuan, "团购");
						sum += yuan;
					}
				}
				f.pay(day + 1, 9, "ORG", "supplier", sum * 87 / 100, "货款");
			}
		}
		return f;
	}

	@Test
	void smallOrdersFromNeighboursWhoComeBackAreHeldBack() {
		Feed f = groupBuy(false);
		assertThat(Feed.of(f.run(this.config), "ORG")).isEmpty();
		assertThat(Considered.of(f.states.get("ORG").considered())).contains(Considered.REPEAT_PAYERS);
		assertThat(Considered.REPEAT_PAYERS.reason()).contains("社区团购");
		// The same orders from ever new payers, passed on as they come: a relay.
		assertThat(Feed.of(groupBuy(true).run(this.config), "ORG")).extracting(Alert::pattern)
			.contains(Pattern.COUNTERPARTY_SURGE);
	}

	/**
	 * A rotating savings group's first round: 32 members pay 2,700 yuan each within three
	 * days (one pays 40 yuan for something else in between); the organiser keeps the
	 * first pot. When {@code passedOn}, most of it leaves for an account that never paid
	 * in on the second day.
	 */
	private static Feed rotatingSavings(boolean passedOn) {
		Feed f = person("HEAD");
		for (int m = 0; m < 32; m++) {
			f.pay(100 + m / 11, 8 + m % 11, "member-" + m, "HEAD", 2_700, "会钱");
			if (m == 5) {
				f.pay(100, 20, "friend", "HEAD", 40, "");
			}
			if (passedOn && m == 15) {
				f.pay(101, 20, "HEAD", "outside", 40_000, "");
			}
		}
		return f;
	}

	@Test
	void equalSharesOfAClosedGroupNotPassedOnAreHeldBack() {
		Feed f = rotatingSavings(false);
		assertThat(Feed.of(f.run(this.config), "HEAD")).isEmpty();
		assertThat(Considered.of(f.states.get("HEAD").considered())).contains(Considered.EQUAL_SHARES);
		assertThat(Considered.EQUAL_SHARES.reason()).contains("互助会");
		assertThat(Feed.of(rotatingSavings(true).run(this.config), "HEAD")).extracting(Alert::pattern)
			.contains(Pattern.COUNTERPARTY_SURGE);
	}

	/**
	 * A rotating savings round as {@link #rotatingSavings(boolean)}, the organiser having
	 * paid {@code spentYuan} to a friend two days before it, when little more than her
	 * wage had come in (seed 12 of issue 19's fourth round: 116.82 yuan at a shop after
	 * 600 yuan had come in).
	 */
	private static Feed roundAfterOwnSpending(long spentYuan) {
		Feed f = person("HEAD");
		f.pay(98, 18, "HEAD", "friend", spentYuan, "");
		for (int m = 0; m < 32; m++) {
			f.pay(100 + m / 11, 8 + m % 11, "member-" + m, "HEAD", 2_700, "会钱");
		}
		return f;
	}

	@Test
	void theOrganisersOwnSpendingBeforeTheRoundDoesNotCountAsPassedOn() {
		// Fifth round: "large" is measured against the round, not against the little
		// that had come in when the organiser spent it.
		Feed f = roundAfterOwnSpending(700);
		assertThat(Feed.of(f.run(this.config), "HEAD")).isEmpty();
		assertThat(Considered.of(f.states.get("HEAD").considered())).contains(Considered.EQUAL_SHARES);
		// The same round with a tenth of it gone out two days before: passed on.
		assertThat(Feed.of(roundAfterOwnSpending(9_000).run(this.config), "HEAD")).extracting(Alert::pattern)
			.contains(Pattern.COUNTERPARTY_SURGE);
	}

	/**
	 * A class fund: 45 parents pay 150 yuan each, 15 a day over three days. The parent's
	 * own large spending came two weeks before; when {@code after}, 7,000 yuan go to the
	 * bookshop on the collection's third day instead.
	 */
	private static Feed classFund(boolean after) {
		return classFund(after, 15);
	}

	/** As {@link #classFund(boolean)}, {@code perDay} parents a day. */
	private static Feed classFund(boolean after, int perDay) {
		Feed f = person("PARENT");
		if (!after) {
			f.pay(96, 10, "PARENT", "car-dealer", 7_000, "");
		}
		int first = 110 - 35 / perDay;
		for (int p = 0; p < 45; p++) {
			f.pay(first + p / perDay, 8 + p % perDay, "parent-" + p, "PARENT", 150, "班费");
			if (after && p == 35) {
				f.pay(110, 10, "PARENT", "bookshop", 7_000, "资料费");
			}
		}
		return f;
	}

	@Test
	void aFixedFeeCollectedAfterTheMoneyLeftIsHeldBack() {
		Feed f = classFund(false);
		List<Alert> alerts = Feed.of(f.run(this.config), "PARENT");
		assertThat(alerts).extracting(Alert::pattern).doesNotContain(Pattern.COLLECT_AND_TRANSFER);
		assertThat(Considered.of(f.states.get("PARENT").considered())).contains(Considered.SPENT_BEFORE);
		assertThat(Considered.SPENT_BEFORE.reason()).contains("收款开始之前");
		// Passed on while the fixed fees still come in, day after day: the relay of
		// entry fees.
		assertThat(Feed.of(classFund(true, 5).run(this.config), "PARENT")).extracting(Alert::pattern)
			.contains(Pattern.COLLECT_AND_TRANSFER);
	}

	@Test
	void aFixedFeeCollectedWithinDaysAndPassedOnIsHeldBack() {
		// Fourth round: the fees of a class come within three days; the bookshop (or the
		// rent) is paid while the last parents still pay.
		Feed f = classFund(true);
		assertThat(Feed.of(f.run(this.config), "PARENT")).extracting(Alert::pattern)
			.doesNotContain(Pattern.COLLECT_AND_TRANSFER);
		assertThat(Considered.of(f.states.get("PARENT").considered())).contains(Considered.SHORT_COLLECTION);
		assertThat(Considered.SHORT_COLLECTION.reason()).contains("几天之内收齐");
		// The same fees and outflow, the fees coming over nine days: a relay.
		assertThat(Feed.of(classFund(true, 5).run(this.config), "PARENT")).extracting(Alert::pattern)
			.contains(Pattern.COLLECT_AND_TRANSFER);
	}

	/**
	 * Medical crowdfunding: 70 friends and strangers donate over two weeks, five a day,
	 * 10–200 yuan each as they choose; the relative pays the month's rent (2,800) in the
	 * middle of it. When {@code fee}, everyone pays the same 50 yuan instead: an entry
	 * fee.
	 */
	private static Feed crowdfunding(boolean fee) {
		Feed f = person("RELATIVE");
		for (int d = 30; d < 150; d += 30) {
			f.pay(d + 20, 11, "RELATIVE", "landlord", 2_800, "房租");
		}
		for (int g = 0; g < 70; g++) {
			long yuan = fee ? 50 : 10 * (1 + (g * 7) % 20);
			f.pay(100 + g / 5, 8 + g % 5 * 3, "donor-" + g, "RELATIVE", yuan, "早日康复");
		}
		return f;
	}

	@Test
	void smallDonationsOfEveryAmountAreHeldBack() {
		Feed f = crowdfunding(false);
		assertThat(Feed.of(f.run(this.config), "RELATIVE")).isEmpty();
		assertThat(Considered.of(f.states.get("RELATIVE").considered())).contains(Considered.GIFT_AMOUNTS);
		assertThat(Considered.GIFT_AMOUNTS.reason()).contains("随心捐款");
		// The same payers and rent, every payer paying one price: the relay of fees.
		assertThat(Feed.of(crowdfunding(true).run(this.config), "RELATIVE")).extracting(Alert::pattern)
			.contains(Pattern.COUNTERPARTY_SURGE);
	}

	/**
	 * A rotating savings round as {@link #rotatingSavings(boolean)}, the organiser's wage
	 * from the employer arriving in the middle of it; when {@code varied}, members pay
	 * 2,600–2,800 yuan as they like instead of the same share.
	 */
	private static Feed roundWithWage(boolean varied) {
		Feed f = person("HEAD");
		for (int m = 0; m < 32; m++) {
			f.pay(100 + m / 11, 8 + m % 11, "member-" + m, "HEAD", varied ? 2_600 + 10 * (m % 21) : 2_700, "会钱");
			if (m == 20) {
				f.pay(101, 20, "employer", "HEAD", 6_000, "工资");
			}
		}
		return f;
	}

	@Test
	void aWageFromAKnownPayerDoesNotBreakEqualShares() {
		// Fourth round: the run of equal amounts counts new payers only.
		Feed f = roundWithWage(false);
		assertThat(Feed.of(f.run(this.config), "HEAD")).isEmpty();
		assertThat(Considered.of(f.states.get("HEAD").considered())).contains(Considered.EQUAL_SHARES);
		assertThat(Feed.of(roundWithWage(true).run(this.config), "HEAD")).extracting(Alert::pattern)
			.contains(Pattern.COUNTERPARTY_SURGE);
	}

}
