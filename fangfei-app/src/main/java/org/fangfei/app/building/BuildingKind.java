package org.fangfei.app.building;

/**
 * What sort of premises a building is.
 */
public enum BuildingKind {

	OFFICE("写字楼"), COMMERCIAL("商业综合体"), APARTMENT("公寓楼"), MARKET("市场"), OTHER("其他");

	private final String label;

	BuildingKind(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
