package org.fangfei.app.campaign;

import java.util.ArrayList;
import java.util.List;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;

/**
 * Which campaigns a caller sees: those of their jurisdiction and those of the regions
 * above it (a township works on its county's campaign).
 */
final class Scope {

	private Scope() {
	}

	static boolean sees(Actor actor, String regionCode) {
		DataScope scope = actor.scope();
		if (scope.nothing()) {
			return false;
		}
		return scope.covers(regionCode) || List.of(above(scope)).contains(regionCode);
	}

	/** The 12-digit codes of the regions above the caller's jurisdiction. */
	static String[] above(DataScope scope) {
		List<String> codes = new ArrayList<>();
		if (!scope.nothing()) {
			String prefix = scope.regionPrefix();
			for (int len : new int[] { 2, 4, 6, 9 }) {
				if (len < prefix.length()) {
					codes.add((prefix.substring(0, len) + "000000000000").substring(0, 12));
				}
			}
		}
		return codes.toArray(String[]::new);
	}

}
