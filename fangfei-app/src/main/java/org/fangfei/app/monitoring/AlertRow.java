package org.fangfei.app.monitoring;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;

import org.fangfei.app.shared.Money;
import org.fangfei.detect.Pattern;

/**
 * A stored alert (资金异动预警) as the pages and the API show it. Times are local
 * (Asia/Shanghai) as the bank wrote them; amounts in fen.
 *
 * @param id row id
 * @param alertId the detector's deterministic id ({@code account-PATTERN-firstTime})
 * @param source UPLOAD or FLINK
 * @param batchId the upload it came from, for UPLOAD
 * @param regionCode the jurisdiction it belongs to
 * @param account the account that completed the pattern
 * @param holderName the account holder's name when known
 * @param pattern the pattern
 * @param score 0–100
 * @param firstTime first transfer the alert is about
 * @param lastTime the transfer that completed the pattern
 * @param txCount transfers the alert is about
 * @param amountInFen money in
 * @param amountOutFen money out
 * @param counterparties distinct counterparties
 * @param explanation the detector's Chinese explanation
 * @param status what became of it
 * @param clueId the clue it became
 * @param clueCode that clue's code
 * @param dismissReason why it was dismissed
 * @param handledBy who turned or dismissed it
 * @param receivedAt when it was stored
 */
record AlertRow(long id, String alertId, String source, Long batchId, String regionCode, String account,
		String holderName, Pattern pattern, int score, LocalDateTime firstTime, LocalDateTime lastTime, int txCount,
		long amountInFen, long amountOutFen, int counterparties, String explanation, AlertStatus status, Long clueId,
		String clueCode, String dismissReason, String handledBy, OffsetDateTime receivedAt) {

	public String patternLabel() {
		return this.pattern.label();
	}

	public String statusLabel() {
		return this.status.label();
	}

	public String sourceLabel() {
		return "FLINK".equals(this.source) ? "实时监测" : "上传流水";
	}

	public String amountIn() {
		return Money.yuan(this.amountInFen);
	}

	public String amountOut() {
		return Money.yuan(this.amountOutFen);
	}

}
