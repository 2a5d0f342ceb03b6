package org.fangfei.app.building;

import java.time.LocalDate;

/**
 * A 专项扫楼行动: several units sweep the buildings of a region between two dates.
 */
public record SweepCampaign(long id, String name, String regionCode, String regionName, LocalDate startsOn,
		LocalDate endsOn) {

	boolean covers(LocalDate day) {
		return !day.isBefore(this.startsOn) && !day.isAfter(this.endsOn);
	}

}
