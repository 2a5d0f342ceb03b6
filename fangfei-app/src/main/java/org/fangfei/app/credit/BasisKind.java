package org.fangfei.app.credit;

/** What puts a subject on the credit list. */
public enum BasisKind {

	ADMIN_PENALTY("行政处罚"), CRIMINAL_JUDGMENT("刑事判决");

	private final String label;

	BasisKind(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
