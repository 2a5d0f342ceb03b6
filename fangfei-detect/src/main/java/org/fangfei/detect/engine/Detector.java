package org.fangfei.detect.engine;

import org.fangfei.detect.AlertSink;
import org.fangfei.detect.Pattern;

/**
 * All detection decisions. Feed it every leg of one account in (time, seq) order together
 * with that account's {@link AccountState}; it updates the state incrementally (no window
 * is re-scanned per leg, nothing is allocated unless an alert is raised) and calls the
 * sink the moment a pattern completes. An account alerts at most once per pattern within
 * {@code alert.cooldownDays}; that rule lives in the state, so {@code scan} and the Flink
 * job raise the same alerts. The rules are described in {@code docs/detector.md}.
 */
public final class Detector {

	static final long DAY = 86_400_000L;

	private final DetectorConfig c;

	private final Rules rules;

	public Detector(DetectorConfig config) {
		this.c = config;
		this.rules = new Rules(config);
	}

	public DetectorConfig config() {
		return this.c;
	}

	/**
	 * Processes one leg of the account whose state is given (a state of its own or a view
	 * from {@link AccountStore#at(int)}).
	 */
	public void onLeg(AccountState s, Leg leg, AlertSink sink) {
		long t = leg.time;
		int day = (int) Math.floorDiv(t, DAY);
		this.rules.seen(day);
		if (s.firstTime() == AccountState.NONE) {
			s.firstTime(t);
			s.firstDay(day);
		}
		s.lastTime(t);
		if (day > s.curDay()) {
			// The investor buckets move only when the day does.
			rollInvest(s, day);
		}
		s.advance(day, this.c.scatterWindowDays, this.c.surgeWindowDays);
		int h = (leg.counterpartyHash != 0) ? leg.counterpartyHash : AccountState.hash(leg.counterparty());
		if (leg.inflow) {
			inflow(s, leg, t, day, h, sink);
		}
		else {
			outflow(s, leg, t, h, sink);
		}
	}

	private void inflow(AccountState s, Leg leg, long t, int day, int h, AlertSink sink) {
		int level = s.level();
		int weight = 1 << level;
		boolean sampled = Integer.numberOfLeadingZeros(h) >= level;
		int firstDay = s.firstDay();
		int rel = Math.min(day - firstDay + 1, 0xFFFF);
		boolean isNew = false;
		boolean distinct = false;
		boolean wasPayee = false;
		int memoRel = 0;
		int slot = -1;
		if (sampled) {
			slot = s.find(h);
			isNew = slot < 0;
			if (isNew) {
				distinct = true;
				slot = s.insert(h, this.c.maxCounterparties);
			}
			else {
				int[] cp = s.cp();
				int lastIn = AccountRecord.lastInDay(cp, slot);
				distinct = lastIn == 0 || rel - lastIn >= this.c.scatterWindowDays;
				wasPayee = AccountRecord.wasPayee(cp, slot);
				memoRel = AccountRecord.lastMemoDay(cp, slot);
			}
		}
		long amount = leg.amountFen;
		int w = isNew ? weight : 0;
		int wd = distinct ? weight : 0;
		int big = (amount >= this.c.scatterBigTicketFen) ? 1 : 0;
		int ds = day & AccountState.MASK;
		if (s.dayCount(ds) == 0) {
			// The day's first inflow.
			s.firstMs(ds, t - (long) day * DAY);
			s.ringUsed(s.ringUsed() | (1 << ds));
		}
		s.addToDay(ds, amount, big, wd, w);
		s.scatterInFen(s.scatterInFen() + amount);
		s.scatterCount(s.scatterCount() + 1);
		s.scatterDistinct(s.scatterDistinct() + wd);
		s.scatterNew(s.scatterNew() + w);
		s.scatterBig(s.scatterBig() + big);
		s.surgeInFen(s.surgeInFen() + amount);
		s.surgeCount(s.surgeCount() + 1);
		s.surgeNew(s.surgeNew() + w);
		s.totalNew(s.totalNew() + w);
		if (slot >= 0) {
			int[] cp = s.cp();
			long yuan = (amount + 99) / 100 + AccountRecord.paidInYuan(cp, slot);
			AccountRecord.paidInYuan(cp, slot, (int) Math.min(Integer.MAX_VALUE, yuan));
			AccountRecord.lastInDay(cp, slot, rel);
		}
		s.inCurFen(s.inCurFen() + amount);
		if (isNew) {
			// The run of equal amounts counts new payers only: an employer's wage or a
			// regular payer between two fees does not break a price (fourth round).
			s.countUnit(amount);
		}
		if (isNew && amount >= this.c.investMinTicketFen) {
			s.invCur(s.invCur() + weight);
			s.invCurFen(s.invCurFen() + amount * weight);
			s.invTotal(s.invTotal() + weight);
			if (s.lumpCurFen() + s.lumpPrevFen() > 0) {
				if (knowable(s, day)) {
					this.rules.checkCollect(s, leg, sink);
				}
				else if (s.invCur() + s.invPrev() >= this.c.collectMinInvestors) {
					s.consider(Considered.COLD_START);
				}
			}
		}
		int words = (leg.memoKeywords >= 0) ? leg.memoKeywords : this.c.keywords.match(leg.memo);
		if (words != 0) {
			memo(s, leg, t, day, slot, sampled && !wasPayee, memoRel, weight, words, sink);
		}
		if (isNew) {
			this.rules.checkSurge(s, leg, day, sink);
			if (s.lumpCurFen() + s.lumpPrevFen() > 0) {
				this.rules.checkRelay(s, leg, day, sink);
			}
		}
	}

