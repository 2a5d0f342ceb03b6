package org.fangfei.app.campaign;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.shared.Actor;

/**
 * A unit spelled as one string, so that a township, a department and a written-only unit
 * can share a board column and a plan: {@code R:} + region code, {@code D:} + department
 * id, {@code W:} + task unit id.
 */
final class UnitKey {

	private UnitKey() {
	}

	/** A unit by its key and the name it is shown with. */
	record Named(String key, String name, boolean mapped) {
	}

	static String of(String regionCode, Long departmentId, long unitId) {
		if (departmentId != null) {
			return "D:" + departmentId;
		}
		return regionCode != null ? "R:" + regionCode : "W:" + unitId;
	}

	/**
	 * The unit an account reports for: its department when it belongs to a member
	 * department other than the office, otherwise its region; null for an account with
	 * neither.
	 */
	static String ofActor(Actor actor) {
		if (actor.inDepartment()) {
			return "D:" + actor.departmentId();
		}
		return actor.regionCode() == null ? null : "R:" + actor.regionCode();
	}

	static List<Named> distinct(List<Campaign.Task> tasks) {
		Map<String, Named> units = new LinkedHashMap<>();
		for (Campaign.Task task : tasks) {
			for (Campaign.Unit unit : task.units()) {
				units.putIfAbsent(unit.key(), new Named(unit.key(), unit.name(), unit.mapped()));
			}
		}
		return List.copyOf(units.values());
	}

}
