package org.fangfei.app.monitoring;

/** What became of an alert: waiting, turned into a clue, or dismissed with a reason. */
enum AlertStatus {

	NEW("待处理"), CLUED("已转线索"), DISMISSED("已排除");

	private final String label;

	AlertStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