	private void memo(AccountState s, Leg leg, long t, int day, int slot, boolean counts, int memoRel, int weight,
			int words, AlertSink sink) {
		int half = Math.max(1, this.c.memoWindowDays / 2);
		long bucket = Math.floorDiv(day, half);
		long memoBucket = s.memoBucket();
		if (bucket != memoBucket) {
			boolean next = memoBucket != AccountState.NONE && bucket == memoBucket + 1;
			s.memoPrevPayers(next ? s.memoCurPayers() : 0);
			s.memoPrevTx(next ? s.memoCurTx() : 0);
			s.memoPrevFen(next ? s.memoCurFen() : 0);
			s.memoPrevFirst(next ? s.memoCurFirst() : AccountState.NONE);
			s.memoPrevWords(next ? s.memoCurWords() : 0);
			s.memoCurPayers(0);
			s.memoCurTx(0);
			s.memoCurFen(0);
			s.memoCurFirst(AccountState.NONE);
			s.memoCurWords(0);
			s.memoBucket(bucket);
		}
		if (s.memoCurFirst() == AccountState.NONE) {
			s.memoCurFirst(t);
		}
		s.memoCurTx(s.memoCurTx() + 1);
		s.memoCurFen(s.memoCurFen() + leg.amountFen);
		s.memoCurWords(s.memoCurWords() | words);
		if (!counts) {
			return;
		}
		int firstDay = s.firstDay();
		boolean inWindow = memoRel != 0 && Math.floorDiv(firstDay + memoRel - 1, half) >= bucket - 1;
		if (!inWindow) {
			s.memoCurPayers(s.memoCurPayers() + weight);
		}
		if (slot >= 0) {
			AccountRecord.lastMemoDay(s.cp(), slot, Math.min(day - firstDay + 1, 0x7FFF));
		}
		if (!inWindow) {
			this.rules.checkMemo(s, leg, sink);
		}
	}

	/**
	 * Whether the account's new payers can be told from old ones: it has
	 * {@code surge.minHistoryDays} of history, or it first appeared that long after the
	 * stream began (an account opened for the scheme, not one caught by the cold start).
	 */
	private boolean knowable(AccountState s, int day) {
		return day - s.firstDay() >= this.c.surgeMinHistoryDays || this.rules.bornInStream(s);
	}

	/** Moves the investor buckets to the bucket of {@code day}. */
	private void rollInvest(AccountState s, int day) {
		int bucket = Math.floorDiv(day, Math.max(1, this.c.investWindowDays / 2));
		int cur = s.invBucket();
		if (bucket == cur) {
			return;
		}
		boolean next = cur != Integer.MIN_VALUE && bucket == cur + 1;
		s.invPrev(next ? s.invCur() : 0);
		s.retPrev(next ? s.retCur() : 0);
		s.invPrevFen(next ? s.invCurFen() : 0);
		s.inPrevFen(next ? s.inCurFen() : 0);
		s.lumpPrevFen(next ? s.lumpCurFen() : 0);
		s.invCur(0);
		s.retCur(0);
		s.invCurFen(0);
		s.inCurFen(0);
		s.lumpCurFen(0);
		s.invBucket(bucket);
	}

