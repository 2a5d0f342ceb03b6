package org.fangfei.app.casefile;

/**
 * A participant's claim: registered, accepted after checking, or refused with a reason.
 */
public enum ClaimStatus {

	CLAIMED("待核实"), ACCEPTED("已核实"), REFUSED("不予认可");

	private final String label;

	ClaimStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
