package org.fangfei.app.tip;

import java.time.OffsetDateTime;

/**
 * A message on a tip: from the office to the reporter (seen with the tracking code) —
 * among them the clue's feedback (反馈来源) — or information the reporter added.
 */
record TipMessage(long id, boolean toReporter, String body, OffsetDateTime createdAt, boolean feedback) {

	public String sender() {
		return this.feedback ? "处非办 办理结果反馈" : this.toReporter ? "处非办" : "举报人补充";
	}

}
