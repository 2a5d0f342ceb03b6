package org.fangfei.app.evaluation;

/** Whom a scheme scores: the townships (乡镇街道) or the member departments (成员单位). */
public enum Target {

	TOWNSHIP("乡镇(街道)"), DEPARTMENT("成员单位");

	private final String label;

	Target(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
