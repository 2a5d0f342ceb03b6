package org.fangfei.app.organisation;

/**
 * Levels of the administrative tree, with the number of significant code digits of each.
 */
public enum RegionLevel {

	PROVINCE("省", 2), CITY("市", 4), COUNTY("县(区)", 6), TOWNSHIP("乡镇(街道)", 9), VILLAGE("村(社区)", 12);

	private final String label;

	private final int digits;

	RegionLevel(String label, int digits) {
		this.label = label;
		this.digits = digits;
	}

	public String label() {
		return this.label;
	}

	public static RegionLevel ofCode(String code) {
		int digits = org.fangfei.app.shared.Regions12.significantLength(code);
		for (RegionLevel level : values()) {
			if (level.digits == digits) {
				return level;
			}
		}
		throw new IllegalArgumentException(code);
	}

}
