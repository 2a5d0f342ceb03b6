package org.fangfei.app.casefile;

/** Where an asset of a case stands (追赃挽损). */
public enum AssetStatus {

	TRACED("已查明"), SEIZED("已查封扣押"), FROZEN("已冻结"), REALISED("已变现");

	private final String label;

	AssetStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
