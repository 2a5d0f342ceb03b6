package org.fangfei.app.casefile;

import java.util.List;

import org.fangfei.app.shared.Regions12;
import org.fangfei.app.shared.Rejected;

/**
 * 三统两分 (policy; 开县 task 10: 统一指挥协调、统一办案要求、统一资产处置、分别侦查诉讼、分别落实维稳; 枣庄 task 20: regions that
 * cannot agree go to their common superior). Who may hold a duty:
 * <ul>
 * <li>a unified duty is held by exactly one region for the whole case: the lead region
 * (主办地), a region involved, or a region above all of them (the common superior that
 * settles it when they cannot agree); naming another holder replaces the earlier
 * one;</li>
 * <li>a separate duty is held by each region for its own part: only the lead region or a
 * region involved, one row each; a region without a row holds it by default (属地).</li>
 * </ul>
 */
final class ThreeUnifiedTwoSeparate {

	private ThreeUnifiedTwoSeparate() {
	}

	/** Refuses a holder the rule does not allow, with the reason in Chinese. */
	static void check(Duty duty, String regionCode, String leadRegion, List<String> involved) {
		if (duty == null) {
			throw new Rejected("请选择职责", java.util.Map.of("duty", "请选择职责"));
		}
		if (regionCode == null || !Regions12.isValid(regionCode)) {
			throw new Rejected("请选择承担职责的地区", java.util.Map.of("regionCode", "请选择承担职责的地区"));
		}
		boolean party = regionCode.equals(leadRegion) || involved.contains(regionCode);
		if (party) {
			return;
		}
		if (duty.unified() && commonSuperior(regionCode, leadRegion, involved)) {
			return;
		}
		throw new Rejected(
				duty.unified() ? duty.label() + "只能由主办地、涉及地或它们的共同上级承担" : duty.label() + "由各涉及地分别承担，只能选择主办地或涉及地");
	}

	/** Whether {@code region} lies above the lead region and every region involved. */
	static boolean commonSuperior(String region, String leadRegion, List<String> involved) {
		String prefix = Regions12.prefixOf(region);
		if (prefix.length() == 12) {
			return false;
		}
		return leadRegion.startsWith(prefix) && involved.stream().allMatch(r -> r.startsWith(prefix));
	}

}
