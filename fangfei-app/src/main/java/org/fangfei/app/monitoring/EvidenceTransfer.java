package org.fangfei.app.monitoring;

import java.time.LocalDateTime;

import org.fangfei.app.shared.Money;

/**
 * One transfer shown as evidence of an alert, with its direction seen from the alert's
 * account.
 *
 * @param batchId the upload it is from
 * @param line its line in that file
 * @param txId the bank's transaction id
 * @param time local time
 * @param inflow whether money came into the alert's account
 * @param counterpartyAccount the other account
 * @param counterpartyName the other account's holder
 * @param amountFen amount
 * @param channel channel
 * @param memo memo (附言)
 */
record EvidenceTransfer(long batchId, int line, String txId, LocalDateTime time, boolean inflow,
		String counterpartyAccount, String counterpartyName, long amountFen, String channel, String memo) {

	public String amount() {
		return Money.yuan(this.amountFen);
	}

}
