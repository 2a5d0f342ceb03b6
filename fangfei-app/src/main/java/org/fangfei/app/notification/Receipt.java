package org.fangfei.app.notification;

import java.time.OffsetDateTime;

/**
 * One receiving unit of a bulletin and its receipt: the first member who opened the
 * bulletin, and when.
 *
 * @param regionCode the township, or null for a department
 * @param departmentId the department, or null for a township
 */
public record Receipt(String unitName, String regionCode, Long departmentId, String firstReaderName,
		OffsetDateTime firstReadAt) {

	public boolean read() {
		return this.firstReadAt != null;
	}

}
