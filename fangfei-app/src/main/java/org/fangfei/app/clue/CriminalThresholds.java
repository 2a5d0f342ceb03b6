package org.fangfei.app.clue;

import java.util.Map;

import org.fangfei.app.shared.Rejected;

/**
 * The criminal thresholds of the 2022 judicial interpretation on 非法吸收公众存款: 100万元 raised
 * or 150 participants. Figures at those levels point to a suspected crime; a
 * determination below that needs its basis to say why (at least a sentence). Public for
 * the case ledger, which grades cases by the same interpretation ({@link #tier}).
 */
public final class CriminalThresholds {

	static final long AMOUNT_FEN = 1_000_000_00L;

	static final int PEOPLE = 150;

	static final int MIN_REASON = 10;

	/** 直接经济损失 at the criminal level: 50万元. */
	static final long LOSS_FEN = 500_000_00L;

	/** 数额特别巨大: 5000万元, 5000 participants or 2500万元 direct loss. */
	static final long HUGE_AMOUNT_FEN = 50_000_000_00L;

	static final int HUGE_PEOPLE = 5000;

	static final long HUGE_LOSS_FEN = 25_000_000_00L;

	/**
	 * 数额巨大 by direct loss: 250万元 (amount and people as
	 * {@link ClueGrade#MAJOR_AMOUNT_FEN}).
	 */
	static final long LARGE_LOSS_FEN = 2_500_000_00L;

	/**
	 * The level the figures reach under the 2022 interpretation (art. 3 and 4 of
	 * 法释〔2022〕5号), any one figure sufficing.
	 */
	public enum Tier {

		BELOW("未达刑事立案标准"), CRIMINAL("达到刑事立案标准"), LARGE("数额巨大"), HUGE("数额特别巨大");

		private final String label;

		Tier(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	private CriminalThresholds() {
	}

	/**
	 * The tier of a case or clue: amount raised, participants and direct loss, each may
	 * be unknown (null).
	 */
	public static Tier tier(Long amountFen, Integer people, Long lossFen) {
		if (atLeast(amountFen, HUGE_AMOUNT_FEN) || (people != null && people >= HUGE_PEOPLE)
				|| atLeast(lossFen, HUGE_LOSS_FEN)) {
			return Tier.HUGE;
		}
		if (atLeast(amountFen, ClueGrade.MAJOR_AMOUNT_FEN) || (people != null && people >= ClueGrade.MAJOR_PEOPLE)
				|| atLeast(lossFen, LARGE_LOSS_FEN)) {
			return Tier.LARGE;
		}
		if (reached(amountFen, people) || atLeast(lossFen, LOSS_FEN)) {
			return Tier.CRIMINAL;
		}
		return Tier.BELOW;
	}

	private static boolean atLeast(Long fen, long threshold) {
		return fen != null && fen >= threshold;
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
