package org.fangfei.app.clue;

/**
 * A unit that handles a clue: a township (乡镇/街道) by its region code, or a member
 * department (成员单位) by its id.
 *
 * @param regionCode the township's code, or null for a department
 * @param departmentId the department's id, or null for a township
 * @param name the unit's name as shown
 */
record Unit(String regionCode, Long departmentId, String name) {

	Unit {
		if ((regionCode == null) == (departmentId == null)) {
			throw new IllegalArgumentException(
					"A unit is a township or a department: " + regionCode + "/" + departmentId);
		}
	}

	static Unit township(String regionCode, String name) {
		return new Unit(regionCode, null, name);
	}

	static Unit department(long departmentId, String name) {
		return new Unit(null, departmentId, name);
	}

	/** Same unit, whatever the name says. */
	boolean same(Unit other) {
		return other != null && java.util.Objects.equals(this.regionCode, other.regionCode)
				&& java.util.Objects.equals(this.departmentId, other.departmentId);
	}

	/** The form value: {@code R620422100000} or {@code D12}. */
	public String key() {
		return this.regionCode != null ? "R" + this.regionCode : "D" + this.departmentId;
	}

}
