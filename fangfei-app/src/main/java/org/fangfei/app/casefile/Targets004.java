package org.fangfei.app.casefile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The targets of 004 (三(三) and task 22) shown against one case: a case filed 3 years ago
 * or more is under listed supervision with a leader who owns it (挂牌督办, 领导包案); one filed 5
 * years ago or more is cleared (出清, here 结案); a criminal case is tried and its refund
 * done within 2 years of filing (原则上刑事侦查立案2年内审判终结并完成资金清退). "Filed" is the criminal filing
 * date, or the opening of an administrative case.
 */
final class Targets004 {

	private Targets004() {
	}

	enum Standing {

		MET("已达标"), DUE("未到期"), MISSED("未达标");

		private final String label;

		Standing(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	/**
	 * @param what the target, in Chinese
	 * @param due the date by which it applies
	 */
	record Target(String what, LocalDate due, Standing standing) {
	}

	/** What the targets say about a case today. */
	static List<Target> of(Facts f, LocalDate today) {
		List<Target> targets = new ArrayList<>();
		LocalDate filed = f.criminalFiledOn() != null ? f.criminalFiledOn() : f.openedOn();
		LocalDate three = filed.plusYears(3);
		boolean supervised = f.listedSupervision() && f.ownerLeader();
		targets.add(new Target("立案3年以上领导挂牌督办、领导包案", three,
				supervised ? Standing.MET : today.isBefore(three) ? Standing.DUE : Standing.MISSED));
		LocalDate five = filed.plusYears(5);
		boolean cleared = f.stage() == CaseStage.CLOSED;
		targets.add(new Target("立案5年以上全部出清", five,
				cleared ? Standing.MET : today.isBefore(five) ? Standing.DUE : Standing.MISSED));
		if (f.path() == CasePath.CRIMINAL && f.criminalFiledOn() != null) {
			LocalDate two = f.criminalFiledOn().plusYears(2);
			boolean done = f.refundDoneOn() != null && !f.refundDoneOn().isAfter(two) && f.trialOn() != null
					&& !f.trialOn().isAfter(two);
			targets.add(new Target("刑事立案2年内审判终结并完成资金清退", two,
					done ? Standing.MET : today.isBefore(two) ? Standing.DUE : Standing.MISSED));
		}
		return targets;
	}

	/**
	 * @param trialOn date the trial stage was reached, or null
	 * @param refundDoneOn date the case was closed after its refund stage, or null
	 */
	record Facts(CasePath path, CaseStage stage, LocalDate openedOn, LocalDate criminalFiledOn,
			boolean listedSupervision, boolean ownerLeader, LocalDate trialOn, LocalDate refundDoneOn) {
	}

}
