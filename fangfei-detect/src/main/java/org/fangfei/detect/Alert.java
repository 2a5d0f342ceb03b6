package org.fangfei.detect;

import java.io.Serializable;

/**
 * One alert: an account completed a pattern. Times are epoch millis of local time read as
 * UTC. The id is deterministic ({@code account-PATTERN-firstTime}) so that {@code scan}
 * and the Flink job agree on it.
 *
 * @param alertId deterministic id
 * @param account the account that completed the pattern
 * @param pattern the pattern
 * @param score 0–100, higher is more suspicious
 * @param firstTime time of the first transfer the alert is about
 * @param lastTime time of the transfer that completed the pattern
 * @param txCount number of transfers the alert is about
 * @param amountInFen money in (fen) covered by the alert
 * @param amountOutFen money out (fen) covered by the alert
 * @param counterparties distinct counterparties covered by the alert (estimated for hubs)
 * @param explanation Chinese explanation for a clerk
 */
public record Alert(String alertId, String account, Pattern pattern, int score, long firstTime, long lastTime,
		int txCount, long amountInFen, long amountOutFen, int counterparties,
		String explanation) implements Serializable {

	public Alert {
		if (score < 0 || score > 100) {
			throw new IllegalArgumentException("score must be 0-100: " + score);
		}
	}

	/** The deterministic alert id both runtimes use. */
	public static String idOf(String account, Pattern pattern, long firstTime) {
		return account + "-" + pattern.name() + "-" + firstTime;
	}

}
