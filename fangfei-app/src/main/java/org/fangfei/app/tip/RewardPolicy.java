package org.fangfei.app.tip;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Who is not rewarded (举报奖励的排除情形), decided from facts {@link Rewards} gathers: not the
 * first reporter of the same matter, facts known before the tip (the tip's clue was
 * merged into one registered earlier), staff or their relatives (declared, or the phone
 * is a person's in the people ledger), the reporter being the legal representative of a
 * subject of the clue.
 */
final class RewardPolicy {

	private RewardPolicy() {
	}

	/**
	 * What the policy weighs.
	 *
	 * @param earlierTip another tip on the same matter (the same clue after merges) was
	 * sent before this one
	 * @param ownClueIsRoot the tip's own clue goes on (was not merged into another)
	 * @param rootReceivedAt when the clue that goes on was received
	 * @param sentAt when the tip was sent
	 * @param major the clue is graded major
	 * @param involvedFen the amount involved, as the clue stands
	 */
	record Facts(boolean earlierTip, boolean ownClueIsRoot, OffsetDateTime rootReceivedAt, OffsetDateTime sentAt,
			boolean declaredStaff, boolean staffPhone, boolean reporterIsRepresentative, boolean major,
			Long involvedFen) {
	}

	/** Every reason no reward is due, in Chinese; empty when it is due. */
	static List<String> exclusions(Facts facts) {
		List<String> reasons = new ArrayList<>();
		if (facts.earlierTip()) {
			reasons.add("同一事实已有更早的举报(首位举报人规则)");
		}
		if (!facts.ownClueIsRoot() && facts.rootReceivedAt() != null
				&& facts.rootReceivedAt().isBefore(facts.sentAt())) {
			reasons.add("举报前已掌握该线索(并入的线索登记在先)");
		}
		if (facts.declaredStaff()) {
			reasons.add("举报人声明为工作人员或其近亲属");
		}
		if (facts.staffPhone()) {
			reasons.add("举报人手机号与人员库中工作人员的手机号一致");
		}
		if (facts.reporterIsRepresentative()) {
			reasons.add("举报人为被举报主体的法定代表人");
		}
		return reasons;
	}

}
