package org.fangfei.app.monitoring;

/**
 * One alert as the Flink job's HTTP sink sends it: times as ISO local date-times
 * ({@code 2026-03-01T09:30:00}), amounts in yuan as decimal strings. Checked field by
 * field by {@link AlertIngest}, so a bad item gets a message naming it.
 *
 * @param alertId the detector's deterministic id
 * @param account the account that completed the pattern
 * @param pattern one of the detector's patterns, e.g. SCATTER_IN_GATHER_OUT
 * @param score 0–100
 * @param firstTime first transfer the alert is about
 * @param lastTime the transfer that completed the pattern
 * @param txCount transfers the alert is about
 * @param amountIn money in, yuan
 * @param amountOut money out, yuan
 * @param counterparties distinct counterparties
 * @param explanation the detector's Chinese explanation
 */
record AlertInput(String alertId, String account, String pattern, Integer score, String firstTime, String lastTime,
		Integer txCount, String amountIn, String amountOut, Integer counterparties, String explanation) {
}
