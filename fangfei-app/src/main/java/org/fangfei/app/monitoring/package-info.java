/**
 * Fund-flow monitoring (资金监测): bank exports uploaded and run through the detector of
 * {@code fangfei-detect}, alerts from uploads and from the Flink job, their evidence
 * transfers, and turning an alert into a {@code MONITORING} clue.
 */
@ApplicationModule(
		allowedDependencies = { "clue", "subject", "organisation", "security", "workbench", "audit", "shared" })
package org.fangfei.app.monitoring;

import org.springframework.modulith.ApplicationModule;
