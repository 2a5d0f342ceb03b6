package org.fangfei.detect.engine;

import org.fangfei.detect.Alert;
import org.fangfei.detect.AlertSink;
import org.fangfei.detect.Pattern;

/**
 * The pattern tests run by {@link Detector} once a leg has updated the state, and the
 * alerts they raise. Every test is a handful of comparisons on running aggregates; the
 * explanation text is built only when an alert is raised.
 */
final class Rules {

	private static final long DAY = Detector.DAY;

	private final DetectorConfig c;

	/**
	 * Day of the earliest leg the detector has seen: accounts already there in the
	 * stream's first weeks are not new, however new all their payers look (cold start).
	 */
	private int streamFirstDay = Integer.MAX_VALUE;

	Rules(DetectorConfig c) {
		this.c = c;
	}

	void seen(int day) {
		if (day < this.streamFirstDay) {
			this.streamFirstDay = day;
		}
	}

	/**
	 * Whether the account first appeared {@code surge.minHistoryDays} or more after the
	 * stream began: opened during the stream, so its history is its whole life.
	 */
	boolean bornInStream(AccountState s) {
		return (long) s.firstDay() - this.streamFirstDay >= this.c.surgeMinHistoryDays;
	}

	/** Scatter-in gather-out: a large outflow arrived; keep it and test the pattern. */
	void largeOutflow(AccountState s, Leg leg, long t, AlertSink sink) {
		int n = 0;
		int outN = s.outN();
		for (int i = 0; i < outN; i++) {
			if (t - s.outTime(i) <= this.c.scatterOutWindowMillis) {
				s.moveOut(i, n++);
			}
		}
		s.outN(n);
		if (n == this.c.scatterMaxOutflows) {
			int min = 0;
			for (int i = 1; i < n; i++) {
				min = (s.outFen(i) < s.outFen(min)) ? i : min;
			}
			if (s.outFen(min) >= leg.amountFen) {
				return;
			}
			s.moveOut(n - 1, min);
			s.outN(--n);
		}
		s.setOut(n, t, leg.amountFen, leg);
		s.outN(n + 1);
		checkScatter(s, leg, t, sink);
	}

	private void checkScatter(AccountState s, Leg leg, long t, AlertSink sink) {
		int outN = s.outN();
		long out = 0;
		int biggest = 0;
		for (int i = 0; i < outN; i++) {
			out += s.outFen(i);
			biggest = (s.outFen(i) > s.outFen(biggest)) ? i : biggest;
		}
		long sInFen = s.scatterInFen();
		int sDistinct = s.scatterDistinct();
		int sNew = s.scatterNew();
		int sCount = s.scatterCount();
		double outShare = (double) out / sInFen;
		if (outShare < this.c.scatterMinOutShare || outShare > this.c.scatterMaxOutShare
				|| sDistinct < this.c.scatterMinPayers || sNew < this.c.scatterMinNewShare * sDistinct
				|| s.scatterBig() < this.c.scatterMinBigTicketShare * sCount) {
			return;
		}
		int w = this.c.scatterWindowDays;
		int history = (int) (Math.floorDiv(t, DAY) - s.firstDay());
		double baseline = -1;
		if (history >= this.c.surgeMinHistoryDays && history > w) {
			baseline = (double) (s.totalNew() - sNew) * w / (history - w);
			if (sNew < this.c.scatterBaselineRatio * baseline) {
				return;
			}
		}
		if (windowClosed(s, t)) {
			s.consider(Considered.WINDOW_CLOSED);
			return;
		}
		if (!cooledDown(s, Pattern.SCATTER_IN_GATHER_OUT, t)) {
			return;
		}
		double newShare = (double) sNew / Math.max(1, sDistinct);
		int score = score(40 + 20 * Math.min(1.0, sDistinct / (3.0 * this.c.scatterMinPayers))
				+ 20 * clamp((outShare - this.c.scatterMinOutShare) / Math.max(0.01, 1 - this.c.scatterMinOutShare))
				+ 20 * newShare);
		long first = firstInflow(s, t, w);
		String text = Texts.scatter(this.c, s, leg, out, outShare, baseline, s.outTx(biggest), s.outPayee(biggest),
				s.outFen(biggest), first);
		emit(s, leg, sink, Pattern.SCATTER_IN_GATHER_OUT, score, first, sCount + outN, sInFen, out, sDistinct + outN,
				text);
	}

