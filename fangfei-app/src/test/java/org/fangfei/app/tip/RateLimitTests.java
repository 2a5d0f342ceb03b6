package org.fangfei.app.tip;

import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import io.github.bucket4j.TimeMeter;
import org.fangfei.app.IntegrationTest;
import org.fangfei.app.shared.Throttles;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tip portal's limits against their buckets in the database, on a clock the test
 * moves: sending, look-ups, and failed look-ups, which cost a try of their own.
 */
@IntegrationTest
class RateLimitTests {

	@Autowired
	DataSource dataSource;

	/** A clock that moves only when the test says so. */
	static final class MovingClock implements TimeMeter {

		private long nanos = System.currentTimeMillis() * 1_000_000L;

		void add(Duration d) {
			this.nanos += d.toNanos();
		}

		@Override
		public long currentTimeNanos() {
			return this.nanos;
		}

		@Override
		public boolean isWallClockBased() {
			return true;
		}

	}

	/** An IPv6 address of a /64 network of its own. */
	private static String address() {
		String r = UUID.randomUUID().toString();
		return "2001:db8:" + r.substring(0, 4) + ":" + r.substring(9, 13) + "::1";
	}

	@Test
	void sendingIsLimitedPerAddressAndTheBucketRefills() {
		MovingClock clock = new MovingClock();
		RateLimits limits = new RateLimits(new Throttles(this.dataSource, clock), 2, 60, 100, 6000);
		String a = address();
		assertThat(limits.trySubmit(a)).isTrue();
		assertThat(limits.trySubmit(a)).isTrue();
		assertThat(limits.trySubmit(a)).isFalse();
		assertThat(limits.trySubmit(address())).as("another address").isTrue();
		clock.add(Duration.ofMinutes(1));
		assertThat(limits.trySubmit(a)).as("one token back after a minute").isTrue();
		assertThat(limits.trySubmit(a)).isFalse();
	}

	@Test
	void aFailedLookupMakesTheAddressWaitAndTenInARowAnHour() {
		MovingClock clock = new MovingClock();
		RateLimits limits = new RateLimits(new Throttles(this.dataSource, clock), 2, 60, 100, 6000);
		String x = address();
		assertThat(limits.tryLookup(x)).isTrue();
		// the code was wrong: nothing given back
		assertThat(limits.tryLookup(x)).as("backing off").isFalse();
		clock.add(Duration.ofMillis(2_001));
		for (int i = 2; i <= RateLimits.FAILURES_IN_A_ROW; i++) {
			assertThat(limits.tryLookup(x)).as("failure " + i + " after two seconds").isTrue();
			clock.add(Duration.ofMillis(2_001));
		}
		assertThat(limits.tryLookup(x)).as("after ten failures in a row").isFalse();
		clock.add(Duration.ofMinutes(59));
		assertThat(limits.tryLookup(x)).isFalse();
		clock.add(Duration.ofMinutes(1));
		assertThat(limits.tryLookup(x)).as("one more an hour later").isTrue();
		clock.add(Duration.ofSeconds(3));
		assertThat(limits.tryLookup(x)).as("and then the next hour").isFalse();
	}

	@Test
	void aRightCodeCostsNoFailureButLookupsAreCountedAll() {
		MovingClock clock = new MovingClock();
		RateLimits limits = new RateLimits(new Throttles(this.dataSource, clock), 2, 60, 3, 60);
		String y = address();
		for (int i = 0; i < 3; i++) {
			assertThat(limits.tryLookup(y)).isTrue();
			limits.lookupSucceeded(y);
		}
		assertThat(limits.tryLookup(y)).as("the look-up bucket is empty").isFalse();
		clock.add(Duration.ofMinutes(1));
		assertThat(limits.tryLookup(y)).isTrue();
	}

}
