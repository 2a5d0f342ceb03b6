package org.fangfei.app.monitoring;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A fund-flow alert stored for the first time, from an uploaded bank export or from the
 * Flink job, with the ledger subjects its account belongs to: those within the alert's
 * jurisdiction whose name is exactly the account holder's, or whose credit code the
 * holder's name carries (the same match as 转为线索). Published in the transaction that
 * stores the alert; a repeated alert id publishes nothing. Followers (the risk index)
 * count it without waiting for the alert to become a clue.
 *
 * @param id the alert's row id (its page is {@code /monitoring/alerts/{id}})
 * @param alertId the detector's alert id, which a clue made from the alert carries as its
 * source reference
 * @param pattern the detector's pattern name
 * @param patternLabel the pattern in Chinese
 * @param score the detector's score, 0–100
 * @param regionCode the jurisdiction the alert belongs to
 * @param subjectIds the matched ledger subjects, possibly none
 * @param raisedAt when it was stored
 */
public record AlertRaised(long id, String alertId, String pattern, String patternLabel, int score, String regionCode,
		List<Long> subjectIds, OffsetDateTime raisedAt) {

	public AlertRaised {
		subjectIds = List.copyOf(subjectIds);
	}

	/** The alert's page. */
	public String link() {
		return "/monitoring/alerts/" + this.id;
	}

}
