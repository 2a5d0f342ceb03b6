package org.fangfei.detect;

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

	/** Processes one leg of the account whose state is given. */
	public void onLeg(AccountState s, Leg leg, AlertSink sink) {
		long t = leg.time;
		int day = (int) Math.floorDiv(t, DAY);
		if (s.firstTime == AccountState.NONE) {
			s.firstTime = t;
			s.firstDay = day;
		}
		s.lastTime = t;
		s.advance(day, this.c.scatterWindowDays, this.c.surgeWindowDays);
		int h = (leg.counterpartyHash != 0) ? leg.counterpartyHash : AccountState.hash(leg.counterparty);
		if (leg.inflow) {
			inflow(s, leg, t, day, h, sink);
		}
		else {
			outflow(s, leg, t, h, sink);
		}
	}

	private void inflow(AccountState s, Leg leg, long t, int day, int h, AlertSink sink) {
		int weight = 1 << s.level;
		boolean sampled = s.sampled(h);
		int rel = Math.min(day - s.firstDay + 1, 0xFFFF);
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
				slot = s.findOrInsert(h, this.c.maxCounterparties);
			}
			else {
				int info = s.cp[slot + 2];
				int lastIn = info & 0xFFFF;
				distinct = lastIn == 0 || rel - lastIn >= this.c.scatterWindowDays;
				wasPayee = info < 0;
				memoRel = (info >>> 16) & 0x7FFF;
			}
		}
		long amount = leg.amountFen;
		int w = isNew ? weight : 0;
		int wd = distinct ? weight : 0;
		int big = (amount >= this.c.scatterBigTicketFen) ? 1 : 0;
		long[] r = s.ring;
		int d = (day & AccountState.MASK) << 2;
		s.ringUsed |= 1 << (day & AccountState.MASK);
		if (r[d + 3] < 0) {
			r[d + 3] = t - (long) day * DAY;
		}
		r[d] += amount;
		r[d + 1] += (1L << 32) | big;
		r[d + 2] += ((long) wd << 32) | w;
		s.sInFen += amount;
		s.sCount++;
		s.sDistinct += wd;
		s.sNew += w;
		s.sBig += big;
		s.gInFen += amount;
		s.gCount++;
		s.gNew += w;
		s.totalNew += w;
		if (slot >= 0) {
			long yuan = (amount + 99) / 100 + s.cp[slot + 1];
			s.cp[slot + 1] = (int) Math.min(Integer.MAX_VALUE, yuan);
			s.cp[slot + 2] = (s.cp[slot + 2] & 0xFFFF0000) | rel;
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
		if (bucket != s.memoBucket) {
			boolean next = s.memoBucket != AccountState.NONE && bucket == s.memoBucket + 1;
			s.memoPrevPayers = next ? s.memoCurPayers : 0;
			s.memoPrevTx = next ? s.memoCurTx : 0;
			s.memoPrevFen = next ? s.memoCurFen : 0;
			s.memoPrevFirst = next ? s.memoCurFirst : AccountState.NONE;
			s.memoPrevWords = next ? s.memoCurWords : 0;
			s.memoCurPayers = 0;
			s.memoCurTx = 0;
			s.memoCurFen = 0;
			s.memoCurFirst = AccountState.NONE;
			s.memoCurWords = 0;
			s.memoBucket = bucket;
		}
		if (s.memoCurFirst == AccountState.NONE) {
			s.memoCurFirst = t;
		}
		s.memoCurTx++;
		s.memoCurFen += leg.amountFen;
		s.memoCurWords |= words;
		if (!counts) {
			return;
		}
		boolean inWindow = memoRel != 0 && Math.floorDiv(s.firstDay + memoRel - 1, half) >= bucket - 1;
		if (!inWindow) {
			s.memoCurPayers += weight;
		}
		if (slot >= 0) {
			int rel = Math.min(day - s.firstDay + 1, 0x7FFF);
			s.cp[slot + 2] = (s.cp[slot + 2] & 0x8000FFFF) | (rel << 16);
		}
		if (!inWindow) {
			this.rules.checkMemo(s, leg, sink);
		}
	}

	private void outflow(AccountState s, Leg leg, long t, int h, AlertSink sink) {
		long amount = leg.amountFen;
		if (s.sInFen > 0 && amount >= this.c.scatterMinLargeOutShare * s.sInFen) {
			this.rules.largeOutflow(s, leg, t, sink);
		}
		boolean small = amount <= this.c.batchMaxPayoutFen;
		if (small && (s.batchStart == AccountState.NONE || t - s.batchStart > this.c.batchSpanMillis)) {
			this.rules.closeBatch(s);
			s.batchStart = t;
		}
		int slot = s.sampled(h) ? s.findOrInsert(h, this.c.maxCounterparties) : -1;
		if (slot >= 0) {
			s.cp[slot + 2] |= 0x80000000;
		}
		if (!small) {
			return;
		}
		s.batchCount++;
		s.batchFen += amount;
		if (slot >= 0) {
			int paid = s.cp[slot + 1];
			s.batchSampled++;
			if (s.bN > 0 && s.cp[slot + 3] == s.bN) {
				s.batchRepeat++;
			}
			s.cp[slot + 3] = s.bN + 1;
			if (paid > 0 && amount <= this.c.batchMaxReturnShare * paid * 100) {
				s.batchKnown++;
				s.batchKnownPayoutFen += amount;
				s.batchKnownPaidYuan += paid;
			}
		}
		if (s.batchCount >= this.c.batchMinPayees) {
			this.rules.checkBatch(s, leg, sink);
		}
	}

}
