package org.fangfei.app.shared;

import java.util.Set;

/**
 * Who is acting in this request, resolved once per request like {@link DataScope}: the
 * account, the unit it belongs to (a region for the office, a township or a village; a
 * department for member units) and its roles. Workflow modules use it to decide whose
 * turn it is on a record; permissions are still checked with {@code @PreAuthorize}.
 *
 * @param userId the account's id
 * @param username the sign-in name, as written to the audit log and timelines
 * @param displayName the name shown to people
 * @param regionCode the account's jurisdiction, or null
 * @param departmentId the account's department, or null
 * @param office whether the department is the lead office (处非办)
 * @param roles role codes
 * @param permissions permission strings of those roles
 * @param scope the data the account may see
 */
public record Actor(long userId, String username, String displayName, String regionCode, Long departmentId,
		boolean office, Set<String> roles, Set<String> permissions, DataScope scope) {

	public Actor {
		roles = Set.copyOf(roles);
		permissions = Set.copyOf(permissions);
	}

	/**
	 * The application itself acting — taking in tips from the public portal, sweeps —
	 * shown in timelines under {@code displayName}; sees everything and holds no
	 * permissions.
	 */
	public static Actor system(String displayName) {
		return new Actor(0, "system", displayName, null, null, false, Set.of(), Set.of(), DataScope.all());
	}

	public boolean hasRole(String role) {
		return this.roles.contains(role);
	}

	public boolean can(String permission) {
		return this.permissions.contains(permission);
	}

	/** A member unit other than the lead office. */
	public boolean inDepartment() {
		return this.departmentId != null && !this.office;
	}

}
