package org.fangfei.detect.engine;

/**
 * The layout of an account's record in an {@link AccountStore} page, and one named
 * accessor per field, so that the detector reads {@code s.scatterCount()} instead of an
 * index into a {@code long[]}. {@link AccountState} (a view of one record) inherits the
 * accessors; they are final and tiny, so the JIT inlines them into the same loads and
 * stores as indexing the array by hand.
 *
 * <p>
 * Naming, which {@code AccountRecordLayoutTest} reads to check that no two fields share a
 * bit and that every field lies inside the record:
 * <ul>
 * <li>{@code L_X} — a long field at long index X of the record;</li>
 * <li>{@code I_X} — an int field at int index X: the low half of long X/2 when X is even,
 * the high half when odd (two ints share a long so that the fields a leg needs fit in few
 * cache lines);</li>
 * <li>{@code X_AT} with {@code X_LONGS} — a block of longs (the day ring, the first
 * inflow times, the kept outflows, the cool-down times);</li>
 * <li>{@code STRIDE} — longs per record;</li>
 * <li>{@code CP_X} and {@code INFO_X} — an int of a counterparty table slot, and the bit
 * fields of its info int.</li>
 * </ul>
 * The fields a leg needs come first. See {@code docs/detector.md} for what each part is
 * for.
 */
abstract class AccountRecord {

	// Times and days.

	/** Time (epoch millis) of the latest leg, or {@link AccountState#NONE}. */
	static final int L_LAST_TIME = 0;

	/** Time of the first leg, or {@link AccountState#NONE}. */
	static final int L_FIRST_TIME = 1;

	/** Epoch day of the first leg. */
	static final int I_FIRST_DAY = 4;

	/** Epoch day the ring was last moved to ({@link Integer#MIN_VALUE} = never). */
	static final int I_CUR_DAY = 5;

	/** Bit i set when day slot i of the ring holds inflows. */
	static final int I_RING_USED = 6;

	// The counterparty table.

	/**
	 * Sampling level L: only counterparties whose hash has ≥ L leading zeros are kept.
	 */
	static final int I_LEVEL = 7;

	/** Where the table starts in the store's counterparty pages. */
	static final int I_TABLE_OFFSET = 8;

	/** Slots of the table (a power of two), 0 = no table yet. */
	static final int I_TABLE_SLOTS = 9;

	/** Counterparties in the table. */
	static final int I_TABLE_SIZE = 10;

	/** Large outflows kept (at most {@link AccountState#OUTS}). */
	static final int I_OUT_N = 11;

	// Running sums over the scatter window.

	static final int L_SCATTER_IN_FEN = 6;

	static final int I_SCATTER_COUNT = 14;

	static final int I_SCATTER_DISTINCT = 15;

	static final int I_SCATTER_NEW = 16;

	static final int I_SCATTER_BIG = 17;

	// Running sums over the surge window.

	static final int L_SURGE_IN_FEN = 9;

	static final int I_SURGE_COUNT = 20;

	static final int I_SURGE_NEW = 21;

	/** New counterparties over the account's life (estimate when sampling). */
	static final int L_TOTAL_NEW = 11;

	// The current batch of small outflows.

	static final int L_BATCH_START = 12;

	static final int I_BATCH_COUNT = 26;

	static final int I_BATCH_SAMPLED = 27;

	static final int I_BATCH_KNOWN = 28;

	static final int I_BATCH_REPEAT = 29;

	static final int L_BATCH_FEN = 15;

	static final int L_BATCH_KNOWN_PAYOUT_FEN = 16;

	static final int L_BATCH_KNOWN_PAID_YUAN = 17;

	/** Batches recorded so far (the last {@link AccountState#BATCHES} are kept). */
	static final int I_BATCHES = 36;

	// Memo inflows: two half-window buckets, current and previous.

	static final int I_MEMO_CUR_WORDS = 37;

	static final int L_MEMO_BUCKET = 19;

	static final int I_MEMO_CUR_PAYERS = 40;

	static final int I_MEMO_PREV_PAYERS = 41;

