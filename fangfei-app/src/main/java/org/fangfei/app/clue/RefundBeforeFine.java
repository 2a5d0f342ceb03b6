package org.fangfei.app.clue;

import java.util.List;
import java.util.Map;

import org.fangfei.app.shared.Rejected;

/**
 * 条例 art. 32: money raised goes back to the participants before fines are collected, so a
 * penalty is recorded only after supervised refunding (监督清退) is under way — unless the
 * clue records no participants at all.
 */
final class RefundBeforeFine {

	private RefundBeforeFine() {
	}

	static void check(List<Clue.Measure> earlier, Integer peopleCount) {
		boolean noParticipants = peopleCount != null && peopleCount == 0;
		boolean refunding = earlier.stream().anyMatch(m -> m.kind() == MeasureKind.SUPERVISED_REFUND);
		if (!noParticipants && !refunding) {
			String message = "须先登记“监督清退集资资金”，再作行政处罚(《防范和处置非法集资条例》第三十二条：先清退，后罚款)";
			throw new Rejected(message, Map.of("kind", message));
		}
	}

}
