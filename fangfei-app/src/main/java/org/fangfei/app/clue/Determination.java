package org.fangfei.app.clue;

/**
 * 认定: what a verified clue turned out to be.
 */
public enum Determination {

	NOT_ILLEGAL("不属于非法集资"), IRREGULAR("不规范经营行为"), SUSPECTED_ILLEGAL("涉嫌非法集资"), SUSPECTED_CRIME("涉嫌犯罪");

	private final String label;

	Determination(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/**
	 * Whether disposal measures follow; a clue found not illegal goes straight to
	 * feedback.
	 */
	public boolean needsDisposal() {
		return this != NOT_ILLEGAL;
	}

}
