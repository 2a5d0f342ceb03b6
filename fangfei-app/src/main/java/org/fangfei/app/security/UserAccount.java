package org.fangfei.app.security;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An account as stored, with its role codes and their Chinese names.
 */
record UserAccount(long id, String username, String displayName, String passwordHash, String regionCode,
		String regionName, Long departmentId, String departmentName, Unit unit, boolean enabled,
		boolean mustChangePassword, int failedAttempts, OffsetDateTime lockedUntil, OffsetDateTime lastLoginAt,
		List<String> roles, List<String> roleNames) {

	/**
	 * What the data scope needs of the account's department, read with the account in one
	 * statement: its region, whether it is the office (处非办), whether it is enabled, and
	 * the sectors it supervises.
	 */
	record Unit(String regionCode, boolean office, boolean enabled, List<String> sectorCodes) {
	}

	public boolean locked() {
		return this.lockedUntil != null && this.lockedUntil.isAfter(OffsetDateTime.now());
	}

	@Override
	public String toString() {
		return "UserAccount[username=" + this.username + ", displayName=" + this.displayName + ", region="
				+ this.regionCode + ", department=" + this.departmentId + ", roles=" + this.roles + ", enabled="
				+ this.enabled + "]";
	}

}
