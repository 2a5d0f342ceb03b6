package org.fangfei.app.enquiry;

import java.time.Instant;

/**
 * Within the enquiry module: a statement's flows were loaded into a matter. Published in
 * the load's transaction through Spring Modulith's event publication registry, so
 * {@link TraceAlerts} runs the detector over the matter's flows once the load committed,
 * in the background and in its own transaction, and again after a crash; the upload does
 * not wait for it (issue 20: docs/performance.md).
 *
 * @param matterKind the matter's kind (CASE, CLUE)
 * @param matterId the matter
 * @param loadedAt when the load finished writing, to log how long after it the alerts
 * were in
 */
record StatementLoaded(String matterKind, long matterId, Instant loadedAt) {
}