	/**
	 * Whether the money leaves after a closed window of payers: no new payer on the
	 * outflow's day and the {@code scatter.closedDays} days before it, while new payers
	 * came already before the scatter window (as far as the day ring reaches), at a pace
	 * like the window's: collection went on for weeks, it was not a burst of a few days.
	 * A subscription (share plan, co-op shares) is paid over once it is complete; a head
	 * that runs leaves while the money still comes in.
	 */
	private boolean windowClosed(AccountState s, long t) {
		int k = this.c.scatterClosedDays;
		if (k == 0) {
			return false;
		}
		int day = (int) Math.floorDiv(t, DAY);
		int w = this.c.scatterWindowDays;
		if (newPayers(s, day - k, day) > 0) {
			return false;
		}
		// The payers before the window must have come at a pace like the window's (at
		// least a quarter of its new payers a day): a subscription's steady stream, not
		// the odd payer of an account's ordinary traffic before a burst.
		int before = newPayers(s, day - AccountState.RING + 1, day - w);
		return before > 0 && 4L * before * w >= (long) s.scatterNew() * (AccountState.RING - w);
	}

	/** New payers of the days {@code from..to} (within the day ring). */
	private static int newPayers(AccountState s, int from, int to) {
		int n = 0;
		for (int d = Math.max(from, s.curDay() - AccountState.RING + 1); d <= to; d++) {
			n += s.dayNew(d & AccountState.MASK);
		}
		return n;
	}

	/**
	 * Collect and transfer while collection goes on: a lump left for an account that
	 * never paid in while new payers still came (on its day or the
	 * {@code scatter.closedDays} days before: the window was not closed), and the lumps
	 * of the investor window carry at least {@code runoff.minOutShare} of the investors'
	 * money — more than that when the head also takes the account's older money. The head
	 * of a run-off leaves while the money still comes in; a subscription is paid over
	 * after it closed.
	 */
	void checkRunOff(AccountState s, Leg leg, AlertSink sink) {
		int investors = s.invCur() + s.invPrev();
		long invested = s.invCurFen() + s.invPrevFen();
		long in = s.inCurFen() + s.inPrevFen();
		long out = s.lumpCurFen() + s.lumpPrevFen();
		int day = (int) Math.floorDiv(leg.time, DAY);
		if (investors < this.c.collectMinInvestors || invested < this.c.investMinInvestorShare * in
				|| out < this.c.runoffMinOutShare * invested
				|| newPayers(s, day - this.c.scatterClosedDays, day) == 0) {
			return;
		}
		if (investors < this.c.collectBaselineRatio * investorBaseline(s, leg.time)) {
			s.consider(Considered.OWN_BASELINE);
			return;
		}
		if (!cooledDown(s, Pattern.COLLECT_AND_TRANSFER, leg.time)) {
			return;
		}
		double outShare = (double) out / invested;
		int score = score(
				50 + 25 * Math.min(1.0, investors / (3.0 * this.c.collectMinInvestors)) + 25 * clamp(outShare));
		long first = firstInflow(s, leg.time, AccountState.RING);
		String text = Texts.runOff(this.c, leg, investors, invested, in, out);
		emit(s, leg, sink, Pattern.COLLECT_AND_TRANSFER, score, first, investors, invested, out, investors, text);
	}

