package org.fangfei.app.notification;

/**
 * Who a notice is for. Exactly one form is set; a notice for a unit, a department or a
 * role is shared by its members, who are resolved when the notice is read (someone who
 * joins the unit later sees its open matters).
 *
 * @param userId one account
 * @param regionCode for a unit, its exact 12-digit region code; for a role, the region
 * prefix its members' region codes start with (empty for everywhere)
 * @param departmentId a department (成员单位)
 * @param role a role code such as {@code LEADER}, together with {@code regionCode} as
 * prefix
 */
public record Recipient(Long userId, String regionCode, Long departmentId, String role) {

	public Recipient {
		int forms = (userId != null ? 1 : 0) + (departmentId != null ? 1 : 0) + (role != null ? 1 : 0)
				+ (regionCode != null && role == null ? 1 : 0);
		if (forms != 1) {
			throw new IllegalArgumentException("A recipient is exactly one of user, unit, department or role");
		}
		if (role != null && (role.isBlank() || regionCode == null || !regionCode.matches("[0-9]{0,12}"))) {
			throw new IllegalArgumentException("A role recipient needs a role code and a digit region prefix");
		}
		if (role == null && regionCode != null && !regionCode.matches("[0-9]{12}")) {
			throw new IllegalArgumentException("A unit is a 12-digit region code: " + regionCode);
		}
	}

	/** One account. */
	public static Recipient user(long userId) {
		return new Recipient(userId, null, null, null);
	}

	/**
	 * The staff of a township or county office: enabled users whose region code equals
	 * {@code regionCode} exactly and who belong to no department.
	 */
	public static Recipient unit(String regionCode) {
		return new Recipient(null, regionCode, null, null);
	}

	/** The enabled users of a department. */
	public static Recipient department(long departmentId) {
		return new Recipient(null, null, departmentId, null);
	}

	/**
	 * The enabled users holding {@code role} whose region code starts with
	 * {@code regionPrefix} (e.g. {@code role("LEADER", "620422")}: the county's leaders).
	 * A null prefix means everywhere.
	 */
	public static Recipient role(String role, String regionPrefix) {
		return new Recipient(null, regionPrefix == null ? "" : regionPrefix, null, role);
	}

	/** The recipient spelled as one string, for idempotent posting. */
	String key() {
		if (this.userId != null) {
			return "user:" + this.userId;
		}
		if (this.departmentId != null) {
			return "department:" + this.departmentId;
		}
		if (this.role != null) {
			return "role:" + this.role + ":" + this.regionCode;
		}
		return "unit:" + this.regionCode;
	}

}
