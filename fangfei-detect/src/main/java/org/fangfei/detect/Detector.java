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

	/**
	 * Processes one leg of the account whose state is given (a state of its own or a view
	 * from {@link AccountStore#at(int)}).
	 */
	public void onLeg(AccountState s, Leg leg, AlertSink sink) {
		long t = leg.time;
		int day = (int) Math.floorDiv(t, DAY);
		if (s.getl(AccountState.L_FIRST_TIME) == AccountState.NONE) {
			s.setl(AccountState.L_FIRST_TIME, t);
			s.seti(AccountState.FIRST_DAY, day);
		}
		s.setl(AccountState.L_LAST_TIME, t);
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
		int level = s.geti(AccountState.LEVEL);
		int weight = 1 << level;
		boolean sampled = Integer.numberOfLeadingZeros(h) >= level;
		int firstDay = s.geti(AccountState.FIRST_DAY);
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
				int info = s.cp()[slot + 2];
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
		long[] r = s.a;
		int ds = day & AccountState.MASK;
		int d = s.ring(ds);
		if ((r[d + 1] >>> 32) == 0) {
			// The day's first inflow (its count is zero until now).
			s.firstMs(ds, t - (long) day * DAY);
			s.seti(AccountState.RING_USED, s.geti(AccountState.RING_USED) | (1 << ds));
		}
		r[d] += amount;
		r[d + 1] += (1L << 32) | big;
		r[d + 2] += ((long) wd << 32) | w;
		s.setl(AccountState.L_S_IN_FEN, s.getl(AccountState.L_S_IN_FEN) + amount);
		s.addi(AccountState.S_COUNT, 1);
		s.addi(AccountState.S_DISTINCT, wd);
		s.addi(AccountState.S_NEW, w);
		s.addi(AccountState.S_BIG, big);
		s.setl(AccountState.L_G_IN_FEN, s.getl(AccountState.L_G_IN_FEN) + amount);
		s.addi(AccountState.G_COUNT, 1);
		s.addi(AccountState.G_NEW, w);
		s.setl(AccountState.L_TOTAL_NEW, s.getl(AccountState.L_TOTAL_NEW) + w);
		if (slot >= 0) {
			int[] cp = s.cp();
			long yuan = (amount + 99) / 100 + cp[slot + 1];
			cp[slot + 1] = (int) Math.min(Integer.MAX_VALUE, yuan);
			cp[slot + 2] = (cp[slot + 2] & 0xFFFF0000) | rel;
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
		long memoBucket = s.getl(AccountState.L_MEMO_BUCKET);
		if (bucket != memoBucket) {
			boolean next = memoBucket != AccountState.NONE && bucket == memoBucket + 1;
			s.seti(AccountState.MEMO_PREV_PAYERS, next ? s.geti(AccountState.MEMO_CUR_PAYERS) : 0);
			s.seti(AccountState.MEMO_PREV_TX, next ? s.geti(AccountState.MEMO_CUR_TX) : 0);
			s.setl(AccountState.L_MEMO_PREV_FEN, next ? s.getl(AccountState.L_MEMO_CUR_FEN) : 0);
			s.setl(AccountState.L_MEMO_PREV_FIRST, next ? s.getl(AccountState.L_MEMO_CUR_FIRST) : AccountState.NONE);
			s.seti(AccountState.MEMO_PREV_WORDS, next ? s.geti(AccountState.MEMO_CUR_WORDS) : 0);
			s.seti(AccountState.MEMO_CUR_PAYERS, 0);
			s.seti(AccountState.MEMO_CUR_TX, 0);
			s.setl(AccountState.L_MEMO_CUR_FEN, 0);
			s.setl(AccountState.L_MEMO_CUR_FIRST, AccountState.NONE);
			s.seti(AccountState.MEMO_CUR_WORDS, 0);
			s.setl(AccountState.L_MEMO_BUCKET, bucket);
		}
		if (s.getl(AccountState.L_MEMO_CUR_FIRST) == AccountState.NONE) {
			s.setl(AccountState.L_MEMO_CUR_FIRST, t);
		}
		s.addi(AccountState.MEMO_CUR_TX, 1);
		s.setl(AccountState.L_MEMO_CUR_FEN, s.getl(AccountState.L_MEMO_CUR_FEN) + leg.amountFen);
		s.seti(AccountState.MEMO_CUR_WORDS, s.geti(AccountState.MEMO_CUR_WORDS) | words);
		if (!counts) {
			return;
		}
		int firstDay = s.geti(AccountState.FIRST_DAY);
		boolean inWindow = memoRel != 0 && Math.floorDiv(firstDay + memoRel - 1, half) >= bucket - 1;
		if (!inWindow) {
			s.addi(AccountState.MEMO_CUR_PAYERS, weight);
		}
		if (slot >= 0) {
			int rel = Math.min(day - firstDay + 1, 0x7FFF);
			int[] cp = s.cp();
			cp[slot + 2] = (cp[slot + 2] & 0x8000FFFF) | (rel << 16);
		}
		if (!inWindow) {
			this.rules.checkMemo(s, leg, sink);
		}
	}

	private void outflow(AccountState s, Leg leg, long t, int h, AlertSink sink) {
		long amount = leg.amountFen;
		long sInFen = s.getl(AccountState.L_S_IN_FEN);
		if (sInFen > 0 && amount >= this.c.scatterMinLargeOutShare * sInFen) {
			this.rules.largeOutflow(s, leg, t, sink);
		}
		boolean small = amount <= this.c.batchMaxPayoutFen;
		if (small) {
			long batchStart = s.getl(AccountState.L_BATCH_START);
			if (batchStart == AccountState.NONE || t - batchStart > this.c.batchSpanMillis) {
				this.rules.closeBatch(s);
				s.setl(AccountState.L_BATCH_START, t);
			}
		}
		int slot = s.sampled(h) ? s.findOrInsert(h, this.c.maxCounterparties) : -1;
		int[] cp = (slot >= 0) ? s.cp() : null;
		if (slot >= 0) {
			cp[slot + 2] |= 0x80000000;
		}
		if (!small) {
			return;
		}
		s.addi(AccountState.BATCH_COUNT, 1);
		s.setl(AccountState.L_BATCH_FEN, s.getl(AccountState.L_BATCH_FEN) + amount);
		if (slot >= 0) {
			int paid = cp[slot + 1];
			int bN = s.geti(AccountState.B_N);
			s.addi(AccountState.BATCH_SAMPLED, 1);
			if (bN > 0 && cp[slot + 3] == bN) {
				s.addi(AccountState.BATCH_REPEAT, 1);
			}
			cp[slot + 3] = bN + 1;
			if (paid > 0 && amount <= this.c.batchMaxReturnShare * paid * 100) {
				s.addi(AccountState.BATCH_KNOWN, 1);
				s.setl(AccountState.L_BATCH_KNOWN_PAYOUT_FEN, s.getl(AccountState.L_BATCH_KNOWN_PAYOUT_FEN) + amount);
				s.setl(AccountState.L_BATCH_KNOWN_PAID_YUAN, s.getl(AccountState.L_BATCH_KNOWN_PAID_YUAN) + paid);
			}
		}
		if (s.geti(AccountState.BATCH_COUNT) >= this.c.batchMinPayees) {
			this.rules.checkBatch(s, leg, sink);
		}
	}

}
