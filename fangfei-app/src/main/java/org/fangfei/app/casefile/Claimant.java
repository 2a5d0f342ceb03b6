package org.fangfei.app.casefile;

/** Who registers a participant's claim: the participant, an heir, or an agent. */
enum Claimant {

	SELF("本人"), HEIR("继承人"), AGENT("委托代理人");

	private final String label;

	Claimant(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
