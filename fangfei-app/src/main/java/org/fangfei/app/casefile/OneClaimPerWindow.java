package org.fangfei.app.casefile;

import org.fangfei.app.shared.Rejected;

/**
 * One claim per ID number per registration window (policy). A second claim in the same
 * window is refused — the participant follows the first with its code; a claim in a later
 * (supplementary) window by someone already registered is a supplement (补充登记) of their
 * latest claim, not a duplicate: it carries their figures as they now stand and the
 * office checks it as it did the first.
 */
final class OneClaimPerWindow {

	private OneClaimPerWindow() {
	}

	/**
	 * The claim this one supplements (null for a first claim), or a refusal when the ID
	 * number already registered in this window.
	 */
	static Long supplementOf(boolean registeredInThisWindow, Long latestEarlierClaim) {
		if (registeredInThisWindow) {
			throw new Rejected("该身份证号本期已登记，不能重复登记。请用登记码查询核实结果；如需补充，请在补充登记期间提交",
					java.util.Map.of("idNumber", "该身份证号本期已登记"));
		}
		return latestEarlierClaim;
	}

}
