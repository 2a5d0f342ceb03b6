package org.fangfei.app.enquiry;

import java.time.LocalDate;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.fangfei.app.notification.DueReminders;
import org.fangfei.app.notification.Recipient;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Reminds the office of a freeze (冻结) that ends within {@link #DAYS_BEFORE} days, so it
 * is renewed with the bank in time or let go on purpose: one open notice per freeze in
 * the inbox of the office staff of its region, resolved once the freeze has ended
 * ({@link DueReminders}). Runs twice a day on one instance (ShedLock), each pass in one
 * transaction.
 */
@org.springframework.stereotype.Component
class FreezeReminders {

	static final int DAYS_BEFORE = 7;

	private final JdbcClient jdbc;

	private final DueReminders reminders;

	FreezeReminders(JdbcClient jdbc, DueReminders reminders) {
		this.jdbc = jdbc;
		this.reminders = reminders;
	}

	@Scheduled(initialDelayString = "${fangfei.enquiry.freeze-watch-initial-delay:PT3M}",
			fixedDelayString = "${fangfei.enquiry.freeze-watch-every:PT12H}")
	@SchedulerLock(name = "freeze-expiry-watch", lockAtLeastFor = "${fangfei.enquiry.freeze-watch-every:PT12H}",
			lockAtMostFor = "PT13H")
	void scheduled() {
		run(Times.today());
	}

	/**
	 * Posts the reminders due on {@code today} and resolves those of freezes that have
	 * ended, all or none; returns how many were newly posted.
	 */
	int run(LocalDate today) {
		return this.reminders.pass(() -> remindAll(today));
	}

	private int remindAll(LocalDate today) {
		record Freeze(long id, String region, String bank, LocalDate until, String label) {
		}
		List<Freeze> freezes = this.jdbc.sql("""
				select id, region_code, bank, freeze_until, matter_label from enquiry
				where kind = 'FREEZE' and status = 'APPROVED' and freeze_until >= :since and freeze_until <= :soon
				order by id
				""")
			.param("since", today.minusDays(30))
			.param("soon", today.plusDays(DAYS_BEFORE))
			.query((rs, n) -> new Freeze(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, LocalDate.class), rs.getString(5)))
			.list();
		int posted = 0;
		for (Freeze f : freezes) {
			// a freeze ends on its day: no overdue notice, the reminder is resolved after
			// it
			DueReminders.Due due = new DueReminders.Due(Recipient.role("OFFICE", f.region()), key(f.id(), f.until()),
					"/enquiries/" + f.id(), f.until().minusDays(DAYS_BEFORE), f.until(), "冻结即将到期：" + f.bank(),
					f.label() + " 在" + f.bank() + "的冻结于 " + f.until() + " 到期，请及时办理续冻或确认解除", null, null);
			if (this.reminders.remind(due, today)) {
				posted++;
			}
		}
		return posted;
	}

	static String key(long enquiryId, LocalDate until) {
		return "freeze-expiry:" + enquiryId + ":" + until;
	}

}
