package org.fangfei.app.petition;

/** 信访人对办理结果的评价. */
public enum Satisfaction {

	SATISFIED("满意"), BASICALLY_SATISFIED("基本满意"), DISSATISFIED("不满意");

	private final String label;

	Satisfaction(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
