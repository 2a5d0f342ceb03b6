package org.fangfei.app.building;

import java.time.LocalDate;

/**
 * A 楼宇 as shown, with the number of tenant subjects registered in it and the day of its
 * latest sweep (null when never swept).
 */
public record Building(long id, String name, BuildingKind kind, String address, String regionCode, String regionName,
		Long gridId, String gridName, Integer floors, String notes, boolean enabled, int tenants,
		LocalDate lastSweptOn) {
}