	/**
	 * Counterparty surge: a new payer arrived; test the surge window against the
	 * baseline.
	 */
	void checkSurge(AccountState s, Leg leg, int day, AlertSink sink) {
		int history = day - s.firstDay();
		int w = this.c.surgeWindowDays;
		int gNew = s.surgeNew();
		int gCount = s.surgeCount();
		if (history < this.c.surgeMinHistoryDays
				|| gNew < Math.min(this.c.surgeMinNewPayers, this.c.surgeRelayMinNewPayers)
				|| gNew < this.c.surgeMinNewShare * gCount) {
			return;
		}
		double baseline = (double) (s.totalNew() - gNew) * w / Math.max(1, history + 1 - w);
		if (gNew < this.c.surgeRatio * baseline || !cooledDown(s, Pattern.COUNTERPARTY_SURGE, leg.time)) {
			return;
		}
		int big = bigTickets(s, day, w);
		if (gNew >= this.c.surgeMinNewPayers && big >= this.c.surgeMinBigTicketShare * gCount) {
			if (equalShares(s, leg.time, w)) {
				s.consider(Considered.EQUAL_SHARES);
				return;
			}
		}
		else if (gNew >= this.c.surgeRelayMinNewPayers && relayed(s, leg, day, w)) {
			Considered heldBack = relayLookAlike(s, day, w, big);
			if (heldBack != null) {
				s.consider(heldBack);
				return;
			}
		}
		else {
			s.consider(Considered.ONE_OFF_BURST);
			return;
		}
		double ratio = gNew / Math.max(baseline, 0.5);
		double share = (double) gNew / gCount;
		int score = score(40 + 30 * Math.min(1.0, ratio / (3 * Math.max(1, this.c.surgeRatio))) + 30 * share);
		long first = firstInflow(s, leg.time, w);
		String text = Texts.surge(this.c, s, leg, baseline, share, history);
		emit(s, leg, sink, Pattern.COUNTERPARTY_SURGE, score, first, gCount, s.surgeInFen(), 0, gNew, text);
	}

	/**
	 * Fundraising memo: a payer (not a former payee) was counted; test the memo window.
	 */
	void checkMemo(AccountState s, Leg leg, AlertSink sink) {
		int payers = s.memoCurPayers() + s.memoPrevPayers();
		if (payers < this.c.memoMinPayers || !cooledDown(s, Pattern.FUNDRAISING_MEMO, leg.time)) {
			return;
		}
		int words = s.memoCurWords() | s.memoPrevWords();
		if ((words & ~this.c.subscriptionBits) == 0) {
			// 入股 or 认购 alone: a co-op's shares, a share plan's subscription.
			s.consider(Considered.SUBSCRIPTION_WORDS);
			return;
		}
		int score = score(50 + 30 * Math.min(1.0, payers / (3.0 * this.c.memoMinPayers))
				+ 20 * Math.min(1.0, Integer.bitCount(words) / 3.0));
		long prevFirst = s.memoPrevFirst();
		long first = (prevFirst != AccountState.NONE) ? prevFirst : s.memoCurFirst();
		int tx = s.memoCurTx() + s.memoPrevTx();
		long fen = s.memoCurFen() + s.memoPrevFen();
		String text = Texts.memo(this.c, leg, payers, tx, fen, this.c.keywords.names(words));
		emit(s, leg, sink, Pattern.FUNDRAISING_MEMO, score, first, tx, fen, 0, payers, text);
	}

	/**
	 * Investor payback: a return to an investor was counted; test the investor window.
	 */
	void checkPayback(AccountState s, Leg leg, AlertSink sink) {
		int investors = s.invCur() + s.invPrev();
		int returns = s.retCur() + s.retPrev();
		long invested = s.invCurFen() + s.invPrevFen();
		long in = s.inCurFen() + s.inPrevFen();
		if (investors < this.c.paybackMinInvestors || returns < this.c.paybackMinReturns
				|| invested < this.c.investMinInvestorShare * in) {
			return;
		}
		if (investors < this.c.paybackBaselineRatio * investorBaseline(s, leg.time)) {
			s.consider(Considered.OWN_BASELINE);
			return;
		}
		if (!cooledDown(s, Pattern.INVESTOR_PAYBACK, leg.time)) {
			return;
		}
		int score = score(50 + 25 * Math.min(1.0, investors / (3.0 * this.c.paybackMinInvestors))
				+ 25 * Math.min(1.0, returns / (3.0 * this.c.paybackMinReturns)));
		long first = firstInflow(s, leg.time, AccountState.RING);
		String text = Texts.payback(this.c, leg, investors, invested, in, returns);
		emit(s, leg, sink, Pattern.INVESTOR_PAYBACK, score, first, investors + returns, invested, 0, investors, text);
	}

