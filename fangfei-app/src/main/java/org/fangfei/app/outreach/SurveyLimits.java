package org.fangfei.app.outreach;

import java.time.Duration;

import org.fangfei.app.shared.ClientAddress;
import org.fangfei.app.shared.Throttle;
import org.fangfei.app.shared.Throttles;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Abuse limits of the public survey page, in the database buckets every instance shares
 * ({@link Throttles}), as the tip portal's and the participants' registration: per
 * address (a village meeting answers from one Wi-Fi, so a few dozen an hour) and one
 * bucket for everybody together, so that a script cannot fill a township's awareness
 * rate. With the CAPTCHA of {@code tip.PublicPortal} and one answer per survey per
 * browser session.
 */
@Component
class SurveyLimits {

	static final String EVERYONE = "everyone";

	private final Throttle perAddress;

	private final Throttle everyone;

	SurveyLimits(Throttles throttles, @Value("${fangfei.surveys.limits.burst:20}") int burst,
			@Value("${fangfei.surveys.limits.per-hour:60}") int perHour,
			@Value("${fangfei.surveys.limits.all-burst:1000}") int allBurst,
			@Value("${fangfei.surveys.limits.all-per-hour:20000}") int allPerHour) {
		Duration hour = Duration.ofHours(1);
		// a stored bucket keeps its limits: other settings count in other buckets
		this.perAddress = throttles.of("survey-" + burst + "-" + perHour, Throttle.Limit.of(burst, perHour, hour));
		this.everyone = throttles.of("survey-all-" + allBurst + "-" + allPerHour,
				Throttle.Limit.of(allBurst, allPerHour, hour));
	}

	/** Takes a token for one answer sheet, the address's and everyone's. */
	boolean trySubmit(String address) {
		String key = ClientAddress.key(address);
		if (!this.perAddress.take(key)) {
			return false;
		}
		if (!this.everyone.take(EVERYONE)) {
			this.perAddress.giveBack(key);
			return false;
		}
		return true;
	}

}
