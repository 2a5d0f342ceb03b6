package org.fangfei.app.building;

import java.time.LocalDate;

/**
 * A 楼宇 as shown, with the number of tenant subjects registered in it and the day of its
 * latest sweep (null when never swept).
 */
public record Building(long id, String name, BuildingKind kind, String address, String regionCode, String regionName,
		Long gridId, String gridName, Integer floors, String notes, boolean enabled, int tenants,
		LocalDate lastSweptOn) {

	/** This building with the number of its tenants, which the subject ledger counts. */
	Building withTenants(int count) {
		return new Building(this.id, this.name, this.kind, this.address, this.regionCode, this.regionName, this.gridId,
				this.gridName, this.floors, this.notes, this.enabled, count, this.lastSweptOn);
	}

}
