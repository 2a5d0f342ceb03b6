package org.fangfei.app.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.TimeZone;

/**
 * The one time-zone rule: every time a page, an export or a message shows, and every
 * "today", is in the county's zone — {@code fangfei.time-zone}, China Standard Time
 * ({@code Asia/Shanghai}) unless configured — whatever zone the server's clock is set to.
 * {@link CountyTimeZone} sets it from the configuration before any bean exists and makes
 * it the JVM's default too, so the database sessions and {@code LocalDate.now()} agree.
 * Moments read from {@code timestamptz} columns come back from the driver in UTC: readers
 * pass them through {@link #local(OffsetDateTime)} before a page or file shows them.
 */
public final class Times {

	/** The zone when none is configured. */
	public static final String DEFAULT_ZONE = "Asia/Shanghai";

	private static volatile ZoneId zone = ZoneId.of(DEFAULT_ZONE);

	/**
	 * A moment the current thread is held at (the demo's year of history), or null for
	 * the system clock. Thread-confined, so requests served meanwhile see the real time.
	 */
	private static final ThreadLocal<Instant> HELD = new ThreadLocal<>();

	private Times() {
	}

	/** The county's zone. */
	public static ZoneId zone() {
		return zone;
	}

	/**
	 * Makes {@code id} the county's zone and the JVM's default; refuses an unknown zone
	 * with its name.
	 */
	public static ZoneId use(String id) {
		ZoneId chosen;
		try {
			chosen = ZoneId.of(id == null || id.isBlank() ? DEFAULT_ZONE : id.strip());
		}
		catch (java.time.DateTimeException ex) {
			throw new IllegalStateException("fangfei.time-zone: unknown time zone '" + id + "' (e.g. Asia/Shanghai)",
					ex);
		}
		zone = chosen;
		TimeZone.setDefault(TimeZone.getTimeZone(chosen));
		return chosen;
	}

	/** The same instant, at the county zone's offset; null stays null. */
	public static OffsetDateTime local(OffsetDateTime at) {
		return at == null ? null : at.atZoneSameInstant(zone).toOffsetDateTime();
	}

	/** An instant at the county zone's offset; null stays null. */
	public static OffsetDateTime local(Instant at) {
		return at == null ? null : OffsetDateTime.ofInstant(at, zone);
	}

	/** A wall-clock time in the county, as the instant it names. */
	public static OffsetDateTime atCounty(LocalDateTime wallClock) {
		return wallClock == null ? null : wallClock.atZone(zone).toOffsetDateTime();
	}

	/** Today in the county. */
	public static LocalDate today() {
		return LocalDate.now(clock());
	}

	/** Now in the county. */
	public static OffsetDateTime now() {
		return OffsetDateTime.now(clock());
	}

	/**
	 * A clock in the county's zone: the system clock, or the moment the current thread is
	 * held at ({@link #holdAt}).
	 */
	public static Clock clock() {
		Instant held = HELD.get();
		return held == null ? Clock.system(zone) : Clock.fixed(held, zone);
	}

	/**
	 * Holds the current thread's {@link #now()} and {@link #today()} at {@code at} until
	 * the returned handle is closed, so that what a service stamps (timelines, steps,
	 * working-day deadlines) is dated then. Only the demo's year of history uses it
	 * ({@link DemoPart}); a moment in the future is refused.
	 */
	public static Held holdAt(OffsetDateTime at) {
		if (at.toInstant().isAfter(Instant.now())) {
			throw new IllegalArgumentException("cannot hold the clock in the future: " + at);
		}
		Instant before = HELD.get();
		HELD.set(at.toInstant());
		return () -> {
			if (before == null) {
				HELD.remove();
			}
			else {
				HELD.set(before);
			}
		};
	}

	/** The handle of a held clock; closing it lets the thread's clock run again. */
	@FunctionalInterface
	public interface Held extends AutoCloseable {

		@Override
		void close();

	}

}
