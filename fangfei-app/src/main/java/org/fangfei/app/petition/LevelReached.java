package org.fangfei.app.petition;

/**
 * The highest level the petitioners went to (越级上访 shows the local handling failed them).
 */
public enum LevelReached {

	COUNTY("县级"), CITY("市级"), PROVINCE("赴省"), BEIJING("进京");

	private final String label;

	LevelReached(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
