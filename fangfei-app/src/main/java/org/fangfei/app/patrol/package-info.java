/**
 * Patrols (走访巡查): a grid worker's visit to a subject or building with the six-point
 * checklist of 会宁县网格化实施意见 §三, photos taken on the spot, and findings raised for the clue
 * workflow ({@link org.fangfei.app.patrol.PatrolFindingRaised}); coverage of grids by
 * patrols.
 */
@ApplicationModule(allowedDependencies = { "building", "subject", "workbench", "report", "audit", "shared" })
package org.fangfei.app.patrol;

import org.springframework.modulith.ApplicationModule;