	/**
	 * Collect and transfer: a lump left for an account that never paid in; test the
	 * investor window.
	 */
	void checkCollect(AccountState s, Leg leg, AlertSink sink) {
		int investors = s.invCur() + s.invPrev();
		long invested = s.invCurFen() + s.invPrevFen();
		long in = s.inCurFen() + s.inPrevFen();
		long out = s.lumpCurFen() + s.lumpPrevFen();
		if (investors < this.c.collectMinInvestors || invested < this.c.investMinInvestorShare * in
				|| out < this.c.collectMinOutShare * invested || out > this.c.collectMaxOutShare * invested) {
			return;
		}
		if (investors < this.c.collectBaselineRatio * investorBaseline(s, leg.time)) {
			s.consider(Considered.OWN_BASELINE);
			return;
		}
		if (!cooledDown(s, Pattern.COLLECT_AND_TRANSFER, leg.time)) {
			return;
		}
		double outShare = (double) out / invested;
		int score = score(
				50 + 25 * Math.min(1.0, investors / (3.0 * this.c.collectMinInvestors)) + 25 * clamp(outShare));
		long first = firstInflow(s, leg.time, AccountState.RING);
		String text = Texts.collect(this.c, leg, investors, invested, in, out);
		emit(s, leg, sink, Pattern.COLLECT_AND_TRANSFER, score, first, investors, invested, out, investors, text);
	}

	/**
	 * Relay of new members' money: a new payer arrived after money left for accounts that
	 * never paid in; test whether nearly every payer of the scatter window is new, their
	 * number grows against the account's own history, the latest payers paid exactly the
	 * same amount (a fixed-price entry fee or unit), and the lumps carry most of the
	 * inflow — an entry fee passed on to the controllers (善心汇), however small each fee.
	 */
	void checkRelay(AccountState s, Leg leg, int day, AlertSink sink) {
		int history = day - s.firstDay();
		int w = this.c.scatterWindowDays;
		int fresh = s.scatterNew();
		long in = s.inCurFen() + s.inPrevFen();
		long out = s.lumpCurFen() + s.lumpPrevFen();
		// An account opened during the stream has no baseline to beat and need not wait
		// for a month of history (fifth round): its history is its whole life.
		boolean young = history < this.c.surgeMinHistoryDays;
		if (young && (history < this.c.relayNewAccountMinDays || !bornInStream(s))) {
			return;
		}
		if (fresh < this.c.relayMinNewPayers || AccountRecord.unitRun(s.unit()) < this.c.relayMinUnitRun
				|| fresh < this.c.relayMinNewShare * s.scatterCount() || out < this.c.relayMinOutShare * in
				|| out > this.c.collectMaxOutShare * in) {
			return;
		}
		double baseline = young ? 0 : (double) (s.totalNew() - fresh) * w / Math.max(w, history - w);
		if (fresh < this.c.relayGrowth * baseline || !cooledDown(s, Pattern.COLLECT_AND_TRANSFER, leg.time)) {
			return;
		}
		if (!outSince(s, firstNewPayerDay(s, day, w) * DAY)) {
			// The money left before the new payers of the window began to pay: a
			// class fund's parent spent her own money, nothing collected was passed
			// on.
			s.consider(Considered.SPENT_BEFORE);
			return;
		}
		if (runDays(s, day, AccountRecord.unitRun(s.unit())) < this.c.relayMinRunDays) {
			// The equal fees came within a few days: a class fund collected at term
			// start, not new members paying day after day.
			s.consider(Considered.SHORT_COLLECTION);
			return;
		}
		int score = score(50 + 25 * Math.min(1.0, fresh / (3.0 * this.c.relayMinNewPayers))
				+ 25 * clamp((double) out / Math.max(1, in)));
		long first = firstInflow(s, leg.time, w);
		String text = Texts.relay(this.c, s, leg, baseline, in, out);
		emit(s, leg, sink, Pattern.COLLECT_AND_TRANSFER, score, first, s.scatterCount(), in, out, fresh, text);
	}

