package org.fangfei.app.monitoring;

import java.time.OffsetDateTime;

/**
 * One uploaded bank export as its page shows it.
 *
 * @param id batch id
 * @param fileName the file's name as uploaded
 * @param kind CSV or XLSX
 * @param regionCode the uploader's jurisdiction, which the batch and its alerts belong to
 * @param uploadedBy who uploaded it
 * @param uploadedAt when
 * @param status where it is
 * @param phase what the background task is doing, in Chinese
 * @param progress 0–100
 * @param rowCount data rows in the file
 * @param transferCount transfers stored
 * @param alertCount alerts the detector raised
 * @param newAlertCount of those, alerts not known before
 * @param duplicateCount rows dropped as exact repeats of a transfer id within the file
 * @param earlierCount transfer ids of the file already stored by an earlier batch of the
 * same source (jurisdiction and header)
 * @param error why it failed, naming the line
 * @param errorLine the first bad line, if any
 * @param seconds how long the processing took, when finished
 */
record Batch(long id, String fileName, String kind, String regionCode, String uploadedBy, OffsetDateTime uploadedAt,
		BatchStatus status, String phase, int progress, int rowCount, int transferCount, int alertCount,
		int newAlertCount, int duplicateCount, int earlierCount, String error, Integer errorLine, Double seconds) {

	public String statusLabel() {
		return this.status.label();
	}

}
