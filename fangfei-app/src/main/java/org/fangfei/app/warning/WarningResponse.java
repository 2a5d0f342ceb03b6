package org.fangfei.app.warning;

import java.time.LocalDate;

/**
 * The response a warning requires: what was checked, what was done, the tier the unit
 * proposes, and for a red warning the on-site visit (004 task 29: 高风险预警现场指导).
 */
record WarningResponse(String checked, String done, String proposedTier, LocalDate visitedOn, String visitNote) {
}
