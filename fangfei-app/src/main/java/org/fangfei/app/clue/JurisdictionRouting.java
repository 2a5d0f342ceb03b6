package org.fangfei.app.clue;

import java.util.List;
import java.util.Map;

import org.fangfei.app.shared.Regions12;
import org.fangfei.app.shared.Rejected;

/**
 * 属地原则, 条例 art. 20: a unit's matter belongs to the place where it is registered, a
 * person's to where they live. The clue goes to the township of that place; a matter in a
 * sector with a supervising department (谁审批谁监管) may go to that department instead.
 * Sending it elsewhere needs a written reason.
 */
final class JurisdictionRouting {

	private JurisdictionRouting() {
	}

	/**
	 * The township whose territory holds {@code regionCode}: the code itself for a
	 * township, its parent for a village, null for the county or above.
	 */
	static String townshipOf(String regionCode) {
		int len = Regions12.significantLength(regionCode);
		if (len == 9) {
			return regionCode;
		}
		return len == 12 ? regionCode.substring(0, 9) + "000" : null;
	}

	/**
	 * Refuses a target outside the suggested units (the township by territory, the
	 * sector's supervising department) unless a reason is given.
	 */
	static void check(Unit target, List<Unit> suggested, String reason) {
		if (target == null) {
			throw new Rejected("请选择承办单位", Map.of("unit", "请选择承办单位"));
		}
		boolean routed = suggested.isEmpty() || suggested.stream().anyMatch(target::same);
		if (!routed && (reason == null || reason.isBlank())) {
			String names = String.join("或", suggested.stream().map(Unit::name).toList());
			String message = "按属地原则(《防范和处置非法集资条例》第二十条)应分派至" + names + "；分派至" + target.name() + "须说明理由";
			throw new Rejected(message, Map.of("note", message));
		}
	}

}