	/**
	 * An outflow to an account that never paid in: a lump when it carries a share of the
	 * window's inflow.
	 */
	private void lump(AccountState s, Leg leg, long amount, AlertSink sink) {
		long cur = s.inCurFen();
		if (amount < this.c.collectMinLumpShare * cur) {
			// Most outflows are small against the current bucket alone.
			return;
		}
		long in = cur + s.inPrevFen();
		if (in > 0 && amount >= this.c.collectMinLumpShare * in) {
			s.lumpCurFen(s.lumpCurFen() + amount);
			long invested = s.invCurFen() + s.invPrevFen();
			if (s.invCur() + s.invPrev() >= this.c.collectMinInvestors
					&& s.lumpCurFen() + s.lumpPrevFen() >= this.c.collectMinOutShare * invested) {
				// Collect and transfer needs an investor after the money left, unless
				// it left while collection was still going on; until one comes, this is
				// what a closed subscription looks like.
				int day = (int) Math.floorDiv(leg.time, DAY);
				if (knowable(s, day)) {
					this.rules.checkRunOff(s, leg, sink);
				}
				if (s.lastAlert(Pattern.COLLECT_AND_TRANSFER.ordinal()) != leg.time) {
					s.consider(Considered.AFTER_WINDOW);
				}
			}
		}
	}

	/**
	 * A first outflow to an account that paid in: a return when it is a small share of
	 * what the payer put in, at a yearly rate above the threshold (days counted from the
	 * payer's last inflow, at least 30).
	 */
	private void payback(AccountState s, Leg leg, long t, long amount, int paidYuan, int lastInRel, AlertSink sink) {
		double share = amount / (paidYuan * 100.0);
		if (paidYuan * 100L < this.c.investMinTicketFen || share < this.c.paybackMinReturnShare) {
			return;
		}
		if (share > this.c.paybackMaxReturnShare) {
			if (s.invCur() + s.invPrev() >= this.c.paybackMinInvestors) {
				s.consider(Considered.REFUND);
			}
			return;
		}
		int rel = (int) Math.floorDiv(t, DAY) - s.firstDay() + 1;
		int days = Math.max(30, rel - lastInRel);
		if (share * 365 / days < this.c.paybackMinAnnualYield) {
			return;
		}
		s.retCur(s.retCur() + (1 << s.level()));
		if (knowable(s, rel + s.firstDay() - 1)) {
			this.rules.checkPayback(s, leg, sink);
		}
		else if (s.invCur() + s.invPrev() >= this.c.paybackMinInvestors) {
			s.consider(Considered.COLD_START);
		}
	}

	private void outflow(AccountState s, Leg leg, long t, int h, AlertSink sink) {
		long amount = leg.amountFen;
		long sInFen = s.scatterInFen();
		if (sInFen > 0 && amount >= this.c.scatterMinLargeOutShare * sInFen) {
			this.rules.largeOutflow(s, leg, t, sink);
		}
		boolean small = amount <= this.c.batchMaxPayoutFen;
		if (small) {
			long batchStart = s.batchStart();
			if (batchStart == AccountState.NONE || t - batchStart > this.c.batchSpanMillis) {
				this.rules.closeBatch(s);
				s.batchStart(t);
			}
		}
		int slot = s.sampled(h) ? s.findOrInsert(h, this.c.maxCounterparties) : -1;
		int[] cp = (slot >= 0) ? s.cp() : null;
		if (slot >= 0) {
			int paid = AccountRecord.paidInYuan(cp, slot);
			if (paid == 0) {
				lump(s, leg, amount, sink);
			}
			else if (!AccountRecord.wasPayee(cp, slot)) {
				payback(s, leg, t, amount, paid, AccountRecord.lastInDay(cp, slot), sink);
			}
			AccountRecord.markPayee(cp, slot);
		}
		else {
			lump(s, leg, amount, sink);
		}
		if (!small) {
			return;
		}
		s.batchCount(s.batchCount() + 1);
		s.batchFen(s.batchFen() + amount);
		if (slot >= 0) {
			int paid = AccountRecord.paidInYuan(cp, slot);
			int batches = s.batches();
			s.batchSampled(s.batchSampled() + 1);
			if (batches > 0 && AccountRecord.lastBatch(cp, slot) == batches) {
				s.batchRepeat(s.batchRepeat() + 1);
			}
			AccountRecord.lastBatch(cp, slot, batches + 1);
			if (paid > 0 && amount <= this.c.batchMaxReturnShare * paid * 100) {
				s.batchKnown(s.batchKnown() + 1);
				s.batchKnownPayoutFen(s.batchKnownPayoutFen() + amount);
				s.batchKnownPaidYuan(s.batchKnownPaidYuan() + paid);
			}
		}
		if (s.batchCount() >= this.c.batchMinPayees) {
			this.rules.checkBatch(s, leg, sink);
		}
	}

}
