package org.fangfei.app.casefile;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * 清退按比例分配: an amount in fen shared out in proportion to weights (each participant's net
 * loss still unpaid) by the largest-remainder method (Hamilton), so that the shares add
 * up to the amount exactly. Every share is its exact quota rounded down, and the fen left
 * over go one each to the largest fractional remainders (ties to the earlier participant,
 * so the same register always gives the same batch). No share exceeds its weight when the
 * amount does not exceed the weights' total.
 */
final class LargestRemainder {

	private LargestRemainder() {
	}

	/**
	 * @param amount fen to share, 0 ≤ amount ≤ sum of weights
	 * @param weights non-negative, with a positive total
	 * @return the shares, in the order of the weights
	 */
	static long[] shares(long amount, long[] weights) {
		BigInteger total = BigInteger.ZERO;
		for (long w : weights) {
			if (w < 0) {
				throw new IllegalArgumentException("negative weight " + w);
			}
			total = total.add(BigInteger.valueOf(w));
		}
		if (amount < 0 || total.signum() == 0 || BigInteger.valueOf(amount).compareTo(total) > 0) {
			throw new IllegalArgumentException("amount " + amount + " outside 0.." + total);
		}
		long[] shares = new long[weights.length];
		long[] remainders = new long[weights.length];
		long given = 0;
		BigInteger big = BigInteger.valueOf(amount);
		for (int i = 0; i < weights.length; i++) {
			BigInteger[] qr = big.multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(total);
			shares[i] = qr[0].longValueExact();
			// remainder < total ≤ n × Long.MAX_VALUE; compared relative to total, it fits
			// a
			// long whenever the total does, which Money's bounds guarantee
			remainders[i] = qr[1].longValueExact();
			given += shares[i];
		}
		long left = amount - given;
		Integer[] order = IntStream.range(0, weights.length).boxed().toArray(Integer[]::new);
		Arrays.sort(order, Comparator.<Integer>comparingLong(i -> remainders[i]).reversed());
		for (int k = 0; k < left; k++) {
			shares[order[k]]++;
		}
		return shares;
	}

}
