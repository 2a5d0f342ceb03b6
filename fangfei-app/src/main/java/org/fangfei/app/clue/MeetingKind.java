package org.fangfei.app.clue;

/**
 * 联席会议 (the joint conference of member units) or 会商研判会 (an assessment meeting on
 * particular clues).
 */
public enum MeetingKind {

	JOINT("联席会议"), ASSESSMENT("会商研判会");

	private final String label;

	MeetingKind(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
