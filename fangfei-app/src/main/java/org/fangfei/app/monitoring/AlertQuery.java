package org.fangfei.app.monitoring;

import org.fangfei.detect.Pattern;

/**
 * Filters of the alert list; every field is optional.
 *
 * @param pattern only this pattern
 * @param status only this status
 * @param minScore score at least this
 * @param batchId only alerts of this upload
 */
record AlertQuery(Pattern pattern, AlertStatus status, Integer minScore, Long batchId) {

	static AlertQuery all() {
		return new AlertQuery(null, null, null, null);
	}

}
