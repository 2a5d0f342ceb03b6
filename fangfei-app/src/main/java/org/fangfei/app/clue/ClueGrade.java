package org.fangfei.app.clue;

/**
 * 线索等级. A major clue (重大线索) has shorter deadlines and is reported upward at once.
 */
public enum ClueGrade {

	NORMAL("一般"), MAJOR("重大");

	/**
	 * 500万元 raised or 500 participants: "数额巨大" in the 2022 judicial interpretation, the
	 * level at which a clue is suggested as major.
	 */
	static final long MAJOR_AMOUNT_FEN = 5_000_000_00L;

	static final int MAJOR_PEOPLE = 500;

	private final String label;

	ClueGrade(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** The grade the figures suggest; the clerk may still grade higher. */
	static ClueGrade suggested(Long amountFen, Integer people) {
		boolean major = (amountFen != null && amountFen >= MAJOR_AMOUNT_FEN)
				|| (people != null && people >= MAJOR_PEOPLE);
		return major ? MAJOR : NORMAL;
	}

}
