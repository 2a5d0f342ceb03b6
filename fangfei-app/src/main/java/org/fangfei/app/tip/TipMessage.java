package org.fangfei.app.tip;

import java.time.OffsetDateTime;

/**
 * A message on a tip: from the office to the reporter (seen with the tracking code), or
 * information the reporter added.
 */
record TipMessage(long id, boolean toReporter, String body, OffsetDateTime createdAt) {

	public String sender() {
		return this.toReporter ? "处非办" : "举报人补充";
	}

}
