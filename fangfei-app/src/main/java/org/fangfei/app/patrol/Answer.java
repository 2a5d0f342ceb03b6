package org.fangfei.app.patrol;

/**
 * An answer to a checklist question; {@link #NONE} (不涉及) only for whether fundraising was
 * approved, when the subject raises no money at all.
 */
enum Answer {

	YES("是"), NO("否"), UNKNOWN("不清楚"), NONE("不涉及");

	private final String label;

	Answer(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
