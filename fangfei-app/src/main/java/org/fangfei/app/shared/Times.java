package org.fangfei.app.shared;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Moments read from {@code timestamptz} columns come back from the driver in UTC; pages
 * show them in the application's zone (China Standard Time unless configured, see
 * {@code FangfeiApplication}).
 */
public final class Times {

	private Times() {
	}

	/** The same instant, at the offset of the JVM's default zone; null stays null. */
	public static OffsetDateTime local(OffsetDateTime at) {
		return at == null ? null : at.atZoneSameInstant(ZoneId.systemDefault()).toOffsetDateTime();
	}

}
