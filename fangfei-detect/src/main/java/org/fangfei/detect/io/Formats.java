package org.fangfei.detect.io;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How amounts and times are written in the files and in the alerts' explanations, so the
 * two always agree.
 */
public final class Formats {

	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

	private Formats() {
	}

	/** Fen as yuan with two decimals, e.g. 12345 → "123.45". */
	public static String yuan(long fen) {
		long abs = Math.abs(fen);
		String cents = Long.toString(abs % 100);
		return ((fen < 0) ? "-" : "") + (abs / 100) + "." + ((cents.length() == 1) ? "0" + cents : cents);
	}

	/** Epoch millis (local time read as UTC) as ISO local date-time. */
	public static String time(long millis) {
		return ISO.format(LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), 0, ZoneOffset.UTC));
	}

}
