package org.fangfei.app.patrol;

/**
 * A grid worker marked a patrol "发现问题，上报线索". Published inside the transaction that
 * records the patrol and its {@code pending_finding} row, so a listener registered with
 * Spring Modulith's {@code @ApplicationModuleListener} receives it only once both are
 * committed (see docs/patrols.md).
 *
 * @param patrolId the patrol that found it
 * @param subjectId the subject visited, or null when a building was visited
 * @param regionCode the region of the place visited
 * @param summary what was found, in Chinese
 * @param worker the grid worker who raised it
 */
public record PatrolFindingRaised(long patrolId, Long subjectId, String regionCode, String summary, String worker) {
}
