package org.fangfei.flink;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.fangfei.detect.Alert;

/**
 * An alert as the application's {@code POST /api/v1/monitoring/alerts} takes it: times as
 * ISO local date-times, amounts in yuan as decimal strings with two decimals. Kafka gets
 * the same object.
 */
final class AlertJson {

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

	private AlertJson() {
	}

	static String toJson(Alert alert) {
		StringBuilder out = new StringBuilder(256 + alert.explanation().length());
		out.append("{\"alertId\":");
		Json.string(out, alert.alertId()).append(",\"account\":");
		Json.string(out, alert.account()).append(",\"pattern\":");
		Json.string(out, alert.pattern().name()).append(",\"score\":").append(alert.score());
		out.append(",\"firstTime\":");
		Json.string(out, localTime(alert.firstTime())).append(",\"lastTime\":");
		Json.string(out, localTime(alert.lastTime())).append(",\"txCount\":").append(alert.txCount());
		out.append(",\"amountIn\":");
		Json.string(out, yuan(alert.amountInFen())).append(",\"amountOut\":");
		Json.string(out, yuan(alert.amountOutFen())).append(",\"counterparties\":").append(alert.counterparties());
		out.append(",\"explanation\":");
		return Json.string(out, alert.explanation()).append('}').toString();
	}

	/** The detector's times are epoch millis of the local time read as UTC. */
	static String localTime(long epochMillis) {
		return SECONDS.format(LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000), 0, ZoneOffset.UTC));
	}

	static String yuan(long fen) {
		return BigDecimal.valueOf(fen, 2).toPlainString();
	}

}
