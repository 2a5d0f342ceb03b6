/**
 * Starts the embedded PostgreSQL when no external database is configured, so that one
 * command runs Fangfei on a fresh machine.
 */
@ApplicationModule(allowedDependencies = { "shared" })
package org.fangfei.app.database;

import org.springframework.modulith.ApplicationModule;
