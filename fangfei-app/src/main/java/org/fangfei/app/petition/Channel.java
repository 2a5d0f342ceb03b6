package org.fangfei.app.petition;

/** 信访形式: how a petition came in. */
public enum Channel {

	LETTER("来信"), VISIT("来访"), ONLINE("网上信访"), PHONE("电话");

	private final String label;

	Channel(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
