package org.fangfei.app.clue;

import java.util.Map;

import org.fangfei.app.shared.Rejected;

/**
 * The criminal thresholds of the 2022 judicial interpretation on 非法吸收公众存款: 100万元 raised
 * or 150 participants. Figures at those levels point to a suspected crime; a
 * determination below that needs its basis to say why (at least a sentence).
 */
final class CriminalThresholds {

	static final long AMOUNT_FEN = 1_000_000_00L;

	static final int PEOPLE = 150;

	static final int MIN_REASON = 10;

	private CriminalThresholds() {
	}

	static boolean reached(Long amountFen, Integer people) {
		return (amountFen != null && amountFen >= AMOUNT_FEN) || (people != null && people >= PEOPLE);
	}

	static void checkDetermination(Determination what, Long amountFen, Integer people, String basis) {
		if (what != Determination.SUSPECTED_CRIME && reached(amountFen, people)
				&& (basis == null || basis.strip().length() < MIN_REASON)) {
			String message = "涉及金额或人数已达刑事立案标准(100万元或150人)，认定为“" + what.label() + "”须在依据中说明理由(不少于10字)";
			throw new Rejected(message, Map.of("note", message));
		}
	}

}
