package org.fangfei.app.patrol;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * Filters of the patrol list; every field is optional. {@code to} is inclusive.
 */
record PatrolQuery(Long gridId, String worker, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Boolean withFinding, Long subjectId) {

	static PatrolQuery all() {
		return new PatrolQuery(null, null, null, null, null, null);
	}

}
