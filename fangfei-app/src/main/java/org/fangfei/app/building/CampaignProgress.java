package org.fangfei.app.building;

import java.time.LocalDate;
import java.util.List;

/**
 * The enabled buildings of a campaign's region (within the caller's jurisdiction), split
 * into those swept between the campaign's dates and those not.
 */
public record CampaignProgress(SweepCampaign campaign, List<Row> swept, List<Row> unswept) {

	/**
	 * @param lastSweptOn the latest sweep within the campaign's dates, or null
	 * @param sweeps how many sweeps within the campaign's dates
	 */
	public record Row(long buildingId, String name, String address, String regionName, LocalDate lastSweptOn,
			int sweeps) {
	}

}
