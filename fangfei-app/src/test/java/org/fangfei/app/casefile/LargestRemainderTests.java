package org.fangfei.app.casefile;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link LargestRemainder}, by properties over many seeded random registers: the shares
 * always add up to the amount, each is its exact quota rounded down or up by one fen,
 * none exceeds its weight, and the fen left over go to the largest remainders.
 */
class LargestRemainderTests {

	@Test
	void sharesAlwaysAddUpToTheAmountAndStayWithinAFenOfTheQuota() {
		Random random = new Random(20261207);
		for (int round = 0; round < 2_000; round++) {
			int n = 1 + random.nextInt(round < 1_000 ? 12 : 400);
			long[] weights = new long[n];
			for (int i = 0; i < n; i++) {
				// from 1 fen to 10 million yuan, and some participants with nothing left
				weights[i] = random.nextInt(10) == 0 ? 0 : 1 + (long) (random.nextDouble() * 10_000_000_00L);
			}
			if (Arrays.stream(weights).sum() == 0) {
				weights[0] = 1;
			}
			long total = Arrays.stream(weights).sum();
			long amount = random.nextInt(5) == 0 ? total : (long) (random.nextDouble() * total);
			long[] shares = LargestRemainder.shares(amount, weights);
			assertThat(Arrays.stream(shares).sum()).as("round %d", round).isEqualTo(amount);
			for (int i = 0; i < n; i++) {
				BigInteger exact = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(weights[i]));
				long floor = exact.divide(BigInteger.valueOf(total)).longValueExact();
				assertThat(shares[i]).as("round %d share %d", round, i).isBetween(floor, floor + 1);
				assertThat(shares[i]).isLessThanOrEqualTo(weights[i]);
				if (weights[i] == 0) {
					assertThat(shares[i]).isZero();
				}
			}
		}
	}

	@Test
	void theFenLeftOverGoToTheLargestRemaindersThenTheEarlierParticipant() {
		// 100 fen over 3 equal losses: 33.33 each, the one fen left to the first
		assertThat(LargestRemainder.shares(100, new long[] { 1000, 1000, 1000 })).containsExactly(34, 33, 33);
		// 10 fen over 1:2:3 → 1.67, 3.33, 5.00 → 2, 3, 5
		assertThat(LargestRemainder.shares(10, new long[] { 10, 20, 30 })).containsExactly(2, 3, 5);
		// paying everything back pays each their loss exactly
		assertThat(LargestRemainder.shares(600, new long[] { 100, 200, 300 })).containsExactly(100, 200, 300);
	}

	@Test
	void hugeRegistersDoNotOverflow() {
		long[] weights = new long[1_000];
		Arrays.fill(weights, 99_999_999_999_99L);
		long total = Arrays.stream(weights).sum();
		long[] shares = LargestRemainder.shares(total - 7, weights);
		assertThat(Arrays.stream(shares).sum()).isEqualTo(total - 7);
	}

	@Test
	void refusesAnAmountOverTheWeightsOrNegativeWeights() {
		assertThatIllegalArgumentException().isThrownBy(() -> LargestRemainder.shares(11, new long[] { 5, 5 }));
		assertThatIllegalArgumentException().isThrownBy(() -> LargestRemainder.shares(1, new long[] { 0, 0 }));
		assertThatIllegalArgumentException().isThrownBy(() -> LargestRemainder.shares(1, new long[] { 3, -1 }));
		assertThatIllegalArgumentException().isThrownBy(() -> LargestRemainder.shares(-1, new long[] { 3 }));
	}

}
