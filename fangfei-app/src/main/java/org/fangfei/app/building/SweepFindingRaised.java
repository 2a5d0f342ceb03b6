package org.fangfei.app.building;

/**
 * A sweep was recorded with "发现问题，上报线索". Published in the transaction that records the
 * sweep, so a listener registered with Spring Modulith's
 * {@code @ApplicationModuleListener} hears of it once the sweep is committed, and again
 * after a failure; {@link Sweeps#untakenFindings} lists those still waiting.
 *
 * @param sweepId the sweep that found it
 * @param buildingId the building swept
 * @param regionCode the building's region
 * @param summary what was found, in Chinese
 * @param sweptBy the account that recorded the sweep
 */
public record SweepFindingRaised(long sweepId, long buildingId, String regionCode, String summary, String sweptBy) {
}
