package org.fangfei.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.detect.AlertSink;
import org.fangfei.detect.engine.AccountState;
import org.fangfei.detect.engine.AccountStore;
import org.fangfei.detect.engine.Chunk;
import org.fangfei.detect.engine.Detector;
import org.fangfei.detect.engine.DetectorConfig;
import org.fangfei.detect.engine.Leg;
import org.fangfei.detect.io.Transfer;

/**
 * A transfer stream held in primitive arrays, fed to the detector as the scan does: one
 * reusable {@link Leg}, account names interned once, the payer's outflow then the payee's
 * inflow.
 */
public final class LegStream {

	final int size;

	private final long[] time;

	private final int[] payer;

	private final int[] payee;

	private final long[] fen;

	private final String[] memo;

	private final String[] tx;

	/** Memo keyword bits per transfer, as the scan's parser finds them. */
	private final int[] keywords;

	private final String[] names;

	private final int[] hashes;

	LegStream(List<Transfer> transfers) {
		List<Transfer> sorted = new ArrayList<>(transfers);
		sorted.sort(Comparator.comparingLong(Transfer::time).thenComparingLong(Transfer::seq));
		this.size = sorted.size();
		this.time = new long[this.size];
		this.payer = new int[this.size];
		this.payee = new int[this.size];
		this.fen = new long[this.size];
		this.memo = new String[this.size];
		this.tx = new String[this.size];
		this.keywords = new int[this.size];
		DetectorConfig config = DetectorConfig.defaults();
		Map<String, String> memos = new HashMap<>();
		Map<String, Integer> ids = new HashMap<>();
		List<String> names = new ArrayList<>();
		for (int i = 0; i < this.size; i++) {
			Transfer t = sorted.get(i);
			this.time[i] = t.time();
			this.payer[i] = ids.computeIfAbsent(t.payerAccount(), (k) -> add(names, k));
			this.payee[i] = ids.computeIfAbsent(t.payeeAccount(), (k) -> add(names, k));
			this.fen[i] = t.amountFen();
			// One String per distinct memo, as a runtime holding the current leg has it
			// at hand (not one cold object per transfer).
			this.memo[i] = memos.computeIfAbsent(t.memo(), (m) -> m);
			this.keywords[i] = config.memoKeywords(this.memo[i]);
			this.tx[i] = t.txId();
		}
		this.names = names.toArray(String[]::new);
		this.hashes = new int[this.names.length];
		for (int i = 0; i < this.names.length; i++) {
			this.hashes[i] = AccountState.hash(this.names[i]);
		}
	}

	private static int add(List<String> names, String name) {
		names.add(name);
		return names.size() - 1;
	}

	int accounts() {
		return this.names.length;
	}

	/**
	 * Empty states for every account of the stream, in one store as {@code scan} keeps
	 * them.
	 */
	AccountStore freshStates() {
		String[] n = this.names;
		AccountStore s = new AccountStore((id) -> n[id]);
		for (int i = 0; i < this.names.length; i++) {
			s.add();
		}
		return s;
	}

	/**
	 * Feeds the transfers as {@code scan} does: collected in a {@link Chunk}, which hands
	 * them to the detector grouped by account.
	 */
	void runChunked(Detector d, AccountStore states, Chunk chunk, AlertSink sink) {
		for (int i = 0; i < this.size; i++) {
			int a = this.payer[i];
			int b = this.payee[i];
			chunk.add(this.time[i], i, a, b, this.hashes[a], this.hashes[b], this.fen[i], this.keywords[i],
					this.memo[i], this.tx[i]);
			if (chunk.full()) {
				chunk.process(d, states, sink);
			}
		}
		chunk.process(d, states, sink);
	}

	/** Feeds every transfer (two legs each) to the detector. */
	void run(Detector d, AccountStore states, Leg leg, AlertSink sink) {
		run(d, states, leg, sink, 0, this.size);
	}

	/** Feeds the transfers in {@code [from, to)}. */
	void run(Detector d, AccountStore states, Leg leg, AlertSink sink, int fromRow, int toRow) {
		for (int i = fromRow; i < toRow; i++) {
			int from = this.payer[i];
			int to = this.payee[i];
			leg.set(this.time[i], i, this.names[from], false, this.names[to], this.fen[i], this.memo[i], this.tx[i]);
			leg.counterpartyHash = this.hashes[to];
			leg.counterpartyId = to;
			d.onLeg(states.at(from), leg, sink);
			leg.account = this.names[to];
			leg.counterparty = this.names[from];
			leg.counterpartyHash = this.hashes[from];
			leg.counterpartyId = from;
			leg.inflow = true;
			d.onLeg(states.at(to), leg, sink);
		}
	}

}
