package org.fangfei.app.tip;

import java.time.Duration;

import org.fangfei.app.shared.ClientAddress;
import org.fangfei.app.shared.Throttle;
import org.fangfei.app.shared.Throttles;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Per-address limits on the public portal, token buckets in the database shared by every
 * instance ({@link Throttles}; no outside service): one for sending tips, one for
 * tracking-code look-ups, and one for failed look-ups, which a look-up takes before the
 * code is checked and gets back when the code is right. A wrong code so costs a try of
 * that bucket: one every 2 seconds, at most {@value #FAILURES_IN_A_ROW} in a row, then
 * one an hour. A right code does not wipe earlier failures (else a reporter's own code
 * would reset the count of someone guessing others'). The address is the request's remote
 * address, an IPv6 address by its /64 network ({@link ClientAddress}); behind a reverse
 * proxy set {@code server.forward-headers-strategy=native} so that it is the client's.
 */
@Component
class RateLimits {

	/** Failed look-ups allowed in a row before the hour-long pauses. */
	static final int FAILURES_IN_A_ROW = 10;

	private final Throttle submits;

	private final Throttle lookups;

	private final Throttle failures;

	RateLimits(Throttles throttles, @Value("${fangfei.tips.limits.submit-burst:5}") int submitBurst,
			@Value("${fangfei.tips.limits.submit-per-hour:10}") int submitPerHour,
			@Value("${fangfei.tips.limits.lookup-burst:10}") int lookupBurst,
			@Value("${fangfei.tips.limits.lookup-per-hour:60}") int lookupPerHour) {
		Duration hour = Duration.ofHours(1);
		// a stored bucket keeps its limits: other settings count in other buckets
		this.submits = throttles.of("tip-submit-" + submitBurst + "-" + submitPerHour,
				Throttle.Limit.of(submitBurst, submitPerHour, hour));
		this.lookups = throttles.of("tip-lookup-" + lookupBurst + "-" + lookupPerHour,
				Throttle.Limit.of(lookupBurst, lookupPerHour, hour));
		this.failures = throttles.of("tip-lookup-failure", Throttle.Limit.of(1, 1, Duration.ofSeconds(2)),
				Throttle.Limit.of(FAILURES_IN_A_ROW, 1, hour));
	}

	/** Takes a token for sending a tip; false when the address must wait. */
	boolean trySubmit(String address) {
		return this.submits.take(ClientAddress.key(address));
	}

	/**
	 * Takes a token for a look-up and one for its failing; false, with nothing taken,
	 * when the address is out of either.
	 */
	boolean tryLookup(String address) {
		String key = ClientAddress.key(address);
		if (!this.failures.take(key)) {
			return false;
		}
		if (!this.lookups.take(key)) {
			this.failures.giveBack(key);
			return false;
		}
		return true;
	}

	/** The code was right: the look-up's failure token comes back. */
	void lookupSucceeded(String address) {
		this.failures.giveBack(ClientAddress.key(address));
	}

}
