package org.fangfei.detect.graph;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.fangfei.detect.Alert;
import org.fangfei.detect.AlertSink;
import org.fangfei.detect.Pattern;
import org.fangfei.detect.io.Transfer;

/**
 * Cross-account payback (跨账户回流付息): investors pay into a collector A, A passes a large sum
 * to B, and B makes first small payments ("interest") to those same investors — one
 * account collects, another pays. Fed every transfer in (time, seq) order, by
 * {@code scan} and by the Flink job alike, so both raise the same alerts.
 * <p>
 * The state is four direct-mapped tables of fixed size (a key's slot is its hash; a new
 * key in a taken slot evicts the old one), so memory does not grow with the stream:
 * {@link #BYTES} in all. Eviction only forgets: an evicted investment or link is not
 * matched later, which can lose an alert, never invent one.
 * <p>
 * Look-alike: an employee share plan forwards the subscription to the company, which pays
 * the employees — but it paid them wages before they subscribed. A payment to an investor
 * whom B had paid at least {@link #WAGE_FEN} before the investment is a wage, not a
 * return; when wages are as many as returns the account is held back
 * ({@link #heldBack()}).
 */
public final class GraphStage {

	/** What the stage needs of the detector's configuration. */
	public record Settings(long minTicketFen, long minLinkFen, double minReturnShare, double maxReturnShare,
			int minReturns, int windowDays, long cooldownMillis, int minHistoryDays) implements java.io.Serializable {
	}

	static final long DAY = 86_400_000L;

	/**
	 * Payments from an account to a person of at least this (yuan 1,000) are remembered
	 * as possible wages.
	 */
	static final long WAGE_FEN = 100_000;

	private static final int INV_BITS = 20;

	private static final int PAID_BITS = 21;

	private static final int LINK_BITS = 16;

	/** The smallest tables: 2^10 slots. */
	private static final int MIN_BITS = 10;

	private final int invBits;

	private final int paidBits;

	private final int linkBits;

	/**
	 * Bytes of all tables at full size: investments, payments, links and return counts.
	 */
	public static final long BYTES = bytes(INV_BITS, PAID_BITS, LINK_BITS);

	private final Settings c;

	/** Day of the earliest transfer seen. */
	private int firstDay = Integer.MAX_VALUE;

	/** Investor → collector pair: (day of the last ticket) << 32 | yuan paid in. */
	private final long[] invKey;

	private final long[] invVal;

	/** Payer → payee pair: day of the first payment + 1. */
	private final long[] paidKey;

	private final long[] paidVal;

	/** B → its last two funders (account hashes) and the time of the last link. */
	private final long[] linkKey;

	private final int[] funder1;

	private final int[] funder2;

	/** The last funder's account number (for the explanation). */
	private final String[] funderName;

	private final long[] linkFen;

	private final long[] linkTime;

	/**
	 * B → the returns of its window: start day, returns, wages, fen, first time, last
	 * alert.
	 */
	private final long[] retKey;

	private final int[] retStart;

	private final int[] returns;

	private final int[] wages;

	private final long[] retFen;

	private final long[] retFirst;

	private final long[] lastAlert;

	/** Accounts held back as a share plan's company (at most {@link #MAX_HELD} kept). */
	private final java.util.Set<String> heldBack = new java.util.TreeSet<>();

	static final int MAX_HELD = 1 << 16;

	/** The accounts of a transfer, asked for only when an alert is raised. */
	public interface Names {

		String payer();

		String payee();

		String txId();

	}

	/** A stage with tables of full size ({@link #BYTES}), for streams of any length. */
	public GraphStage(Settings settings) {
		this(settings, INV_BITS, PAID_BITS, LINK_BITS);
	}

	/**
	 * A stage sized to a stream of at most {@code transfers} transfers (a monitoring
	 * batch): every table has at least four slots per transfer (each transfer adds at
	 * most one key to each), at least 2^10 and at most the full size.
	 */
	public GraphStage(Settings settings, long transfers) {
		this(settings, bitsFor(transfers, INV_BITS), bitsFor(transfers, PAID_BITS), bitsFor(transfers, LINK_BITS));
	}

