package org.fangfei.app.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.fangfei.app.notification.Inbox;
import org.fangfei.app.notification.NoticeKind;
import org.fangfei.app.notification.Recipient;
import org.fangfei.app.shared.Times;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells the system administrator when a year's holiday schedule (节假日安排) is missing: from
 * December on for the coming year, and for the current year whenever it has none. Days of
 * a year without a schedule follow the plain week, so without it 2027-01-01 would
 * silently count as a working day and every deadline across the holidays would be short.
 * Checked once a day on one instance (scheduler lock); the notice is keyed by the year,
 * so it is posted once however often the check runs, and resolved once the schedule is
 * entered.
 */
@Component
class HolidayScheduleWatch {

	static final String LOCK = "calendar-schedule-watch";

	private final JdbcClient jdbc;

	private final Inbox inbox;

	private final Clock clock;

	@Autowired
	HolidayScheduleWatch(JdbcClient jdbc, Inbox inbox) {
		this(jdbc, inbox, Times.clock());
	}

	HolidayScheduleWatch(JdbcClient jdbc, Inbox inbox, Clock clock) {
		this.jdbc = jdbc;
		this.inbox = inbox;
		this.clock = clock;
	}

	@Scheduled(cron = "${fangfei.calendar.schedule-check-cron:0 30 8 * * *}",
			zone = "${fangfei.time-zone:Asia/Shanghai}")
	@SchedulerLock(name = LOCK, lockAtLeastFor = "PT1H", lockAtMostFor = "PT2H")
	void daily() {
		check(LocalDate.now(this.clock));
	}

	/**
	 * The year whose schedule must be there by {@code today} — the coming one in
	 * December, else the current one — and a notice when it is missing; returns whether
	 * it is.
	 */
	boolean check(LocalDate today) {
		int year = today.getMonth() == Month.DECEMBER ? today.getYear() + 1 : today.getYear();
		String key = "calendar:schedule-missing:" + year;
		boolean entered = this.jdbc.sql("select exists (select 1 from holiday where day between :from and :to)")
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year, 12, 31))
			.query(Boolean.class)
			.single();
		if (entered) {
			this.inbox.resolve(key);
			return false;
		}
		this.inbox.post(NoticeKind.CALENDAR, Recipient.role("SYS_ADMIN", null), year + "年节假日安排尚未录入",
				"工作日历中还没有" + year + "年的法定节假日和调休上班安排。未录入前，" + year + "年的节假日会按普通工作日计算办理时限(例如元旦)。请按国务院办公厅公布的安排录入。",
				"/settings/holidays?year=" + year, key);
		return true;
	}

}
