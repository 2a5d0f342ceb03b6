package org.fangfei.app.notification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The signed-in person as notices see them: the unit, department and roles that make them
 * a member of shared notices.
 *
 * @param userId the account
 * @param displayName their name, for receipts
 * @param regionCode their region code, or null
 * @param departmentId their department, or null
 * @param roles their role codes
 */
record Reader(long userId, String displayName, String regionCode, Long departmentId, List<String> roles) {

	/**
	 * The ids of the notices addressed to {@code :uid}, as a common table expression
	 * {@code mine(id)}: one indexed branch per recipient form, so that no branch scans
	 * the table. Use with {@link #params()}.
	 */
	static final String MINE = """
			with mine as (
			  select id from notice where to_user_id = :uid
			  union all select id from notice where to_unit_code = cast(:unit as varchar)
			  union all select id from notice where to_department_id = cast(:dept as bigint)
			  union all select id from notice where to_role = any(:roles)
			    and coalesce(cast(:region as varchar), '') like to_region_prefix || '%'
			)
			""";

	Reader {
		roles = List.copyOf(roles);
	}

	/**
	 * The unit this reader belongs to: their region when they have no department (the
	 * staff of a township or county office), else none.
	 */
	String unitCode() {
		return this.departmentId == null ? this.regionCode : null;
	}

	/** The named parameters of {@link #MINE}, in a fresh map the caller may add to. */
	Map<String, Object> params() {
		Map<String, Object> params = new HashMap<>();
		params.put("uid", this.userId);
		params.put("unit", unitCode());
		params.put("dept", this.departmentId);
		params.put("roles", this.roles.toArray(String[]::new));
		params.put("region", this.regionCode);
		return params;
	}

}