	static final int I_MEMO_CUR_TX = 42;

	static final int I_MEMO_PREV_TX = 43;

	static final int L_MEMO_CUR_FEN = 108; // the first long after HOT_LONGS

	static final int L_MEMO_PREV_FEN = 109;

	static final int L_MEMO_CUR_FIRST = 110;

	static final int L_MEMO_PREV_FIRST = 111;

	static final int I_MEMO_PREV_WORDS = 52;

	// Investors (new payers of big tickets), returns to them and lumps out: two
	// half-window buckets, current and previous.

	/** Bucket number (day / half the investor window) of the current bucket. */
	static final int I_INV_BUCKET = 53;

	static final int I_INV_CUR = 54;

	static final int I_INV_PREV = 55;

	static final int I_RET_CUR = 56;

	static final int I_RET_PREV = 57;

	static final int L_INV_CUR_FEN = 29;

	static final int L_INV_PREV_FEN = 30;

	/** All inflow of the current bucket. */
	static final int L_IN_CUR_FEN = 31;

	// Blocks.

	/** The day ring: per day slot three longs — fen; count | big; distinct | new. */
	static final int RING_AT = 32;

	static final int RING_LONGS = 16 * 3;

	/** Per day slot an int: millis of the day's first inflow + 1 (0 = none). */
	static final int FIRST_MS_AT = RING_AT + RING_LONGS;

	static final int FIRST_MS_LONGS = 16 / 2;

	/**
	 * The large outflows kept for the gather-out test, five longs each: time, fen,
	 * transfer id packed in two longs, payee account id | flags.
	 */
	static final int OUT_AT = FIRST_MS_AT + FIRST_MS_LONGS;

	static final int OUT_LONGS = 4 * 5;

	/**
	 * The longs a leg may touch: {@link AccountStore#prefetchRecord} loads these. The
	 * fields after them are read or written only when something rare happens (a memo
	 * inflow, a new investor, a rule about to fire, a guard holding one back).
	 */
	static final int HOT_LONGS = OUT_AT + OUT_LONGS;

	static {
		if (L_MEMO_CUR_FEN != HOT_LONGS) {
			throw new AssertionError("the cold fields start after HOT_LONGS");
		}
	}

	static final int L_IN_PREV_FEN = 22;

	/**
	 * Outflows to accounts that never paid in, each ≥ a share of the investors' money.
	 */
	static final int L_LUMP_CUR_FEN = 23;

	static final int L_LUMP_PREV_FEN = 24;

	/** Investors over the account's life (estimate when sampling). */
	static final int L_INV_TOTAL = L_MEMO_PREV_FIRST + 1;

	/**
	 * The last inflow's fen (low 48 bits) and how many inflows in a row had exactly that
	 * amount (high 16 bits, saturating): a fixed-price unit or entry fee.
	 */
	static final int L_UNIT = 25;

	/** Bits of {@link Considered}: why a rule was held back for this account. */
	static final int L_CONSIDERED = L_INV_TOTAL + 1;

	/** Last alert time per pattern (by ordinal), for the cool-down. */
	static final int LAST_ALERT_AT = L_CONSIDERED + 1;

	static final int LAST_ALERT_LONGS = 6;

	/** Longs per account record (960 bytes). */
	static final int STRIDE = LAST_ALERT_AT + LAST_ALERT_LONGS;

	// A slot of the counterparty table: four ints.

	/** The counterparty's hash ({@link AccountState#hash(String)}), 0 = empty slot. */
	static final int CP_HASH = 0;

	/** Yuan it paid in, saturating. */
	static final int CP_YUAN = 1;

	/** Bit fields {@code INFO_*}. */
	static final int CP_INFO = 2;

	/** Number of the last batch of small payouts it received. */
	static final int CP_BATCH = 3;

	static final int CP_INTS = 4;

	/** Day (relative to the first day, + 1) of its last inflow, 0 = none. */
	static final int INFO_IN_DAY = 0x0000FFFF;

	/** Day (relative, + 1) its last memo inflow counted, 0 = none. */
	static final int INFO_MEMO_DAY = 0x7FFF0000;

