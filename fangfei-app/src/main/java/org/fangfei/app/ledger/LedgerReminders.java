package org.fangfei.app.ledger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.fangfei.app.notification.DueReminders;
import org.fangfei.app.notification.Recipient;
import org.fangfei.app.organisation.Region;
import org.fangfei.app.organisation.RegionLevel;
import org.fangfei.app.organisation.Regions;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every day from the 1st: each township whose ledger for the month just ended is not yet
 * submitted finds a reminder in its inbox (待报送, due by the 5th), and from the 6th a
 * notice that it is overdue ({@link DueReminders}); submitting resolves both. Posting is
 * idempotent, so running again the same day adds nothing. Runs once across instances
 * under its scheduler lock, each pass in one transaction.
 */
@Component
class LedgerReminders {

	private final JdbcClient jdbc;

	private final Regions regions;

	private final DueReminders reminders;

	LedgerReminders(JdbcClient jdbc, Regions regions, DueReminders reminders) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.reminders = reminders;
	}

	@Scheduled(initialDelayString = "${fangfei.ledger.reminders-initial-delay:PT3M}",
			fixedDelayString = "${fangfei.ledger.reminders-every:PT6H}")
	@SchedulerLock(name = "ledger-reminders", lockAtLeastFor = "${fangfei.ledger.reminders-every:PT6H}",
			lockAtMostFor = "PT7H")
	void scheduled() {
		run(Times.today());
	}

	/**
	 * Posts the reminders due on {@code today} for the month before it, all or none;
	 * returns how many townships.
	 */
	public int run(LocalDate today) {
		return this.reminders.pass(() -> remindAll(today));
	}

	private int remindAll(LocalDate today) {
		YearMonth month = YearMonth.from(today).minusMonths(1);
		LocalDate due = Months.dueOn(month);
		Set<String> done = new HashSet<>(this.jdbc
			.sql("select region_code from ledger where month = :m and status in ('SUBMITTED', 'ACCEPTED') or "
					+ "month = :m and submitted_at is not null")
			.param("m", month.toString())
			.query(String.class)
			.list());
		List<Region> townships = this.regions.search(null, RegionLevel.TOWNSHIP, DataScope.all())
			.stream()
			.filter(Region::enabled)
			.filter(r -> !done.contains(r.code()))
			.toList();
		for (Region township : townships) {
			String link = "/ledgers?region=" + township.code();
			this.reminders.remind(new DueReminders.Due(Recipient.unit(township.code()),
					Ledgers.dueKey(township.code(), month.toString()), link, month.plusMonths(1).atDay(1), due,
					"请于 " + due + " 前报送 " + month + " 月度动态台账", "月度动态台账每月5日前报送县处非办", month + " 月度动态台账已逾期未报送",
					"报送期限为 " + due + "，请尽快生成并上报"), today);
		}
		return townships.size();
	}

}