	private GraphStage(Settings settings, int invBits, int paidBits, int linkBits) {
		this.c = settings;
		this.invBits = invBits;
		this.paidBits = paidBits;
		this.linkBits = linkBits;
		this.invKey = new long[1 << invBits];
		this.invVal = new long[1 << invBits];
		this.paidKey = new long[1 << paidBits];
		this.paidVal = new long[1 << paidBits];
		int links = 1 << linkBits;
		this.linkKey = new long[links];
		this.funder1 = new int[links];
		this.funder2 = new int[links];
		this.funderName = new String[links];
		this.linkFen = new long[links];
		this.linkTime = new long[links];
		this.retKey = new long[links];
		this.retStart = new int[links];
		this.returns = new int[links];
		this.wages = new int[links];
		this.retFen = new long[links];
		this.retFirst = new long[links];
		this.lastAlert = new long[links];
	}

	private static int bitsFor(long transfers, int full) {
		int bits = 64 - Long.numberOfLeadingZeros(Math.max(1, transfers - 1)) + 2;
		return Math.max(MIN_BITS, Math.min(full, bits));
	}

	private static long bytes(int invBits, int paidBits, int linkBits) {
		return (1L << invBits) * 16 + (1L << paidBits) * 16 + (1L << linkBits) * (32 + 8) + (1L << linkBits) * 44;
	}

	/** Bytes of this stage's tables. */
	public long bytes() {
		return bytes(this.invBits, this.paidBits, this.linkBits);
	}

	/**
	 * The hash of an account number that the stage (and the detector's counterparty
	 * tables) key by.
	 */
	public static int hash(String account) {
		int h = account.hashCode() * 0x9E3779B9;
		h ^= h >>> 16;
		h *= 0x85EBCA6B;
		h ^= h >>> 13;
		return (h == 0) ? 1 : h;
	}

	/**
	 * One transfer, in (time, seq) order: the one way every caller holding a
	 * {@link Transfer} feeds the stage (the Flink job, the application's monitoring
	 * batches, the detector's tests); {@code scan} feeds its packed rows to
	 * {@link #feed(long, int, int, long, Names, AlertSink)}, which this calls.
	 */
	public void feed(Transfer t, AlertSink sink) {
		feed(t.time(), hash(t.payerAccount()), hash(t.payeeAccount()), t.amountFen(), new TransferNames(t), sink);
	}

	/** A transfer's accounts and id, as the stage asks for them. */
	private record TransferNames(Transfer transfer) implements Names {

		@Override
		public String payer() {
			return this.transfer.payerAccount();
		}

		@Override
		public String payee() {
			return this.transfer.payeeAccount();
		}

		@Override
		public String txId() {
			return this.transfer.txId();
		}

	}

	/** Accounts held back as a share plan's company paying its employees. */
	public java.util.Set<String> heldBack() {
		return this.heldBack;
	}

	/**
	 * One transfer, in (time, seq) order; {@code payer} and {@code payee} are the
	 * {@link #hash(String)} of the two accounts.
	 */
	public void feed(long time, int payer, int payee, long fen, Names names, AlertSink sink) {
		int day = (int) Math.floorDiv(time, DAY);
		if (day < this.firstDay) {
			this.firstDay = day;
		}
		int li = slot(payer, this.linkBits);
		boolean funded = this.linkKey[li] == key(payer);
		// Cold start: in the stream's first weeks, wages paid before it began are not
		// seen, so an employer cannot be told from a paying account yet.
		if (funded && day - this.firstDay >= this.c.minHistoryDays()) {
			candidate(li, time, day, payer, payee, fen, names, sink);
		}
		if (fen >= WAGE_FEN || funded) {
			long k = pair(payer, payee);
			int pi = slot(k, this.paidBits);
			if (this.paidKey[pi] != k) {
				this.paidKey[pi] = k;
				this.paidVal[pi] = day + 1L;
			}
		}
		if (fen >= this.c.minTicketFen()) {
			long k = pair(payer, payee);
			int ii = slot(k, this.invBits);
			long yuan = fen / 100;
			if (this.invKey[ii] == k) {
				yuan += (int) this.invVal[ii];
			}
			this.invKey[ii] = k;
			this.invVal[ii] = ((long) day << 32) | Math.min(Integer.MAX_VALUE, yuan);
		}
		if (fen >= this.c.minLinkFen()) {
			int bi = slot(payee, this.linkBits);
			if (this.linkKey[bi] != key(payee)) {
				this.linkKey[bi] = key(payee);
				this.funder1[bi] = payer;
				this.funder2[bi] = payer;
				this.funderName[bi] = names.payer();
				this.linkFen[bi] = 0;
			}
			else if (this.funder1[bi] != payer) {
				this.funder2[bi] = this.funder1[bi];
				this.funder1[bi] = payer;
				this.funderName[bi] = names.payer();
			}
			this.linkFen[bi] += fen;
			this.linkTime[bi] = time;
		}
	}