	private static final int INFO_MEMO_DAY_SHIFT = 16;

	/** Set once the account paid it (a payer that was paid first is not a memo payer). */
	static final int INFO_PAYEE = 0x80000000;

	/** The page of the record and the record's first index in it. */
	long[] a;

	int b;

	// The raw fields: only for the accessors below and the blocks of AccountState.

	static long getLong(long[] a, int b, int field) {
		return a[b + field];
	}

	static int getInt(long[] a, int b, int field) {
		long v = a[b + (field >>> 1)];
		return ((field & 1) == 0) ? (int) v : (int) (v >>> 32);
	}

	static void setInt(long[] a, int b, int field, int x) {
		int i = b + (field >>> 1);
		long v = a[i];
		a[i] = ((field & 1) == 0) ? (v & 0xFFFFFFFF00000000L) | (x & 0xFFFFFFFFL)
				: (v & 0xFFFFFFFFL) | ((long) x << 32);
	}

	final long getl(int field) {
		return this.a[this.b + field];
	}

	final void setl(int field, long v) {
		this.a[this.b + field] = v;
	}

	final int geti(int field) {
		return getInt(this.a, this.b, field);
	}

	final void seti(int field, int x) {
		setInt(this.a, this.b, field, x);
	}

	// Times and days.

	final long lastTime() {
		return getl(L_LAST_TIME);
	}

	final void lastTime(long t) {
		setl(L_LAST_TIME, t);
	}

	final long firstTime() {
		return getl(L_FIRST_TIME);
	}

	final void firstTime(long t) {
		setl(L_FIRST_TIME, t);
	}

	final int firstDay() {
		return geti(I_FIRST_DAY);
	}

	final void firstDay(int day) {
		seti(I_FIRST_DAY, day);
	}

	final int curDay() {
		return geti(I_CUR_DAY);
	}

	final void curDay(int day) {
		seti(I_CUR_DAY, day);
	}

	final int ringUsed() {
		return geti(I_RING_USED);
	}

	final void ringUsed(int bits) {
		seti(I_RING_USED, bits);
	}

	// The counterparty table.

	final int level() {
		return geti(I_LEVEL);
	}

	final void level(int level) {
		seti(I_LEVEL, level);
	}

	final int tableOffset() {
		return geti(I_TABLE_OFFSET);
	}

	final void tableOffset(int offset) {
		seti(I_TABLE_OFFSET, offset);
	}

	final int tableSlots() {
		return geti(I_TABLE_SLOTS);
	}

	final void tableSlots(int slots) {
		seti(I_TABLE_SLOTS, slots);
	}

	static int tableOffset(long[] a, int b) {
		return getInt(a, b, I_TABLE_OFFSET);
	}

	static int tableSlots(long[] a, int b) {
		return getInt(a, b, I_TABLE_SLOTS);
	}

	final int tableSize() {
		return geti(I_TABLE_SIZE);
	}

	final void tableSize(int size) {
		seti(I_TABLE_SIZE, size);
	}

	final int outN() {
		return geti(I_OUT_N);
	}

	final void outN(int n) {
		seti(I_OUT_N, n);
	}

	// The scatter window.

	final long scatterInFen() {
		return getl(L_SCATTER_IN_FEN);
	}

	final void scatterInFen(long fen) {
		setl(L_SCATTER_IN_FEN, fen);
	}

	final int scatterCount() {
		return geti(I_SCATTER_COUNT);
	}

	final void scatterCount(int n) {
		seti(I_SCATTER_COUNT, n);
	}

	final int scatterDistinct() {
		return geti(I_SCATTER_DISTINCT);
	}

	final void scatterDistinct(int n) {
		seti(I_SCATTER_DISTINCT, n);
	}

	final int scatterNew() {
		return geti(I_SCATTER_NEW);
	}

	final void scatterNew(int n) {
		seti(I_SCATTER_NEW, n);
	}

	final int scatterBig() {
		return geti(I_SCATTER_BIG);
	}

