package org.fangfei.app.casefile;

import java.time.LocalDate;

/**
 * One stage a case reached: when, by which document and unit.
 *
 * @param stage the stage reached
 * @param on the date of the document
 * @param docNumber 文书编号, e.g. 会公(经)立字〔2026〕12号
 * @param unit the unit that made the decision
 * @param note what else is worth knowing, or null
 */
record StageEntry(CaseStage stage, LocalDate on, String docNumber, String unit, String note) {
}
