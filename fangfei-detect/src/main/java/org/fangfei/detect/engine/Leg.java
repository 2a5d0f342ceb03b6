package org.fangfei.detect.engine;

import java.io.Serializable;

import org.fangfei.detect.io.Transfer;

/**
 * One side of a transfer as one account sees it: the payer's outflow or the payee's
 * inflow. Small, mutable and reusable, so a runtime can feed millions of legs without
 * allocating.
 *
 * <p>
 * {@link #split(Transfer, Leg, Leg)} defines the order of the two legs of one transfer:
 * the payer's outflow first, then the payee's inflow. Both runtimes use it.
 */
public final class Leg implements Serializable {

	/** Epoch millis of the local time read as UTC. */
	public long time;

	/** Input line number: the tie-breaker for equal times. */
	public long seq;

	/** The account whose side this is. */
	public String account;

	/** True when money arrives at {@link #account}. */
	public boolean inflow;

	/** The other account. */
	public String counterparty;

	/** Amount in fen. */
	public long amountFen;

	/** Memo, may be empty or null. */
	public String memo;

	/** Transfer id. */
	public String txId;

	/**
	 * Bit set of the configured memo keywords found in {@link #memo}, when a fast parser
	 * already knows it; -1 (the default) means the detector finds them in {@link #memo}
	 * itself.
	 */
	public int memoKeywords = -1;

	/**
	 * {@link AccountState#hash(String)} of {@link #counterparty} when the caller already
	 * knows it (saves a cache miss per leg); 0 (the default) means the detector computes
	 * it.
	 */
	public int counterpartyHash;

	/**
	 * Where {@link #txId()} finds the transfer id when {@link #txId} is null:
	 * {@code scan} keeps the id's bytes and makes a String only when the detector keeps
	 * or reports it.
	 */
	transient Lazy lazy;

	/**
	 * Account id of {@link #account} when {@link #lazy} gives the names: {@code scan}
	 * leaves both names null and they are made from the ids on demand.
	 */
	transient int accountId = -1;

	transient int lazyRef;

	/**
	 * Account id of {@link #counterparty} in the {@link AccountStore} of the state, when
	 * the caller knows it and the store was given the names of its ids (a kept outflow
	 * then refers to its payee by id); -1 (the default) otherwise.
	 */
	public transient int counterpartyId = -1;

	/** A transfer id made on demand. */
	interface Lazy {

		String txId(int ref);

		/** The account name of an id. */
		String name(int id);

		/**
		 * Packs the transfer id into {@code out[at, at + 2)} (see
		 * {@link AccountIndex#unpack(long, long)}); false (nothing written) when it is
		 * too long.
		 */
		boolean packTxId(int ref, long[] out, int at);

	}

	public Leg() {
	}

	public Leg(long time, long seq, String account, boolean inflow, String counterparty, long amountFen, String memo,
			String txId) {
		set(time, seq, account, inflow, counterparty, amountFen, memo, txId);
	}

	/** Overwrites every field (memo keywords back to "not known"); returns this. */
	public Leg set(long time, long seq, String account, boolean inflow, String counterparty, long amountFen,
			String memo, String txId) {
		this.time = time;
		this.seq = seq;
		this.account = account;
		this.inflow = inflow;
		this.counterparty = counterparty;
		this.amountFen = amountFen;
		this.memo = memo;
		this.txId = txId;
		this.memoKeywords = -1;
		this.counterpartyHash = 0;
		this.lazy = null;
		this.accountId = -1;
		this.counterpartyId = -1;
		return this;
	}

	/** Fills the payer's outflow leg and the payee's inflow leg of one transfer. */
	public static void split(Transfer t, Leg payerOut, Leg payeeIn) {
		payerOut.set(t.time(), t.seq(), t.payerAccount(), false, t.payeeAccount(), t.amountFen(), t.memo(), t.txId());
		payeeIn.set(t.time(), t.seq(), t.payeeAccount(), true, t.payerAccount(), t.amountFen(), t.memo(), t.txId());
	}

	/**
	 * The payer's outflow leg (index 0) and the payee's inflow leg (index 1): feed them
	 * in this order.
	 */
	public static Leg[] split(Transfer t) {
		Leg out = new Leg();
		Leg in = new Leg();
		split(t, out, in);
		return new Leg[] { out, in };
	}

	public long time() {
		return this.time;
	}

	public long seq() {
		return this.seq;
	}

	public String account() {
		if (this.account == null && this.lazy != null && this.accountId >= 0) {
			this.account = this.lazy.name(this.accountId);
		}
		return this.account;
	}

	public boolean inflow() {
		return this.inflow;
	}

	public String counterparty() {
		if (this.counterparty == null && this.lazy != null && this.counterpartyId >= 0) {
			this.counterparty = this.lazy.name(this.counterpartyId);
		}
		return this.counterparty;
	}

	public long amountFen() {
		return this.amountFen;
	}

	public String memo() {
		return this.memo;
	}

	public String txId() {
		if (this.txId == null && this.lazy != null) {
			this.txId = this.lazy.txId(this.lazyRef);
		}
		return this.txId;
	}

	@Override
	public String toString() {
		return (this.inflow ? "in " : "out ") + account() + " " + (this.inflow ? "<- " : "-> ") + counterparty() + " "
				+ this.amountFen + " fen @" + this.time + "#" + this.seq;
	}

}