	final void scatterBig(int n) {
		seti(I_SCATTER_BIG, n);
	}

	// The surge window.

	final long surgeInFen() {
		return getl(L_SURGE_IN_FEN);
	}

	final void surgeInFen(long fen) {
		setl(L_SURGE_IN_FEN, fen);
	}

	final int surgeCount() {
		return geti(I_SURGE_COUNT);
	}

	final void surgeCount(int n) {
		seti(I_SURGE_COUNT, n);
	}

	final int surgeNew() {
		return geti(I_SURGE_NEW);
	}

	final void surgeNew(int n) {
		seti(I_SURGE_NEW, n);
	}

	final long totalNew() {
		return getl(L_TOTAL_NEW);
	}

	final void totalNew(long n) {
		setl(L_TOTAL_NEW, n);
	}

	// The current batch.

	final long batchStart() {
		return getl(L_BATCH_START);
	}

	final void batchStart(long t) {
		setl(L_BATCH_START, t);
	}

	final int batchCount() {
		return geti(I_BATCH_COUNT);
	}

	final void batchCount(int n) {
		seti(I_BATCH_COUNT, n);
	}

	final int batchSampled() {
		return geti(I_BATCH_SAMPLED);
	}

	final void batchSampled(int n) {
		seti(I_BATCH_SAMPLED, n);
	}

	final int batchKnown() {
		return geti(I_BATCH_KNOWN);
	}

	final void batchKnown(int n) {
		seti(I_BATCH_KNOWN, n);
	}

	final int batchRepeat() {
		return geti(I_BATCH_REPEAT);
	}

	final void batchRepeat(int n) {
		seti(I_BATCH_REPEAT, n);
	}

	final long batchFen() {
		return getl(L_BATCH_FEN);
	}

	final void batchFen(long fen) {
		setl(L_BATCH_FEN, fen);
	}

	final long batchKnownPayoutFen() {
		return getl(L_BATCH_KNOWN_PAYOUT_FEN);
	}

	final void batchKnownPayoutFen(long fen) {
		setl(L_BATCH_KNOWN_PAYOUT_FEN, fen);
	}

	final long batchKnownPaidYuan() {
		return getl(L_BATCH_KNOWN_PAID_YUAN);
	}

	final void batchKnownPaidYuan(long yuan) {
		setl(L_BATCH_KNOWN_PAID_YUAN, yuan);
	}

	final int batches() {
		return geti(I_BATCHES);
	}

	final void batches(int n) {
		seti(I_BATCHES, n);
	}

	// Memo buckets.

	final long memoBucket() {
		return getl(L_MEMO_BUCKET);
	}

	final void memoBucket(long bucket) {
		setl(L_MEMO_BUCKET, bucket);
	}

	final int memoCurWords() {
		return geti(I_MEMO_CUR_WORDS);
	}

	final void memoCurWords(int bits) {
		seti(I_MEMO_CUR_WORDS, bits);
	}

	final int memoPrevWords() {
		return geti(I_MEMO_PREV_WORDS);
	}

	final void memoPrevWords(int bits) {
		seti(I_MEMO_PREV_WORDS, bits);
	}

	final int memoCurPayers() {
		return geti(I_MEMO_CUR_PAYERS);
	}

	final void memoCurPayers(int n) {
		seti(I_MEMO_CUR_PAYERS, n);
	}

	final int memoPrevPayers() {
		return geti(I_MEMO_PREV_PAYERS);
	}

	final void memoPrevPayers(int n) {
		seti(I_MEMO_PREV_PAYERS, n);
	}

	final int memoCurTx() {
		return geti(I_MEMO_CUR_TX);
	}

	final void memoCurTx(int n) {
		seti(I_MEMO_CUR_TX, n);
	}

	final int memoPrevTx() {
		return geti(I_MEMO_PREV_TX);
	}

	final void memoPrevTx(int n) {
		seti(I_MEMO_PREV_TX, n);
	}

	final long memoCurFen() {
		return getl(L_MEMO_CUR_FEN);
	}

