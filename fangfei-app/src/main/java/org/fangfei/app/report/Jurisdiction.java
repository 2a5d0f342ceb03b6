package org.fangfei.app.report;

import org.fangfei.app.shared.Regions12;

/**
 * The area a figure covers: a region's whole subtree ({@code 620422%} for the county), or
 * only the records placed on the region itself ({@code exact}, the 本级 row of a form —
 * records of the county office rather than of a township).
 *
 * @param code the region's 12-digit code
 * @param name the region's name
 * @param exact whether only records placed on the region itself count
 */
public record Jurisdiction(String code, String name, boolean exact) {

	/** The bound value for {@code region_code like :regionLike}. */
	public String regionLike() {
		return this.exact ? this.code : Regions12.prefixOf(this.code) + "%";
	}

	/** The label shown in a drill-down's title. */
	public String label() {
		return this.exact ? this.name + "(本级)" : this.name;
	}

}
