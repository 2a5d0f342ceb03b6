package org.fangfei.app.petition;

/** 社会稳定风险等级 of an assessment or a key person. */
public enum StabilityRisk {

	HIGH("高"), MEDIUM("中"), LOW("低");

	private final String label;

	StabilityRisk(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
