package org.fangfei.app.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Spring bean: the current table from the database, cached and refreshed when an admin
 * edits it.
 * <p>
 * The table is held as one immutable {@link WorkingDays} snapshot in a volatile field. An
 * edit on this instance reloads it right after its transaction commits; edits made on
 * another instance of a multi-instance deployment (or straight in the database) are seen
 * once the snapshot is older than {@code fangfei.calendar.refresh-seconds} (default 60),
 * when the next caller reloads it. If that reload fails, the old snapshot is kept and the
 * reload is tried again on the next call.
 */
@Service
public class WorkCalendar {

	private static final Logger log = LoggerFactory.getLogger(WorkCalendar.class);

	private final JdbcClient jdbc;

	private final Duration maxAge;

	private final InstantSource clock;

	private volatile Snapshot snapshot;

	@Autowired
	WorkCalendar(JdbcClient jdbc, @Value("${fangfei.calendar.refresh-seconds:60}") long refreshSeconds) {
		this(jdbc, Duration.ofSeconds(refreshSeconds), InstantSource.system());
	}

	WorkCalendar(JdbcClient jdbc, Duration maxAge, InstantSource clock) {
		this.jdbc = jdbc;
		this.maxAge = maxAge;
		this.clock = clock;
	}

	/**
	 * The table as of the last load, reloaded first when it is older than the refresh
	 * interval.
	 */
	public WorkingDays current() {
		Snapshot s = this.snapshot;
		if (s == null || s.olderThan(this.maxAge, this.clock.instant())) {
			s = reload(false);
		}
		return s.days();
	}

	/** See {@link WorkingDays#plus(LocalDate, int)}. */
	public LocalDate plusWorkingDays(LocalDate start, int n) {
		return current().plus(start, n);
	}

	/** See {@link WorkingDays#between(LocalDate, LocalDate)}. */
	public int workingDaysBetween(LocalDate a, LocalDate b) {
		return current().between(a, b);
	}

	/**
	 * Reloads after the caller's transaction commits (at once when there is none), so
	 * that the next reader sees the edit and a rolled-back edit is never seen.
	 */
	void refreshAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					reload(true);
				}
			});
		}
		else {
			reload(true);
		}
	}

	private synchronized Snapshot reload(boolean force) {
		Snapshot old = this.snapshot;
		Instant now = this.clock.instant();
		if (!force && old != null && !old.olderThan(this.maxAge, now)) {
			return old;
		}
		try {
			this.snapshot = new Snapshot(load(), now);
		}
		catch (DataAccessException ex) {
			if (old == null) {
				throw ex;
			}
			log.warn("Work calendar not reloaded, keeping the table loaded at {}: {}", old.loadedAt(), ex.getMessage());
			return old;
		}
		return this.snapshot;
	}

	private WorkingDays load() {
		Set<LocalDate> holidays = new HashSet<>();
		Set<LocalDate> workdays = new HashSet<>();
		this.jdbc.sql("select day, kind from holiday").query((rs, n) -> {
			LocalDate day = rs.getObject("day", LocalDate.class);
			(HolidayKind.valueOf(rs.getString("kind")) == HolidayKind.HOLIDAY ? holidays : workdays).add(day);
			return day;
		}).list();
		return new WorkingDays(holidays, workdays);
	}

	private record Snapshot(WorkingDays days, Instant loadedAt) {

		boolean olderThan(Duration age, Instant now) {
			return this.loadedAt.plus(age).isBefore(now);
		}

	}

}
