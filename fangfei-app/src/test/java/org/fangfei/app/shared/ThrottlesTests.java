package org.fangfei.app.shared;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.fangfei.app.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits whose buckets are in the database: the same on every instance, and no
 * number of other addresses — 200,000 rotated ones here — gives an attacker a fresh
 * bucket (the in-memory limits this replaced forgot every bucket at 100,000 addresses).
 */
@IntegrationTest
class ThrottlesTests {

	private static final int ROTATED = 200_000;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Throttles throttles;

	private static String kind() {
		return "test-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private long rows(String kind) {
		return this.jdbc.sql("select count(*) from rate_limit_bucket where id like :k")
			.param("k", kind + "|%")
			.query(Long.class)
			.single();
	}

	@Test
	void triesTakenOnOneInstanceAreGoneOnTheOther() {
		String kind = kind();
		Throttle a = new Throttles(this.dataSource).of(kind, Throttle.Limit.of(3, 3, Duration.ofMinutes(10)));
		Throttle b = new Throttles(this.dataSource).of(kind, Throttle.Limit.of(3, 3, Duration.ofMinutes(10)));
		assertThat(a.take("10.81.0.1")).isTrue();
		assertThat(b.take("10.81.0.1")).isTrue();
		assertThat(a.take("10.81.0.1")).isTrue();
		assertThat(b.take("10.81.0.1")).as("three tries in all, whichever instance").isFalse();
		assertThat(b.secondsToWait("10.81.0.1")).isBetween(1L, 201L);
		assertThat(a.take("10.81.0.2")).as("another key").isTrue();
		a.giveBack("10.81.0.1");
		assertThat(new Throttles(this.dataSource).of(kind, Throttle.Limit.of(3, 3, Duration.ofMinutes(10)))
			.take("10.81.0.1")).as("given back on one instance, taken on a third").isTrue();
		// an instance that found the key empty refuses it until the time it was told: a
		// try given back elsewhere meanwhile reaches it then (the safe side)
		assertThat(b.take("10.81.0.1")).isFalse();
		b.clear("10.81.0.1");
		assertThat(b.take("10.81.0.1")).as("cleared: a full bucket").isTrue();
		assertThat(a.take("10.81.0.1")).as("on the other instance too").isTrue();
	}

	@Test
	void anInstanceRememberingFewEmptyKeysStillRefusesTheAttacker() {
		String kind = kind();
		Throttle.Limit limit = Throttle.Limit.of(1, 1, Duration.ofHours(1));
		Throttle small = this.throttles.of(kind, 100, limit);
		assertThat(small.take("attacker")).isTrue();
		assertThat(small.take("attacker")).isFalse();
		for (int n = 0; n < 1_000; n++) {
			small.take("rotated-" + n);
			assertThat(small.take("rotated-" + n)).isFalse();
		}
		assertThat(small.take("attacker")).as("forgotten by the instance, still empty in the database").isFalse();
		assertThat(this.jdbc.sql("select count(*) from rate_limit_bucket where id = :id")
			.param("id", kind + "|attacker")
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void rotatingTwoHundredThousandAddressesLeavesTheAttackersBucketEmpty() throws Exception {
		String kind = kind();
		Throttle.Limit limit = Throttle.Limit.of(5, 5, Duration.ofHours(1));
		Throttle instance = this.throttles.of(kind, limit);
		String attacker = "203.0.113.7";
		for (int i = 0; i < 5; i++) {
			assertThat(instance.take(attacker)).isTrue();
		}
		assertThat(instance.take(attacker)).isFalse();

		// from 200,000 other addresses, each taking a try, four at a time
		AtomicInteger taken = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> slices = new ArrayList<>();
			for (int s = 0; s < 4; s++) {
				int slice = s;
				slices.add(pool.submit(() -> {
					for (int n = slice; n < ROTATED; n += 4) {
						if (instance.take("10." + (n >> 16) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff))) {
							taken.incrementAndGet();
						}
					}
				}));
			}
			for (Future<?> slice : slices) {
				slice.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(taken.get()).isEqualTo(ROTATED);
		assertThat(rows(kind)).isEqualTo(ROTATED + 1);

		assertThat(instance.take(attacker)).isFalse();
		Throttle restarted = new Throttles(this.dataSource).of(kind, limit);
		assertThat(restarted.take(attacker)).as("an instance that never saw the attacker, or one restarted").isFalse();
		this.throttles.removeExpired();
		assertThat(restarted.take(attacker)).as("an empty bucket does not expire").isFalse();
		assertThat(rows(kind)).isEqualTo(ROTATED + 1);
	}

	@Test
	void rotatingAddressesWithinOneIpv6NetworkIsOneAddress() {
		Throttle throttle = this.throttles.of(kind(), Throttle.Limit.of(5, 5, Duration.ofHours(1)));
		int passed = 0;
		for (int n = 0; n < ROTATED; n++) {
			if (throttle.take(ClientAddress.key("2001:db8:77:1:" + Integer.toHexString(n >> 16) + ":"
					+ Integer.toHexString(n & 0xffff) + ":0:1"))) {
				passed++;
			}
		}
		assertThat(passed).isEqualTo(5);
		assertThat(throttle.take(ClientAddress.key("2001:db8:77:2::1"))).as("the next network").isTrue();
	}

	@Test
	void aBucketIsDeletedOnlyWhenItWouldBeFullAgain() {
		String kind = kind();
		Throttle throttle = this.throttles.of(kind, Throttle.Limit.of(2, 2, Duration.ofMinutes(1)));
		long now = System.currentTimeMillis();
		assertThat(throttle.take("empty")).isTrue();
		assertThat(throttle.take("empty")).isTrue();
		assertThat(throttle.take("one-left")).isTrue();
		// full again in a minute (half a minute with one left), kept a minute longer
		assertThat(expiresAt(kind + "|empty")).isBetween(now + 118_000, now + 125_000);
		assertThat(expiresAt(kind + "|one-left")).isBetween(now + 88_000, now + 95_000);
		this.jdbc.sql("update rate_limit_bucket set expires_at = :t where id = :id")
			.param("t", now - 1)
			.param("id", kind + "|one-left")
			.update();
		this.throttles.removeExpired();
		assertThat(this.jdbc.sql("select id from rate_limit_bucket where id like :k order by id")
			.param("k", kind + "|%")
			.query(String.class)
			.list()).containsExactly(kind + "|empty");
		assertThat(throttle.take("empty")).as("still empty").isFalse();
	}

	private long expiresAt(String id) {
		return this.jdbc.sql("select expires_at from rate_limit_bucket where id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
	}

}
