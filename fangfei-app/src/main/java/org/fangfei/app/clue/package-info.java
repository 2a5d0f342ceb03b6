/**
 * Clues (线索) from every channel and the one workflow that takes each to close-out (销号):
 * intake, acceptance, dispatch by jurisdiction, verification, determination, disposal,
 * feedback, look-back review (回头看), deadlines, supervision (督办) and joint-assessment
 * meetings (会商研判). Patrol and building-sweep findings come in as clues.
 */
@ApplicationModule(allowedDependencies = { "notification", "security", "calendar", "patrol", "building", "subject",
		"organisation", "workbench", "report", "audit", "shared" })
package org.fangfei.app.clue;

import org.springframework.modulith.ApplicationModule;
