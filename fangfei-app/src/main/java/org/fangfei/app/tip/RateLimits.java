package org.fangfei.app.tip;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Per-address limits on the public portal, held in memory (no outside service): a token
 * bucket for sending tips, another for tracking-code look-ups, and a back-off after
 * failed look-ups that doubles with each failure (2 s, 4 s, … up to an hour) until a
 * look-up succeeds. The address is the request's remote address; behind a reverse proxy
 * set {@code server.forward-headers-strategy=native} so that it is the client's.
 *
 * <p>
 * Each instance counts on its own: with N instances behind a balancer an address gets up
 * to N times the limits. That is accepted for a county deployment (one or two instances);
 * a shared store would be needed beyond that (docs/tips.md).
 */
@Component
class RateLimits {

	private static final int MAX_TRACKED = 100_000;

	private final Clock clock;

	private final Bucket.Spec submit;

	private final Bucket.Spec lookup;

	private final Map<String, Bucket> submits = new ConcurrentHashMap<>();

	private final Map<String, Bucket> lookups = new ConcurrentHashMap<>();

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	@Autowired
	RateLimits(@Value("${fangfei.tips.limits.submit-burst:5}") int submitBurst,
			@Value("${fangfei.tips.limits.submit-per-hour:10}") int submitPerHour,
			@Value("${fangfei.tips.limits.lookup-burst:10}") int lookupBurst,
			@Value("${fangfei.tips.limits.lookup-per-hour:60}") int lookupPerHour) {
		this(Clock.systemUTC(), new Bucket.Spec(submitBurst, submitPerHour),
				new Bucket.Spec(lookupBurst, lookupPerHour));
	}

	RateLimits(Clock clock, Bucket.Spec submit, Bucket.Spec lookup) {
		this.clock = clock;
		this.submit = submit;
		this.lookup = lookup;
	}

	/** Takes a token for sending a tip; false when the address must wait. */
	boolean trySubmit(String address) {
		return take(this.submits, this.submit, address);
	}

	/**
	 * Takes a token for a look-up; false when the address is out of tokens or still in
	 * its back-off after failed look-ups.
	 */
	boolean tryLookup(String address) {
		Failures f = this.failures.get(address);
		if (f != null && f.blockedUntil > this.clock.millis()) {
			return false;
		}
		return take(this.lookups, this.lookup, address);
	}

	/** A look-up with a code that matches nothing: the back-off doubles. */
	void lookupFailed(String address) {
		prune(this.failures);
		this.failures.compute(address, (k, f) -> {
			int count = f == null ? 1 : f.count + 1;
			long wait = 1000L << Math.min(count, 12);
			return new Failures(count, this.clock.millis() + Math.min(wait, 3_600_000L));
		});
	}

	void lookupSucceeded(String address) {
		this.failures.remove(address);
	}

	private boolean take(Map<String, Bucket> buckets, Bucket.Spec spec, String address) {
		prune(buckets);
		Bucket bucket = buckets.computeIfAbsent(address, a -> new Bucket(spec, this.clock.millis()));
		return bucket.take(this.clock.millis());
	}

	/** Keeps memory bounded when many addresses appear: forget them all, fail open. */
	private static void prune(Map<String, ?> map) {
		if (map.size() > MAX_TRACKED) {
			map.clear();
		}
	}

	private record Failures(int count, long blockedUntil) {
	}

	/** A token bucket: {@code burst} tokens, refilled at {@code perHour}. */
	static final class Bucket {

		record Spec(int burst, int perHour) {
		}

		private final Spec spec;

		private double tokens;

		private long updated;

		Bucket(Spec spec, long now) {
			this.spec = spec;
			this.tokens = spec.burst();
			this.updated = now;
		}

		synchronized boolean take(long now) {
			double refill = (now - this.updated) * this.spec.perHour() / 3_600_000.0;
			this.tokens = Math.min(this.spec.burst(), this.tokens + refill);
			this.updated = now;
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return true;
			}
			return false;
		}

	}

}
