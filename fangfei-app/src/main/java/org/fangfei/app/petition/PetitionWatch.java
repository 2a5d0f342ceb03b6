package org.fangfei.app.petition;

import java.time.LocalDate;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.fangfei.app.notification.Inbox;
import org.fangfei.app.notification.NoticeKind;
import org.fangfei.app.notification.Recipient;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every few minutes: flags the petitions past the deadline of the stage they are in
 * (accept and tell, or finish) on their timeline, once per stage, and tells the handling
 * unit and the county office through the inbox (逾期, resolved by the move that ends the
 * stage).
 */
@Component
class PetitionWatch {

	private record Due(long id, String code, String regionCode, PetitionStatus status, LocalDate dueOn) {
	}

	private final JdbcClient jdbc;

	private final Petitions petitions;

	private final Inbox inbox;

	private final TransactionTemplate transactions;

	PetitionWatch(JdbcClient jdbc, Petitions petitions, Inbox inbox, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.petitions = petitions;
		this.inbox = inbox;
	}

	@Scheduled(initialDelayString = "${fangfei.petitions.watch-initial-delay:PT1M}",
			fixedDelayString = "${fangfei.petitions.watch-every:PT10M}")
	@SchedulerLock(name = "petition-deadline-watch", lockAtLeastFor = "${fangfei.petitions.watch-every:PT10M}")
	void scheduled() {
		run(Times.today());
	}

	/**
	 * One pass, in a transaction of its own: called from here {@link #check} is not
	 * reached through its proxy, and the timeline entries it writes need one.
	 */
	int run(LocalDate today) {
		Integer flagged = this.transactions.execute(status -> check(today));
		return flagged == null ? 0 : flagged;
	}

	/**
	 * Flags what is overdue on {@code today}; returns how many petitions were flagged.
	 */
	@Transactional
	int check(LocalDate today) {
		List<Due> due = this.jdbc.sql("""
				select p.id, p.code, p.region_code, p.status,
				  case when p.status = 'RECEIVED' then p.accept_due_on else p.finish_due_on end as due_on
				from petition p where p.overdue_flagged_on is null and """ + PetitionQueries.OVERDUE + """
				 order by p.id limit 1000 for update skip locked
				""")
			.param("today", today)
			.query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getString(3),
					PetitionStatus.valueOf(rs.getString(4)), rs.getObject(5, LocalDate.class)))
			.list();
		Actor system = Actor.system("系统");
		for (Due d : due) {
			String stage = d.status() == PetitionStatus.RECEIVED ? "受理告知" : "办结";
			this.petitions.event(d.id(), system, "逾期", "已超过" + stage + "期限 " + d.dueOn() + "，已提醒承办单位并报处非办");
			this.jdbc.sql("update petition set overdue_flagged_on = :today where id = :id")
				.param("today", today)
				.param("id", d.id())
				.update();
			String title = "信访件逾期未" + stage + "：" + d.code();
			String body = "该信访件已超过" + stage + "期限 " + d.dueOn() + "，请尽快办理。";
			String key = PetitionDesk.overdueKey(d.id(), d.status());
			this.inbox.post(NoticeKind.OVERDUE, Recipient.unit(Petitions.handlingUnit(d.regionCode())), title, body,
					"/petitions/" + d.id(), key);
			this.inbox.post(NoticeKind.OVERDUE, Recipient.unit(d.regionCode().substring(0, 6) + "000000"), title, body,
					"/petitions/" + d.id(), key);
		}
		return due.size();
	}

}
