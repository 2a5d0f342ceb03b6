package org.fangfei.detect.engine;

import org.fangfei.detect.AlertSink;

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
		if (s.firstTime() == AccountState.NONE) {
			s.firstTime(t);
			s.firstDay(day);
		}
		s.lastTime(t);
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
		int words = (leg.memoKeywords >= 0) ? leg.memoKeywords : this.c.keywords.match(leg.memo);
		if (words != 0) {
			memo(s, leg, t, day, slot, sampled && !wasPayee, memoRel, weight, words, sink);
		}
		if (isNew) {
			this.rules.checkSurge(s, leg, day, sink);
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
			AccountRecord.markPayee(cp, slot);
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
