package org.fangfei.app.casefile;

/** Where a case came from. */
public enum CaseOrigin {

	CLUE("线索认定"), ASSIGNED("上级交办"), LEGACY("存量案件");

	private final String label;

	CaseOrigin(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
