/**
 * Starts the embedded PostgreSQL when no external database is configured, so that one
 * command runs Fangfei on a fresh machine.
 */
package org.fangfei.app.database;
