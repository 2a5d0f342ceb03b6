package org.fangfei.app.enquiry;

import java.time.LocalDate;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.fangfei.app.notification.Inbox;
import org.fangfei.app.notification.NoticeKind;
import org.fangfei.app.notification.Recipient;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminds the office of a freeze (冻结) that ends within {@link #DAYS_BEFORE} days, so it
 * is renewed with the bank in time or let go on purpose: one open notice per freeze in
 * the inbox of the office staff of its region, resolved once the freeze has ended. Runs
 * daily on one instance (ShedLock).
 */
@org.springframework.stereotype.Component
class FreezeReminders {

	static final int DAYS_BEFORE = 7;

	private final JdbcClient jdbc;

	private final Inbox inbox;

	FreezeReminders(JdbcClient jdbc, Inbox inbox) {
		this.jdbc = jdbc;
		this.inbox = inbox;
	}

	@Scheduled(initialDelayString = "${fangfei.enquiry.freeze-watch-initial-delay:PT3M}",
			fixedDelayString = "${fangfei.enquiry.freeze-watch-every:PT12H}")
	@SchedulerLock(name = "freeze-expiry-watch", lockAtLeastFor = "${fangfei.enquiry.freeze-watch-every:PT12H}",
			lockAtMostFor = "PT13H")
	void scheduled() {
		run(Times.today());
	}

	/**
	 * Posts the reminders due on {@code today} and resolves ended ones; returns how many
	 * posted.
	 */
	@Transactional
	int run(LocalDate today) {
		record Due(long id, String region, String bank, LocalDate until, String label) {
		}
		List<Due> due = this.jdbc.sql("""
				select id, region_code, bank, freeze_until, matter_label from enquiry
				where kind = 'FREEZE' and status = 'APPROVED' and freeze_until >= :today and freeze_until <= :soon
				""")
			.param("today", today)
			.param("soon", today.plusDays(DAYS_BEFORE))
			.query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
					rs.getString(5)))
			.list();
		int posted = 0;
		for (Due d : due) {
			String key = key(d.id(), d.until());
			if (this.inbox.posted(List.of(key)).isEmpty()) {
				this.inbox.post(NoticeKind.DUE_SOON, Recipient.role("OFFICE", d.region()), "冻结即将到期：" + d.bank(),
						d.label() + " 在" + d.bank() + "的冻结于 " + d.until() + " 到期，请及时办理续冻或确认解除", "/enquiries/" + d.id(),
						key);
				posted++;
			}
		}
		this.jdbc.sql("""
				select id, freeze_until from enquiry where kind = 'FREEZE' and status = 'APPROVED'
				and freeze_until < :today and freeze_until >= :since
				""")
			.param("today", today)
			.param("since", today.minusDays(30))
			.query((rs, n) -> key(rs.getLong(1), rs.getObject(2, LocalDate.class)))
			.list()
			.forEach(this.inbox::resolve);
		return posted;
	}

	static String key(long enquiryId, LocalDate until) {
		return "freeze-expiry:" + enquiryId + ":" + until;
	}

}
