package org.fangfei.app.security;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;

/**
 * Token buckets by key (an address, an account, or both), held in memory in a bounded
 * cache: {@code capacity} failures are allowed at once and come back at {@code capacity}
 * per {@code period} — gradually, or all at once at the end of the period
 * ({@code allAtOnce}, a pause). A key unused for a period is forgotten, and so is the
 * least used one when the cache is full. Each instance counts on its own.
 */
final class Throttle {

	private final Cache<String, Bucket> buckets;

	private final int capacity;

	private final Duration period;

	private final boolean allAtOnce;

	Throttle(int capacity, Duration period, long maxKeys) {
		this(capacity, period, maxKeys, false);
	}

	Throttle(int capacity, Duration period, long maxKeys, boolean allAtOnce) {
		this.capacity = capacity;
		this.period = period;
		this.allAtOnce = allAtOnce;
		this.buckets = Caffeine.newBuilder().maximumSize(maxKeys).expireAfterAccess(period).build();
	}

	/**
	 * Takes one try for the key before its outcome is known, atomically, so that tries
	 * sent all at once cannot pass together; false (nothing taken) when none is left.
	 */
	boolean take(String key) {
		return this.buckets.get(key, k -> newBucket()).tryConsume(1);
	}

	/** Gives a try taken by {@link #take} back (it succeeded), up to the capacity. */
	void giveBack(String key) {
		Bucket bucket = this.buckets.getIfPresent(key);
		if (bucket != null && bucket.getAvailableTokens() < this.capacity) {
			bucket.addTokens(1);
		}
	}

	/** Seconds until the key may try again; 0 when it may now. */
	long secondsToWait(String key) {
		Bucket bucket = this.buckets.getIfPresent(key);
		if (bucket == null) {
			return 0;
		}
		long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
		return nanos == 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos) + 1);
	}

	/** Forgets the key's failures. */
	void clear(String key) {
		this.buckets.invalidate(key);
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit(
					limit -> this.allAtOnce ? limit.capacity(this.capacity).refillIntervally(this.capacity, this.period)
							: limit.capacity(this.capacity).refillGreedy(this.capacity, this.period))
			.build();
	}

}
