package org.fangfei.detect.generate;

import java.util.Arrays;

/**
 * One generated day of transfers: collected in primitive arrays, sorted by time (stable),
 * a little disorder added within half an hour, then written as CSV rows.
 */
final class Emitter {

	int n;

	int[] sec = new int[1 << 16];

	int[] payer = new int[1 << 16];

	int[] payee = new int[1 << 16];

	long[] fen = new long[1 << 16];

	short[] memo = new short[1 << 16];

	byte[] channel = new byte[1 << 16];

	long[] order = new long[1 << 16];

	void add(int second, int from, int to, long amountFen, int memoIndex, int channelIndex) {
		if (from == to || amountFen <= 0) {
			return;
		}
		if (this.n == this.sec.length) {
			int c = this.n * 2;
			this.sec = Arrays.copyOf(this.sec, c);
			this.payer = Arrays.copyOf(this.payer, c);
			this.payee = Arrays.copyOf(this.payee, c);
			this.fen = Arrays.copyOf(this.fen, c);
			this.memo = Arrays.copyOf(this.memo, c);
			this.channel = Arrays.copyOf(this.channel, c);
			this.order = Arrays.copyOf(this.order, c);
		}
		int i = this.n++;
		this.sec[i] = Math.max(0, Math.min(86_399, second));
		this.payer[i] = from;
		this.payee[i] = to;
		this.fen[i] = amountFen;
		this.memo[i] = (short) memoIndex;
		this.channel[i] = (byte) channelIndex;
	}

	/**
	 * Row indexes in write order: by time, then a few neighbours swapped within 30
	 * minutes.
	 */
	long[] sorted(java.util.random.RandomGenerator rnd, double disorder) {
		for (int i = 0; i < this.n; i++) {
			this.order[i] = ((long) this.sec[i] << 32) | i;
		}
		Arrays.sort(this.order, 0, this.n);
		for (int i = 0; i + 1 < this.n; i++) {
			if (rnd.nextDouble() < disorder) {
				int j = i + 1 + rnd.nextInt(Math.min(5, this.n - i - 1));
				if ((this.order[j] >>> 32) - (this.order[i] >>> 32) <= 1800) {
					long t = this.order[i];
					this.order[i] = this.order[j];
					this.order[j] = t;
				}
			}
		}
		return this.order;
	}

	void clear() {
		this.n = 0;
	}

}
