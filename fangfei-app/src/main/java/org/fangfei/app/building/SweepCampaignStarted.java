package org.fangfei.app.building;

import java.time.LocalDate;

/**
 * A sweep campaign (扫楼专项行动) was started, through a page or the API. Published in the
 * transaction that creates it, so the campaign module frames it as a campaign once it is
 * committed (and again after a failure).
 *
 * @param sweepCampaignId the new sweep campaign
 * @param name its name
 * @param regionCode the region whose buildings it sweeps
 * @param startsOn its first day
 * @param endsOn its last day
 */
public record SweepCampaignStarted(long sweepCampaignId, String name, String regionCode, LocalDate startsOn,
		LocalDate endsOn) {
}
