package org.fangfei.app.petition;

/** Where a dispute stands. */
public enum DisputeStatus {

	OPEN("待化解"), RESOLVING("化解中"), RESOLVED("已化解");

	private final String label;

	DisputeStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
