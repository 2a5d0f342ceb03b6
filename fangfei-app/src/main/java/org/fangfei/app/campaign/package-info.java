/**
 * Campaigns and tasks (专项行动): a campaign with its phases and dates, its tasks in groups
 * with a lead unit (牵头单位) and assisting units (配合单位) each, the plans each unit files
 * under it (1+N+3), progress each unit reports per period, reminders and overdue flags,
 * the board of every task × unit, and the half-year and final summaries. Sweep campaigns
 * (扫楼专项行动) are campaigns whose sweep task reads the building module's sweeps. See
 * docs/campaigns.md.
 */
@ApplicationModule(
		allowedDependencies = { "building", "organisation", "calendar", "notification", "security", "audit", "shared" })
package org.fangfei.app.campaign;

import org.springframework.modulith.ApplicationModule;