	/**
	 * B (funded) pays a person: a return when the person invested in one of B's funders.
	 */
	private void candidate(int li, long time, int day, int b, int p, long fen, Names names, AlertSink sink) {
		int funder = this.funder1[li];
		int inv = slot(pair(p, funder), this.invBits);
		if (this.invKey[inv] != pair(p, funder)) {
			funder = this.funder2[li];
			inv = slot(pair(p, funder), this.invBits);
			if (this.invKey[inv] != pair(p, funder)) {
				return;
			}
		}
		long v = this.invVal[inv];
		int invDay = (int) (v >> 32);
		double share = fen / ((int) v * 100.0);
		if (share < this.c.minReturnShare() || share > this.c.maxReturnShare()) {
			return;
		}
		long k = pair(b, p);
		int pi = slot(k, this.paidBits);
		boolean paidBefore = this.paidKey[pi] == k;
		if (paidBefore && this.paidVal[pi] - 1 >= invDay) {
			// Already paid since the investment: counted once.
			return;
		}
		int ri = slot(b, this.linkBits);
		if (this.retKey[ri] != key(b) || day - this.retStart[ri] >= this.c.windowDays()) {
			long last = (this.retKey[ri] == key(b)) ? this.lastAlert[ri] : Long.MIN_VALUE;
			this.retKey[ri] = key(b);
			this.retStart[ri] = day;
			this.returns[ri] = 0;
			this.wages[ri] = 0;
			this.retFen[ri] = 0;
			this.retFirst[ri] = time;
			this.lastAlert[ri] = last;
		}
		if (paidBefore) {
			// Paid (wages) before the person invested: an employer, as a share plan's
			// company is.
			this.wages[ri]++;
		}
		else {
			this.returns[ri]++;
			this.retFen[ri] += fen;
		}
		if (this.wages[ri] >= this.c.minReturns() && this.wages[ri] >= this.returns[ri]) {
			if (this.heldBack.size() < MAX_HELD) {
				this.heldBack.add(names.payer());
			}
			return;
		}
		if (this.returns[ri] < this.c.minReturns() || this.wages[ri] >= this.returns[ri]) {
			return;
		}
		if (this.lastAlert[ri] != Long.MIN_VALUE && time - this.lastAlert[ri] < this.c.cooldownMillis()) {
			return;
		}
		this.lastAlert[ri] = time;
		String account = names.payer();
		int n = this.returns[ri];
		long first = this.retFirst[ri];
		int score = (int) Math.min(100, 60 + 5L * (n - this.c.minReturns()) + 10);
		String text = "跨账户回流付息：" + this.c.windowDays() + "天内本账户首次向" + n + "个出资人小额转账，合计" + yuan(this.retFen[ri])
				+ "元，各为其出资的" + pct(this.c.minReturnShare()) + "–" + pct(this.c.maxReturnShare()) + "；这些人此前各向账户"
				+ funderText(li) + "转入≥" + yuan(this.c.minTicketFen()) + "元，而该账户此前已向本账户大额转入" + yuan(this.linkFen[li])
				+ "元（最近一笔" + TIME.format(Instant.ofEpochMilli(this.linkTime[li])) + "）——一个账户收款、另一个账户付息，资金经本账户回流给出资人"
				+ ((this.wages[ri] > 0) ? "（另有" + this.wages[ri] + "人此前领取过本账户工资，已按员工排除）" : "") + "；触发交易" + names.txId()
				+ "（" + TIME.format(Instant.ofEpochMilli(time)) + "，转给" + names.payee() + "，" + yuan(fen) + "元）。";
		sink.alert(new Alert(Alert.idOf(account, Pattern.INVESTOR_PAYBACK, first), account, Pattern.INVESTOR_PAYBACK,
				score, first, time, n, this.linkFen[li], this.retFen[ri], n, text));
	}

	private String funderText(int li) {
		return (this.funderName[li] != null) ? this.funderName[li] : "（出资收款账户）";
	}

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private static String yuan(long fen) {
		return String.format("%d.%02d", fen / 100, fen % 100);
	}

	private static String pct(double v) {
		return Math.round(v * 1000) / 10.0 + "%";
	}

	private static long key(int account) {
		return 0x1_0000_0000L | (account & 0xFFFF_FFFFL);
	}

	private static long pair(int payer, int payee) {
		long k = ((long) payer << 32) | (payee & 0xFFFF_FFFFL);
		return (k == 0) ? 1 : k;
	}

	private static int slot(long k, int bits) {
		long h = k * 0x9E37_79B9_7F4A_7C15L;
		return (int) (h >>> (64 - bits));
	}

}
