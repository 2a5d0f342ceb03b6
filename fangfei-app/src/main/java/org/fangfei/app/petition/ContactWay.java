package org.fangfei.app.petition;

/** How a key person was contacted. */
public enum ContactWay {

	VISIT("上门走访"), PHONE("电话联系"), TALK("约谈"), OTHER("其他");

	private final String label;

	ContactWay(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
