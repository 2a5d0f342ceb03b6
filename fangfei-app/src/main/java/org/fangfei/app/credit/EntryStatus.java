package org.fangfei.app.credit;

/** Where an entry of the credit list stands; an entry is never deleted. */
public enum EntryStatus {

	LISTED("在列"), EXPIRED("期满移出"), REPAIRED("信用修复移出");

	private final String label;

	EntryStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
