package org.fangfei.app.building;

/**
 * Filters of the building list; every field is optional. {@code text} matches part of the
 * name or the address; {@code unswept} keeps enabled buildings with no sweep in the
 * current month.
 */
record BuildingQuery(String text, BuildingKind kind, Boolean unswept) {

	public boolean unsweptOnly() {
		return Boolean.TRUE.equals(this.unswept);
	}

}
