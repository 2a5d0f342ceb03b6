/**
 * Backups (数据备份): scheduled consistent copies of the whole database into a configured
 * folder with retention, the system administrator's page with the last backup, and the
 * restore of a copy into a fresh instance at start-up.
 */
@ApplicationModule(allowedDependencies = { "audit", "shared" })
package org.fangfei.app.backup;

import org.springframework.modulith.ApplicationModule;
