package org.fangfei.app.clue;

import java.util.Map;

import org.fangfei.app.shared.Money;
import org.fangfei.app.shared.Rejected;

/**
 * 条例 art. 30: the fine for illegal fundraising is 20 % to 100 % of the amount raised, so
 * a penalty needs the amount raised on the clue and a fine within that range.
 */
final class PenaltyWithinRange {

	private PenaltyWithinRange() {
	}

	static long minimumFen(long raisedFen) {
		return (raisedFen * 20 + 99) / 100;
	}

	static void check(Long fineFen, Long raisedFen) {
		if (raisedFen == null || raisedFen <= 0) {
			throw new Rejected("行政处罚须以集资金额为基数，请先在线索上填写涉及金额", Map.of("amount", "请先填写线索的涉及金额"));
		}
		if (fineFen == null) {
			throw new Rejected("请填写罚款金额", Map.of("amount", "请填写罚款金额"));
		}
		if (fineFen < minimumFen(raisedFen) || fineFen > raisedFen) {
			String message = "罚款金额应为集资金额的 20%–100%(《防范和处置非法集资条例》第三十条)，即 " + Money.yuan(minimumFen(raisedFen)) + " 元至 "
					+ Money.yuan(raisedFen) + " 元";
			throw new Rejected(message, Map.of("amount", message));
		}
	}

}
