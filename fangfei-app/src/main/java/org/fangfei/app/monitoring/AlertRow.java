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

	private static final java.util.regex.Pattern ISO_TIME = java.util.regex.Pattern
		.compile("(\\d{4}-\\d{2}-\\d{2})T(\\d{2}:\\d{2}(?::\\d{2})?)");

	/**
	 * The detector's explanation as a clerk reads it: times as "2024-03-11 07:17:46", not
	 * ISO's "2024-03-11T07:17:46" the files use.
	 */
	public String explanationText() {
		return readable(this.explanation);
	}

	/**
	 * The alert's number as a clerk reads it: the pattern by its Chinese name and the
	 * time readable ({@code alertId} keeps the detector's form, the clue's source
	 * reference).
	 */
	public String alertNumber() {
		return readable(this.alertId);
	}

	/** Pattern codes by their Chinese names and ISO times with a space. */
	static String readable(String text) {
		if (text == null) {
			return null;
		}
		String out = ISO_TIME.matcher(text).replaceAll("$1 $2");
		for (Pattern p : Pattern.values()) {
			out = out.replace(p.name(), p.label());
		}
		return out;
	}

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
