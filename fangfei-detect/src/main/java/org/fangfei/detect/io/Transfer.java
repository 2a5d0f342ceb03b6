package org.fangfei.detect.io;

import java.io.Serializable;

import org.fangfei.detect.BadInputException;

/**
 * One parsed row of the transfers CSV. Time is epoch millis of the local time read as
 * UTC; seq is the input line number and breaks ties between equal times.
 *
 * @param txId transfer id
 * @param time epoch millis (local time as UTC)
 * @param seq input line number
 * @param payerAccount account money leaves
 * @param payerName payer's name, may be empty
 * @param payeeAccount account money arrives at
 * @param payeeName payee's name, may be empty
 * @param amountFen amount in fen (分)
 * @param channel channel, may be empty
 * @param memo memo (附言), may be empty
 */
public record Transfer(String txId, long time, long seq, String payerAccount, String payerName, String payeeAccount,
		String payeeName, long amountFen, String channel, String memo) implements Serializable {

	/**
	 * Parses one data line (no line break) of the transfers CSV.
	 * @param line the line
	 * @param lineNumber its 1-based number, used as {@link #seq()} and in error messages
	 * @return the transfer
	 * @throws BadInputException when the line is wrong
	 */
	public static Transfer parseLine(String line, long lineNumber) {
		return TransferCsvReader.parseLine(line, lineNumber);
	}

}