	/**
	 * Investors per investor window before the current one, over the account's history.
	 * While the history is shorter than {@code surge.minHistoryDays} plus a window there
	 * is no baseline: an account opened during the stream has none to beat (0), one that
	 * was there from the stream's start cannot be judged yet (infinite).
	 */
	private double investorBaseline(AccountState s, long t) {
		int w = this.c.investWindowDays;
		int history = (int) (Math.floorDiv(t, DAY) - s.firstDay());
		if (history < this.c.surgeMinHistoryDays + w) {
			return bornInStream(s) ? 0 : Double.POSITIVE_INFINITY;
		}
		return (double) (s.invTotal() - s.invCur() - s.invPrev()) * w / (history - w);
	}

	/** Records the current batch when it was big enough, and starts none. */
	void closeBatch(AccountState s) {
		long batchStart = s.batchStart();
		int batchCount = s.batchCount();
		if (batchStart != AccountState.NONE && batchCount >= this.c.batchMinPayees) {
			AccountStore.Cold o = s.cold();
			if (o.bStart == null) {
				o.allocateBatches();
			}
			int bN = s.batches();
			s.batches(bN + 1);
			int i = bN % AccountState.BATCHES;
			o.bStart[i] = batchStart;
			o.bCount[i] = batchCount;
			o.bFen[i] = s.batchFen();
			o.bOverlap[i] = overlap(s);
			o.bYield[i] = batchYield(s);
		}
		s.batchStart(AccountState.NONE);
		s.batchCount(0);
		s.batchSampled(0);
		s.batchKnown(0);
		s.batchRepeat(0);
		s.batchFen(0);
		s.batchKnownPayoutFen(0);
		s.batchKnownPaidYuan(0);
	}

	private static double overlap(AccountState s) {
		int sampled = s.batchSampled();
		return (sampled == 0) ? 0 : (double) s.batchKnown() / sampled;
	}

	private static double batchYield(AccountState s) {
		long paid = s.batchKnownPaidYuan();
		return (paid == 0) ? 0 : s.batchKnownPayoutFen() / 100.0 / paid;
	}

	/**
	 * Periodic batch payout: the open batch is big enough; test it with the batches
	 * before it.
	 */
	void checkBatch(AccountState s, Leg leg, AlertSink sink) {
		int k = this.c.batchMinBatches - 1;
		int bN = s.batches();
		if (bN < k) {
			return;
		}
		AccountStore.Cold o = s.cold();
		if (o.bStart == null) {
			o.allocateBatches();
		}
		long batchStart = s.batchStart();
		int batchCount = s.batchCount();
		double span = (batchStart - o.bStart[(bN - k) % AccountState.BATCHES]) / (double) DAY;
		double mean = span / k;
		if (mean < this.c.batchMinIntervalDays || mean > this.c.batchMaxIntervalDays) {
			return;
		}
		double worst = 0;
		int minCount = Integer.MAX_VALUE;
		int maxCount = 0;
		double overlapSum = overlap(s);
		double yieldSum = batchYield(s);
		long fen = s.batchFen();
		int tx = batchCount;
		long next = batchStart;
		for (int j = 1; j <= k; j++) {
			int i = (bN - j) % AccountState.BATCHES;
			worst = Math.max(worst, Math.abs((next - o.bStart[i]) / (double) DAY - mean));
			next = o.bStart[i];
			overlapSum += o.bOverlap[i];
			yieldSum += o.bYield[i];
			fen += o.bFen[i];
			tx += o.bCount[i];
			minCount = Math.min(minCount, o.bCount[i]);
			maxCount = Math.max(maxCount, o.bCount[i]);
		}
		double sizes = this.c.batchMaxSizeRatio;
		if (maxCount > sizes * minCount || batchCount * sizes < minCount) {
			return;
		}
		double overlap = overlapSum / (k + 1);
		int sampled = s.batchSampled();
		double repeat = (sampled == 0) ? 0 : (double) s.batchRepeat() / sampled;
		double annual = yieldSum / (k + 1) * 365.0 / mean;
		if (worst > this.c.batchIntervalTolerance * mean || overlap < this.c.batchMinOverlap
				|| repeat < this.c.batchMinRepeatShare || annual < this.c.batchMinAnnualYield
				|| !cooledDown(s, Pattern.PERIODIC_BATCH_PAYOUT, leg.time)) {
			return;
		}
		int score = score(
				40 + 25 * overlap + 20 * Math.min(1.0, annual / (4 * Math.max(0.01, this.c.batchMinAnnualYield)))
						+ 15 * (1 - worst / Math.max(0.01, this.c.batchIntervalTolerance * mean)));
		long first = o.bStart[(bN - k) % AccountState.BATCHES];
		String text = Texts.batch(this.c, s, leg, k + 1, mean, worst, overlap, repeat, annual);
		emit(s, leg, sink, Pattern.PERIODIC_BATCH_PAYOUT, score, first, tx, s.batchKnownPaidYuan() * 100, fen,
				batchCount, text);
	}