	final void memoCurFen(long fen) {
		setl(L_MEMO_CUR_FEN, fen);
	}

	final long memoPrevFen() {
		return getl(L_MEMO_PREV_FEN);
	}

	final void memoPrevFen(long fen) {
		setl(L_MEMO_PREV_FEN, fen);
	}

	final long memoCurFirst() {
		return getl(L_MEMO_CUR_FIRST);
	}

	final void memoCurFirst(long t) {
		setl(L_MEMO_CUR_FIRST, t);
	}

	final long memoPrevFirst() {
		return getl(L_MEMO_PREV_FIRST);
	}

	final void memoPrevFirst(long t) {
		setl(L_MEMO_PREV_FIRST, t);
	}

	// Investors, returns and lumps.

	final int invBucket() {
		return geti(I_INV_BUCKET);
	}

	final void invBucket(int v) {
		seti(I_INV_BUCKET, v);
	}

	final int invCur() {
		return geti(I_INV_CUR);
	}

	final void invCur(int v) {
		seti(I_INV_CUR, v);
	}

	final int invPrev() {
		return geti(I_INV_PREV);
	}

	final void invPrev(int v) {
		seti(I_INV_PREV, v);
	}

	final int retCur() {
		return geti(I_RET_CUR);
	}

	final void retCur(int v) {
		seti(I_RET_CUR, v);
	}

	final int retPrev() {
		return geti(I_RET_PREV);
	}

	final void retPrev(int v) {
		seti(I_RET_PREV, v);
	}

	final long invCurFen() {
		return getl(L_INV_CUR_FEN);
	}

	final void invCurFen(long v) {
		setl(L_INV_CUR_FEN, v);
	}

	final long invPrevFen() {
		return getl(L_INV_PREV_FEN);
	}

	final void invPrevFen(long v) {
		setl(L_INV_PREV_FEN, v);
	}

	final long inCurFen() {
		return getl(L_IN_CUR_FEN);
	}

	final void inCurFen(long v) {
		setl(L_IN_CUR_FEN, v);
	}

	final long inPrevFen() {
		return getl(L_IN_PREV_FEN);
	}

	final void inPrevFen(long v) {
		setl(L_IN_PREV_FEN, v);
	}

	final long lumpCurFen() {
		return getl(L_LUMP_CUR_FEN);
	}

	final void lumpCurFen(long v) {
		setl(L_LUMP_CUR_FEN, v);
	}

	final long lumpPrevFen() {
		return getl(L_LUMP_PREV_FEN);
	}

	final void lumpPrevFen(long v) {
		setl(L_LUMP_PREV_FEN, v);
	}

	final long invTotal() {
		return getl(L_INV_TOTAL);
	}

	final void invTotal(long v) {
		setl(L_INV_TOTAL, v);
	}

	final long unit() {
		return getl(L_UNIT);
	}

	final void unit(long v) {
		setl(L_UNIT, v);
	}

	/** Inflows in a row of exactly the same amount, the latest included, of a unit. */
	static int unitRun(long unit) {
		return (int) (unit >>> 48);
	}

	/** The amount of a unit, fen. */
	static long unitFen(long unit) {
		return unit & UNIT_FEN;
	}

	/** Counts an inflow of {@code fen} in the run of equal amounts. */
	final void countUnit(long fen) {
		long u = getl(L_UNIT);
		long run = ((u & UNIT_FEN) == fen) ? Math.min(0xFFFF, (u >>> 48) + 1) : 1;
		setl(L_UNIT, (run << 48) | (fen & UNIT_FEN));
	}

	private static final long UNIT_FEN = (1L << 48) - 1;

	final int considered() {
		return (int) getl(L_CONSIDERED);
	}

	final void considered(int bits) {
		setl(L_CONSIDERED, bits);
	}

	/** Notes that a look-alike guard held a rule back. */
	final void consider(Considered reason) {
		setl(L_CONSIDERED, getl(L_CONSIDERED) | reason.bit());
	}

	// Blocks.

