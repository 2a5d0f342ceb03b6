package org.fangfei.app.outreach;

import java.util.HashMap;
import java.util.Map;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;

/**
 * What outreach records a reader sees and may correct. Outreach records carry no sector,
 * so a member department's sector scope says nothing about them; instead a department
 * (成员单位, e.g. 市场监管局) sees the activities and training sessions its own unit recorded,
 * anywhere in its jurisdiction, and corrects only its own unit's records. The office,
 * townships and villages see everything recorded in their jurisdiction. Materials,
 * volunteers and associations are shared: a department reads those of its jurisdiction
 * (to pick them on its activities) but corrects only its own unit's.
 *
 * @param region the reader's territorial scope
 * @param unit the reader's department when it is a member unit other than the office,
 * else null
 */
record OutreachScope(DataScope region, Long unit) {

	/** The condition on an activity or training row aliased {@code alias}. */
	static String where(String alias) {
		return " " + alias + ".region_code like :regionLike and (cast(:unit as bigint) is null or " + alias
				+ ".department_id = :unit)";
	}

	static OutreachScope of(Actor actor) {
		return new OutreachScope(actor.scope(), actor.inDepartment() ? actor.departmentId() : null);
	}

	/** A territorial scope alone, with no unit limit (the office, a township). */
	static OutreachScope of(DataScope scope) {
		return new OutreachScope(scope, null);
	}

	/** The named parameters of {@link #where(String)}, a fresh mutable map. */
	Map<String, Object> params() {
		Map<String, Object> params = new HashMap<>();
		params.put("regionLike", this.region.regionLike());
		params.put("unit", this.unit);
		return params;
	}

	/**
	 * Whether a record of the department {@code recordUnit} (null: not a department's)
	 * may be corrected by this reader: a department corrects its own unit's records only,
	 * and a department's record is corrected by it or by the lead office (whose
	 * territorial scope is the county).
	 */
	static boolean mayCorrect(Actor actor, Long recordUnit) {
		if (actor.inDepartment()) {
			return actor.departmentId().equals(recordUnit);
		}
		return recordUnit == null || actor.office();
	}

	/** The department to stamp on a new record: the actor's, when a member unit. */
	static Long unitOf(Actor actor) {
		return actor.inDepartment() ? actor.departmentId() : null;
	}

}