	/**
	 * Whether the small-ticket surge is passed on as schemes pass on entry fees: it is
	 * not smaller than the week before, that week had new payers too, and large outflows
	 * of the window carry {@code surge.minOutShare} of its inflow. A wedding, a funeral
	 * or a crowdfunding is a single burst whose money leaves after it; a group buy's
	 * neighbours are new only in its first week.
	 */
	private boolean relayed(AccountState s, Leg leg, int day, int w) {
		int gNew = s.surgeNew();
		int before = previousNew(s, day, w);
		return gNew >= before && 2 * before >= this.c.surgeRelayMinNewPayers
				&& recentOut(s, leg.time, w) >= this.c.surgeMinOutShare * s.surgeInFen();
	}

	/**
	 * Whether a surge of deposits is a rotating savings group's round (互助会): most of the
	 * window's inflow is one run of exactly the same amount (at least
	 * {@code relay.minUnitRun} payments, at least half the inflow: every member pays the
	 * same share) and nothing large has left the account — the pot goes round to the
	 * members who paid it, it is not passed on to anyone else. "Large" is measured
	 * against the round ({@code scatter.minLargeOutShare} of the window's inflow, fifth
	 * round): the organiser's own shopping in the quiet days before it was kept as large
	 * against the little that had come in by then.
	 */
	private boolean equalShares(AccountState s, long t, int w) {
		long unit = s.unit();
		int run = AccountRecord.unitRun(unit);
		long large = (long) (this.c.scatterMinLargeOutShare * s.surgeInFen());
		return run >= this.c.relayMinUnitRun && 2 * run * AccountRecord.unitFen(unit) >= s.surgeInFen()
				&& recentOut(s, t, w, large) == 0;
	}

	/**
	 * The look-alikes of a relayed small-ticket surge, or null: a group buy's orders are
	 * small and its neighbours order again (fewer than {@code relay.minNewShare} of the
	 * window's inflows from new payers while most are below
	 * {@code scatter.bigTicketYuan}); gifts and donations pay the venue after the burst
	 * has ended (fewer than half of {@code surge.relayMinNewPayers} new payers from the
	 * day of the latest large outflow on), while a scheme's new members keep paying after
	 * their money was passed on; donations and gifts are small sums of every amount
	 * (fewer than {@code relay.minUnitRun} new payers in a row paid the same), a scheme's
	 * members pay its fixed fee or price.
	 */
	private Considered relayLookAlike(AccountState s, int day, int w, int big) {
		int gCount = s.surgeCount();
		if (2 * big < gCount && s.surgeNew() < this.c.relayMinNewShare * gCount) {
			return Considered.REPEAT_PAYERS;
		}
		long latest = Long.MIN_VALUE;
		for (int i = 0; i < s.outN(); i++) {
			latest = Math.max(latest, s.outTime(i));
		}
		int outDay = (int) Math.floorDiv(latest, DAY);
		if (2 * newPayers(s, Math.max(outDay, day - AccountState.RING + 1), day) < this.c.surgeRelayMinNewPayers) {
			return Considered.BURST_OVER;
		}
		if (2 * big < gCount && AccountRecord.unitRun(s.unit()) < this.c.relayMinUnitRun) {
			return Considered.GIFT_AMOUNTS;
		}
		return null;
	}

