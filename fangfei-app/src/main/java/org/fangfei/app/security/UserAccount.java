package org.fangfei.app.security;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An account as stored, with its role codes and their Chinese names.
 */
record UserAccount(long id, String username, String displayName, String passwordHash, String regionCode,
		String regionName, Long departmentId, String departmentName, boolean enabled, boolean mustChangePassword,
		int failedAttempts, OffsetDateTime lockedUntil, OffsetDateTime lastLoginAt, List<String> roles,
		List<String> roleNames) {

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
