package org.fangfei.app.building;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One 扫楼 of a building: when, by whom (the account that recorded it), with which units or
 * people, how many tenants were checked and how many risks were found; whether it raised
 * a clue and, once the clue workflow took it in, the clue's code.
 */
public record Sweep(long id, long buildingId, String buildingName, Long campaignId, String campaignName,
		LocalDate sweptOn, String sweptBy, String participants, int tenantsChecked, int risksFound, String findings,
		OffsetDateTime createdAt, boolean raisedClue, String clueRef) {
}