	/**
	 * Days (the current one included) over which the last {@code run} new payers came, as
	 * far as the day ring reaches: how long the run of equal fees took to collect.
	 */
	private static int runDays(AccountState s, int day, int run) {
		int n = 0;
		for (int d = day; d > day - AccountState.RING && s.curDay() - d < AccountState.RING; d--) {
			n += s.dayNew(d & AccountState.MASK);
			if (n >= run) {
				return day - d + 1;
			}
		}
		return AccountState.RING;
	}

	/** Inflows of at least {@code scatter.bigTicketYuan} of the last {@code w} days. */
	private static int bigTickets(AccountState s, int day, int w) {
		int n = 0;
		for (int d = day - w + 1; d <= day; d++) {
			n += s.dayBig(d & AccountState.MASK);
		}
		return n;
	}

	/**
	 * New payers of the {@code w} days before the surge window (as far as the day ring
	 * reaches): a surge must not be smaller than the week before it — schemes grow, a
	 * group buy's neighbours are new only in its first week.
	 */
	private static int previousNew(AccountState s, int day, int w) {
		int n = 0;
		for (int d = day - 2 * w + 1; d <= day - w; d++) {
			if (day - d < AccountState.RING && s.curDay() - d < AccountState.RING) {
				n += s.dayNew(d & AccountState.MASK);
			}
		}
		return n;
	}

	/** The first of the last {@code w} days with a new payer ({@code day} if none). */
	private static long firstNewPayerDay(AccountState s, int day, int w) {
		for (int d = Math.max(day - w + 1, s.curDay() - AccountState.RING + 1); d < day; d++) {
			if (s.dayNew(d & AccountState.MASK) > 0) {
				return d;
			}
		}
		return day;
	}

	/** Whether a kept large outflow left at or after {@code t}. */
	private static boolean outSince(AccountState s, long t) {
		for (int i = 0; i < s.outN(); i++) {
			if (s.outTime(i) >= t) {
				return true;
			}
		}
		return false;
	}

	/** Fen of the kept large outflows within the last {@code days} days. */
	private static long recentOut(AccountState s, long t, int days) {
		return recentOut(s, t, days, 0);
	}

	/**
	 * Fen of the kept large outflows of at least {@code minFen} within the last
	 * {@code days} days.
	 */
	private static long recentOut(AccountState s, long t, int days, long minFen) {
		long out = 0;
		for (int i = 0; i < s.outN(); i++) {
			if (t - s.outTime(i) <= days * DAY && s.outFen(i) >= minFen) {
				out += s.outFen(i);
			}
		}
		return out;
	}

	private boolean cooledDown(AccountState s, Pattern p, long t) {
		long last = s.lastAlert(p.ordinal());
		return last == AccountState.NONE || t - last >= this.c.cooldownMillis;
	}

	private static void emit(AccountState s, Leg leg, AlertSink sink, Pattern p, int score, long first, int tx, long in,
			long out, int counterparties, String text) {
		s.lastAlert(p.ordinal(), leg.time);
		sink.alert(new Alert(Alert.idOf(leg.account(), p, first), leg.account(), p, score, first, leg.time, tx, in, out,
				counterparties, text));
	}

	/** Time of the first inflow still inside the last {@code w} days. */
	private static long firstInflow(AccountState s, long t, int w) {
		int day = (int) Math.floorDiv(t, DAY);
		for (int d = day - w + 1; d <= day; d++) {
			long firstMs = s.firstMs(d & AccountState.MASK);
			if (firstMs >= 0) {
				return d * DAY + firstMs;
			}
		}
		return t;
	}

	private static double clamp(double v) {
		return Math.max(0, Math.min(1, v));
	}

	private static int score(double v) {
		return (int) Math.max(0, Math.min(100, Math.round(v)));
	}

}
