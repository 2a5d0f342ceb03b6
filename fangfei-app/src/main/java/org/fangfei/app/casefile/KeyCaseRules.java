package org.fangfei.app.casefile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * 重点案件 (004 二(二), tasks 21–22; MISSION capability 6): a case is key when a leader
 * instructed on it (批示), it involves 1 亿元 or more, 1 000 participants or more, it was
 * filed as a criminal case 5 years ago or more, it carries petitions or a stability risk
 * (信访矛盾突出, 涉稳隐患), or it reaches into another province (重大跨区域). The first and the
 * petitions flag are set by hand, the rest follow from the recorded facts. {@link #SQL}
 * is the same rule for the list's filter.
 */
final class KeyCaseRules {

	static final long AMOUNT_FEN = 100_000_000_00L;

	static final int PARTICIPANTS = 1000;

	static final int FILED_YEARS = 5;

	/**
	 * The rule over {@code case_file c}, with {@code :fiveYearsAgo} bound to today minus
	 * {@link #FILED_YEARS} years.
	 */
	static final String SQL = "(c.leader_instruction is not null or c.stability_risk is not null or c.cross_province"
			+ " or c.amount_raised_fen >= " + AMOUNT_FEN + " or c.participants_count >= " + PARTICIPANTS
			+ " or c.criminal_filed_on <= :fiveYearsAgo)";

	private KeyCaseRules() {
	}

	/** Why a case is key, in Chinese; empty when it is not. */
	static List<String> reasons(Facts f, LocalDate today) {
		List<String> reasons = new ArrayList<>();
		if (f.leaderInstruction() != null) {
			reasons.add("领导批示");
		}
		if (f.amountRaisedFen() != null && f.amountRaisedFen() >= AMOUNT_FEN) {
			reasons.add("涉案金额亿元以上");
		}
		if (f.participants() != null && f.participants() >= PARTICIPANTS) {
			reasons.add("集资参与人千人以上");
		}
		if (f.criminalFiledOn() != null && !f.criminalFiledOn().isAfter(today.minusYears(FILED_YEARS))) {
			reasons.add("刑事立案5年以上");
		}
		if (f.stabilityRisk() != null) {
			reasons.add("信访矛盾突出或涉稳隐患");
		}
		if (f.crossProvince()) {
			reasons.add("重大跨区域");
		}
		return reasons;
	}

	/** The facts the rule weighs. */
	record Facts(String leaderInstruction, Long amountRaisedFen, Integer participants, LocalDate criminalFiledOn,
			String stabilityRisk, boolean crossProvince) {
	}

}