	/** Time of the last alert of the pattern with that ordinal, or NONE. */
	final long lastAlert(int pattern) {
		return this.a[this.b + LAST_ALERT_AT + pattern];
	}

	final void lastAlert(int pattern, long time) {
		this.a[this.b + LAST_ALERT_AT + pattern] = time;
	}

	/** Fen of the inflows of day slot {@code slot}. */
	final long dayFen(int slot) {
		return this.a[this.b + RING_AT + slot * 3];
	}

	/** Number of inflows of day slot {@code slot} (0 = the slot is unused). */
	final int dayCount(int slot) {
		return (int) (this.a[this.b + RING_AT + slot * 3 + 1] >>> 32);
	}

	/** Inflows of at least {@code scatter.bigTicketYuan} of day slot {@code slot}. */
	final int dayBig(int slot) {
		return (int) this.a[this.b + RING_AT + slot * 3 + 1];
	}

	/** Payers of day slot {@code slot} not seen within the scatter window before. */
	final int dayDistinct(int slot) {
		return (int) (this.a[this.b + RING_AT + slot * 3 + 2] >>> 32);
	}

	/** Payers of day slot {@code slot} never seen before (weighted when sampling). */
	final int dayNew(int slot) {
		return (int) this.a[this.b + RING_AT + slot * 3 + 2];
	}

	/** Adds one inflow to day slot {@code slot}. */
	final void addToDay(int slot, long fen, int big, int distinct, int fresh) {
		long[] r = this.a;
		int x = this.b + RING_AT + slot * 3;
		r[x] += fen;
		r[x + 1] += (1L << 32) | big;
		r[x + 2] += ((long) distinct << 32) | fresh;
	}

	/** Empties day slot {@code slot} for reuse. */
	final void clearDay(int slot) {
		long[] r = this.a;
		int x = this.b + RING_AT + slot * 3;
		r[x] = 0;
		r[x + 1] = 0;
		r[x + 2] = 0;
		firstMs(slot, -1);
	}

	/** Long {@code k} (0–2) of day slot {@code slot} as stored (the binary form). */
	final long dayWord(int slot, int k) {
		return this.a[this.b + RING_AT + slot * 3 + k];
	}

	final void dayWord(int slot, int k, long v) {
		this.a[this.b + RING_AT + slot * 3 + k] = v;
	}

	/** Millis (within its day) of the first inflow of day slot {@code slot}, or -1. */
	final long firstMs(int slot) {
		return geti(2 * FIRST_MS_AT + slot) - 1L;
	}

	final void firstMs(int slot, long millis) {
		seti(2 * FIRST_MS_AT + slot, (int) (millis + 1));
	}

	// A slot of the counterparty table: j is the index of its first int in the page.

	static int paidInYuan(int[] t, int j) {
		return t[j + CP_YUAN];
	}

	static void paidInYuan(int[] t, int j, int yuan) {
		t[j + CP_YUAN] = yuan;
	}

	static int lastInDay(int[] t, int j) {
		return t[j + CP_INFO] & INFO_IN_DAY;
	}

	static void lastInDay(int[] t, int j, int rel) {
		t[j + CP_INFO] = (t[j + CP_INFO] & ~INFO_IN_DAY) | rel;
	}

	static int lastMemoDay(int[] t, int j) {
		return (t[j + CP_INFO] & INFO_MEMO_DAY) >>> INFO_MEMO_DAY_SHIFT;
	}

	static void lastMemoDay(int[] t, int j, int rel) {
		t[j + CP_INFO] = (t[j + CP_INFO] & ~INFO_MEMO_DAY) | (rel << INFO_MEMO_DAY_SHIFT);
	}

	static boolean wasPayee(int[] t, int j) {
		return (t[j + CP_INFO] & INFO_PAYEE) != 0;
	}

	static void markPayee(int[] t, int j) {
		t[j + CP_INFO] |= INFO_PAYEE;
	}

	static int lastBatch(int[] t, int j) {
		return t[j + CP_BATCH];
	}

	static void lastBatch(int[] t, int j, int batch) {
		t[j + CP_BATCH] = batch;
	}

}
