package org.fangfei.app.casefile;

import java.time.Duration;

import org.fangfei.app.shared.ClientAddress;
import org.fangfei.app.shared.Throttle;
import org.fangfei.app.shared.Throttles;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Abuse limits of the participants' registration page, in the shared database buckets
 * ({@link Throttles}) as the tip portal's: per address for sending and for claim-code
 * look-ups (a wrong code costs a try of the failure bucket: one every 2 seconds, at most
 * {@value #FAILURES_IN_A_ROW} in a row, then one an hour), and one bucket for everybody
 * together for each, so that a flood from many addresses cannot fill the register or
 * guess codes faster than the office can notice. The global limits are set to well above
 * what a county's registration brings (thousands a day).
 */
@Component
class ClaimLimits {

	static final int FAILURES_IN_A_ROW = 10;

	static final String EVERYONE = "everyone";

	private final Throttle submits;

	private final Throttle allSubmits;

	private final Throttle lookups;

	private final Throttle allLookups;

	private final Throttle failures;

	ClaimLimits(Throttles throttles, @Value("${fangfei.claims.limits.submit-burst:5}") int submitBurst,
			@Value("${fangfei.claims.limits.submit-per-hour:10}") int submitPerHour,
			@Value("${fangfei.claims.limits.all-submit-burst:500}") int allSubmitBurst,
			@Value("${fangfei.claims.limits.all-submit-per-hour:5000}") int allSubmitPerHour,
			@Value("${fangfei.claims.limits.lookup-burst:10}") int lookupBurst,
			@Value("${fangfei.claims.limits.lookup-per-hour:60}") int lookupPerHour,
			@Value("${fangfei.claims.limits.all-lookup-burst:1000}") int allLookupBurst,
			@Value("${fangfei.claims.limits.all-lookup-per-hour:20000}") int allLookupPerHour) {
		Duration hour = Duration.ofHours(1);
		// a stored bucket keeps its limits: other settings count in other buckets
		this.submits = throttles.of("claim-submit-" + submitBurst + "-" + submitPerHour,
				Throttle.Limit.of(submitBurst, submitPerHour, hour));
		this.allSubmits = throttles.of("claim-submit-all-" + allSubmitBurst + "-" + allSubmitPerHour,
				Throttle.Limit.of(allSubmitBurst, allSubmitPerHour, hour));
		this.lookups = throttles.of("claim-lookup-" + lookupBurst + "-" + lookupPerHour,
				Throttle.Limit.of(lookupBurst, lookupPerHour, hour));
		this.allLookups = throttles.of("claim-lookup-all-" + allLookupBurst + "-" + allLookupPerHour,
				Throttle.Limit.of(allLookupBurst, allLookupPerHour, hour));
		this.failures = throttles.of("claim-lookup-failure", Throttle.Limit.of(1, 1, Duration.ofSeconds(2)),
				Throttle.Limit.of(FAILURES_IN_A_ROW, 1, hour));
	}

	/** Takes a token for sending a claim, the address's and everyone's. */
	boolean trySubmit(String address) {
		String key = ClientAddress.key(address);
		if (!this.submits.take(key)) {
			return false;
		}
		if (!this.allSubmits.take(EVERYONE)) {
			this.submits.giveBack(key);
			return false;
		}
		return true;
	}

	/** Takes tokens for a look-up and for its failing; nothing taken when out of any. */
	boolean tryLookup(String address) {
		String key = ClientAddress.key(address);
		if (!this.failures.take(key)) {
			return false;
		}
		if (!this.lookups.take(key)) {
			this.failures.giveBack(key);
			return false;
		}
		if (!this.allLookups.take(EVERYONE)) {
			this.lookups.giveBack(key);
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
