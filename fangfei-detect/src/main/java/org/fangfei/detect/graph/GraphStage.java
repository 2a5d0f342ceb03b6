package org.fangfei.detect.graph;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.fangfei.detect.Alert;
import org.fangfei.detect.AlertSink;
import org.fangfei.detect.Pattern;

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

	/** Bytes of all tables: investments, payments, links and return counts. */
	public static final long BYTES = (1L << INV_BITS) * 16 + (1L << PAID_BITS) * 16 + (1L << LINK_BITS) * (32 + 8)
			+ (1L << LINK_BITS) * 44;

	private final Settings c;

	/** Day of the earliest transfer seen. */
	private int firstDay = Integer.MAX_VALUE;

	/** Investor → collector pair: (day of the last ticket) << 32 | yuan paid in. */
	private final long[] invKey = new long[1 << INV_BITS];

	private final long[] invVal = new long[1 << INV_BITS];

	/** Payer → payee pair: day of the first payment + 1. */
	private final long[] paidKey = new long[1 << PAID_BITS];

	private final long[] paidVal = new long[1 << PAID_BITS];

	/** B → its last two funders (account hashes) and the time of the last link. */
	private final long[] linkKey = new long[1 << LINK_BITS];

	private final int[] funder1 = new int[1 << LINK_BITS];

	private final int[] funder2 = new int[1 << LINK_BITS];

	/** The last funder's account number (for the explanation). */
	private final String[] funderName = new String[1 << LINK_BITS];

	private final long[] linkFen = new long[1 << LINK_BITS];

	private final long[] linkTime = new long[1 << LINK_BITS];

	/**
	 * B → the returns of its window: start day, returns, wages, fen, first time, last
	 * alert.
	 */
	private final long[] retKey = new long[1 << LINK_BITS];

	private final int[] retStart = new int[1 << LINK_BITS];

	private final int[] returns = new int[1 << LINK_BITS];

	private final int[] wages = new int[1 << LINK_BITS];

	private final long[] retFen = new long[1 << LINK_BITS];

	private final long[] retFirst = new long[1 << LINK_BITS];

	private final long[] lastAlert = new long[1 << LINK_BITS];

	/** Accounts held back as a share plan's company (at most {@link #MAX_HELD} kept). */
	private final java.util.Set<String> heldBack = new java.util.TreeSet<>();

	static final int MAX_HELD = 1 << 16;

	/** The accounts of a transfer, asked for only when an alert is raised. */
	public interface Names {

		String payer();

		String payee();

		String txId();

	}

	public GraphStage(Settings settings) {
		this.c = settings;
	}

	/** Accounts held back as a share plan's company paying its employees. */
	public java.util.Set<String> heldBack() {
		return this.heldBack;
	}

	/**
	 * One transfer, in (time, seq) order; hashes as {@code AccountState.hash} of the two
	 * accounts.
	 */
	public void onTransfer(long time, int payer, int payee, long fen, Names names, AlertSink sink) {
		int day = (int) Math.floorDiv(time, DAY);
		if (day < this.firstDay) {
			this.firstDay = day;
		}
		int li = slot(payer, LINK_BITS);
		boolean funded = this.linkKey[li] == key(payer);
		// Cold start: in the stream's first weeks, wages paid before it began are not
		// seen, so an employer cannot be told from a paying account yet.
		if (funded && day - this.firstDay >= this.c.minHistoryDays()) {
			candidate(li, time, day, payer, payee, fen, names, sink);
		}
		if (fen >= WAGE_FEN || funded) {
			long k = pair(payer, payee);
			int pi = slot(k, PAID_BITS);
			if (this.paidKey[pi] != k) {
				this.paidKey[pi] = k;
				this.paidVal[pi] = day + 1L;
			}
		}
		if (fen >= this.c.minTicketFen()) {
			long k = pair(payer, payee);
			int ii = slot(k, INV_BITS);
			long yuan = fen / 100;
			if (this.invKey[ii] == k) {
				yuan += (int) this.invVal[ii];
			}
			this.invKey[ii] = k;
			this.invVal[ii] = ((long) day << 32) | Math.min(Integer.MAX_VALUE, yuan);
		}
		if (fen >= this.c.minLinkFen()) {
			int bi = slot(payee, LINK_BITS);
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
		int inv = slot(pair(p, funder), INV_BITS);
		if (this.invKey[inv] != pair(p, funder)) {
			funder = this.funder2[li];
			inv = slot(pair(p, funder), INV_BITS);
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
		int pi = slot(k, PAID_BITS);
		boolean paidBefore = this.paidKey[pi] == k;
		if (paidBefore && this.paidVal[pi] - 1 >= invDay) {
			// Already paid since the investment: counted once.
			return;
		}
		int ri = slot(b, LINK_BITS);
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
