package org.fangfei.app.building;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One 扫楼 of a building: when, by whom (the account that recorded it), with which units or
 * people, how many tenants were checked and how many risks were found.
 */
public record Sweep(long id, long buildingId, String buildingName, Long campaignId, String campaignName,
		LocalDate sweptOn, String sweptBy, String participants, int tenantsChecked, int risksFound, String findings,
		OffsetDateTime createdAt) {
}
