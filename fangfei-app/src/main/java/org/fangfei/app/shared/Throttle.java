package org.fangfei.app.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConfigurationBuilder;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;

/**
 * Token buckets of one kind (sign-in tries per address, tip look-ups per address …) by
 * key, made by {@link Throttles}. The buckets are rows in the database, shared by every
 * instance and kept across restarts: a key's tries are the same whichever instance
 * answers, and no number of other keys makes one forget them.
 * <p>
 * Each instance remembers, in a bounded cache, the keys it found out of tries and until
 * when; it refuses them without asking the database until then, so a flood from one
 * address costs the database nothing. Forgetting such a key (the cache is full) only
 * means asking the database again. Tries that another instance gives back reach this one
 * when that time is up.
 */
public final class Throttle {

	/** One limit of a bucket: {@code capacity} tries that come back at a rate. */
	public record Limit(int capacity, int tokens, Duration period, boolean allAtOnce) {

		/**
		 * {@code capacity} tries; {@code tokens} come back per {@code period}, gradually.
		 */
		public static Limit of(int capacity, int tokens, Duration period) {
			return new Limit(capacity, tokens, period, false);
		}

		/** {@code capacity} tries, all back at once when the period is over: a pause. */
		public static Limit pause(int capacity, Duration period) {
			return new Limit(capacity, capacity, period, true);
		}

	}

	/** Keys out of tries one instance remembers at most. */
	static final long MAX_REFUSED = 100_000;

	private static final int MAX_ID = 200;

	private final String kind;

	private final ProxyManager<String> buckets;

	private final Supplier<BucketConfiguration> configuration;

	private final TimeMeter clock;

	/** Keys out of tries, with the time (clock nanos) their next try comes back. */
	private final Cache<String, Long> refused;

	Throttle(String kind, ProxyManager<String> buckets, TimeMeter clock, List<Limit> limits, long maxRefused) {
		if (limits.isEmpty()) {
			throw new IllegalArgumentException("a throttle needs a limit");
		}
		this.kind = kind;
		this.buckets = buckets;
		this.clock = clock;
		ConfigurationBuilder builder = BucketConfiguration.builder();
		for (Limit l : limits) {
			builder
				.addLimit(limit -> l.allAtOnce() ? limit.capacity(l.capacity()).refillIntervally(l.tokens(), l.period())
						: limit.capacity(l.capacity()).refillGreedy(l.tokens(), l.period()));
		}
		BucketConfiguration built = builder.build();
		this.configuration = () -> built;
		Duration longest = limits.stream().map(Limit::period).max(Duration::compareTo).orElseThrow();
		this.refused = Caffeine.newBuilder().maximumSize(maxRefused).expireAfterWrite(longest).build();
	}

	/**
	 * Takes one try for the key, atomically across instances, so that tries sent all at
	 * once cannot pass together; false (nothing taken) when none is left.
	 */
	public boolean take(String key) {
		String id = id(key);
		if (waitNanos(id) > 0) {
			return false;
		}
		ConsumptionProbe probe = bucket(id).tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			this.refused.put(id, this.clock.currentTimeNanos() + probe.getNanosToWaitForRefill());
		}
		return probe.isConsumed();
	}

	/** Gives a try taken by {@link #take} back (it succeeded), up to the capacity. */
	public void giveBack(String key) {
		String id = id(key);
		this.refused.invalidate(id);
		bucket(id).addTokens(1);
	}

	/** Seconds until the key may try again; 0 when it may now. */
	public long secondsToWait(String key) {
		String id = id(key);
		long nanos = waitNanos(id);
		if (nanos == 0) {
			nanos = bucket(id).estimateAbilityToConsume(1).getNanosToWaitForRefill();
		}
		return nanos == 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos) + 1);
	}

	/** Forgets the key's tries: it starts again with a full bucket. */
	public void clear(String key) {
		String id = id(key);
		this.refused.invalidate(id);
		this.buckets.removeProxy(id);
	}

	private long waitNanos(String id) {
		Long until = this.refused.getIfPresent(id);
		if (until == null) {
			return 0;
		}
		long left = until - this.clock.currentTimeNanos();
		if (left <= 0) {
			this.refused.invalidate(id);
			return 0;
		}
		return left;
	}

	private BucketProxy bucket(String id) {
		return this.buckets.builder().build(id, this.configuration);
	}

	/**
	 * The row's key: the kind and the key, or a digest of a key too long for the column.
	 */
	private String id(String key) {
		String id = this.kind + "|" + key;
		if (id.length() <= MAX_ID) {
			return id;
		}
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return this.kind + "|#" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
