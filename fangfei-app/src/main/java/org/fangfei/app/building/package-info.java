/**
 * Buildings and building sweeps (楼宇 / 扫楼): the ledger of office buildings, commercial
 * premises and apartment blocks at risk with their tenant subjects, the sweeps several
 * units make of them together, sweep campaigns (专项扫楼行动), and which buildings are still
 * unswept this month.
 */
@ApplicationModule(allowedDependencies = { "subject", "organisation", "report", "audit", "shared" })
package org.fangfei.app.building;

import org.springframework.modulith.ApplicationModule;
