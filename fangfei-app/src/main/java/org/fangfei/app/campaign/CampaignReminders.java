package org.fangfei.app.campaign;

import java.time.LocalDate;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.fangfei.app.calendar.WorkCalendar;
import org.fangfei.app.notification.DueReminders;
import org.fangfei.app.notification.Recipient;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds each unit of its campaign reports: from {@value #DAYS_BEFORE} working days (by
 * the work calendar) before a period's report is due, a 即将到期 notice; once it is past due
 * and still not filed, an 已逾期 notice ({@link DueReminders}). Filing resolves both.
 * Posting is idempotent, so running again the same day adds nothing. Runs once across
 * instances under its scheduler lock, each pass in one transaction.
 */
@Component
class CampaignReminders {

	static final int DAYS_BEFORE = 3;

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	private final WorkCalendar calendar;

	private final DueReminders reminders;

	CampaignReminders(JdbcClient jdbc, Campaigns campaigns, WorkCalendar calendar, DueReminders reminders) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.calendar = calendar;
		this.reminders = reminders;
	}

	@Scheduled(initialDelayString = "${fangfei.campaign.reminders-initial-delay:PT4M}",
			fixedDelayString = "${fangfei.campaign.reminders-every:PT6H}")
	@SchedulerLock(name = "campaign-reminders", lockAtLeastFor = "${fangfei.campaign.reminders-every:PT6H}",
			lockAtMostFor = "PT7H")
	void scheduled() {
		run(Times.today());
	}

	/**
	 * Posts the reminders due on {@code today}, all or none; returns how many were newly
	 * posted.
	 */
	public int run(LocalDate today) {
		return this.reminders.pass(() -> remindAll(today));
	}

	private int remindAll(LocalDate today) {
		List<Long> open = this.jdbc
			.sql("select id from campaign where starts_on <= :t and ends_on >= :earliest order by id")
			.param("t", today.plusDays(14))
			.param("earliest", today.minusMonths(2))
			.query(Long.class)
			.list();
		int posted = 0;
		for (long id : open) {
			Campaign c = this.campaigns.load(id);
			for (Campaign.Task t : c.tasks()) {
				if (t.sweep()) {
					continue;
				}
				for (Campaign.Unit u : t.units()) {
					if (u.mapped()) {
						posted += remind(c, t, u, today);
					}
				}
			}
		}
		return posted;
	}

	private int remind(Campaign c, Campaign.Task t, Campaign.Unit u, LocalDate today) {
		List<String> filed = this.jdbc.sql("select period from campaign_report where unit_id = :u")
			.param("u", u.id())
			.query(String.class)
			.list();
		Recipient to = u.departmentId() != null ? Recipient.department(u.departmentId())
				: Recipient.unit(u.regionCode());
		String link = "/campaigns/" + c.id() + "/units/" + u.id();
		int posted = 0;
		for (Period.Slot s : Progress.slots(c, t)) {
			if (filed.contains(s.key()) || s.from().isAfter(today)) {
				continue;
			}
			DueReminders.Due due = new DueReminders.Due(to, dedupKey(u.id(), s.key()), link, remindFrom(s.dueOn()),
					s.dueOn(), "请于 " + s.dueOn() + " 前报送“" + t.title() + "”" + s.label() + "进展", c.name(),
					"“" + t.title() + "”" + s.label() + "进展已逾期未报送", c.name() + "，报送期限为 " + s.dueOn());
			if (this.reminders.remind(due, today)) {
				posted++;
			}
		}
		return posted;
	}

	/**
	 * The first day with at most {@value #DAYS_BEFORE} working days left until
	 * {@code dueOn} (the day itself counted, today not).
	 */
	private LocalDate remindFrom(LocalDate dueOn) {
		LocalDate from = dueOn;
		while (this.calendar.workingDaysBetween(from.minusDays(1), dueOn) <= DAYS_BEFORE) {
			from = from.minusDays(1);
		}
		return from;
	}

	static String dedupKey(long unitId, String period) {
		return "campaign:" + unitId + ":" + period;
	}

}
