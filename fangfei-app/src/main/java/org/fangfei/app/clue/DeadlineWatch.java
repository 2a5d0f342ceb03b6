package org.fangfei.app.clue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.calendar.WorkCalendar;
import org.fangfei.app.notification.Inbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every few minutes: warns whoever holds a step due within two working days, flags steps
 * past their due date on the clue's timeline and escalates them to the office head (the
 * supervisor), and takes in patrol findings still waiting. Each notice is keyed by the
 * step, so running again changes nothing.
 */
@Component
class DeadlineWatch {

	/** An open step due soon. */
	private record DueStep(long stepId, long clueId, ClueState state) {
	}

	/** Working days ahead that count as "due soon". */
	static final int SOON = 2;

	private final JdbcClient jdbc;

	private final WorkCalendar calendar;

	private final ClueNotices notices;

	private final Clues clues;

	private final PatrolFindingIntake patrolFindings;

	private final SweepFindingIntake sweepFindings;

	private final Inbox inbox;

	private final TransactionTemplate transactions;

	DeadlineWatch(JdbcClient jdbc, WorkCalendar calendar, ClueNotices notices, Clues clues,
			PatrolFindingIntake patrolFindings, SweepFindingIntake sweepFindings, Inbox inbox,
			PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.sweepFindings = sweepFindings;
		this.inbox = inbox;
		this.calendar = calendar;
		this.notices = notices;
		this.clues = clues;
		this.patrolFindings = patrolFindings;
	}

	@Scheduled(initialDelayString = "${fangfei.clues.watch-initial-delay:PT1M}",
			fixedDelayString = "${fangfei.clues.watch-every:PT10M}")
	@SchedulerLock(name = "clue-deadline-watch", lockAtLeastFor = "${fangfei.clues.watch-every:PT10M}")
	void scheduled() {
		run(LocalDate.now());
	}

	/**
	 * One pass of the watch. {@link #check} runs in a transaction of its own: called from
	 * here it is not reached through the proxy, and the timeline entries it writes need
	 * one.
	 */
	void run(LocalDate today) {
		this.transactions.executeWithoutResult(status -> check(today));
		this.patrolFindings.sweep();
		this.sweepFindings.sweep();
	}

	/** Returns the number of steps newly flagged overdue. */
	@Transactional
	int check(LocalDate today) {
		LocalDate soon = this.calendar.plusWorkingDays(today, SOON);
		// steps already warned (ClueNotices.deadline's key) are not warned again
		List<DueStep> due = this.jdbc.sql("""
				select s.id, s.clue_id, s.step from clue_step s join clue c on c.id = s.clue_id
				where s.finished_at is null and s.due_on between :today and :soon and c.due_on = s.due_on
				""")
			.param("today", today)
			.param("soon", soon)
			.query((rs, n) -> new DueStep(rs.getLong(1), rs.getLong(2), ClueState.valueOf(rs.getString(3))))
			.list();
		Set<String> warned = this.inbox.posted(due.stream().map(d -> ClueNotices.dueSoonKey(d.stepId())).toList());
		due.stream()
			.filter(d -> !warned.contains(ClueNotices.dueSoonKey(d.stepId())))
			.forEach(d -> this.notices.deadline(d.clueId(), d.state(), d.stepId(), false));
		int[] flagged = { 0 };
		this.jdbc.sql("""
				select s.id, s.clue_id, s.step, s.due_on from clue_step s join clue c on c.id = s.clue_id
				where s.finished_at is null and s.due_on < :today and c.overdue_notified_on is null
				order by s.due_on limit 1000
				""").param("today", today).query(rs -> {
			long clueId = rs.getLong(2);
			ClueState state = ClueState.valueOf(rs.getString(3));
			this.notices.deadline(clueId, state, rs.getLong(1), true);
			this.clues.event(clueId, Actor.system("系统"), "逾期", null, null,
					"“" + state.label() + "”环节已超过办理期限 " + rs.getObject(4, LocalDate.class) + "，已提醒承办方并报处非办负责人督办");
			this.jdbc.sql("update clue set overdue_notified_on = :today where id = :id")
				.param("today", today)
				.param("id", clueId)
				.update();
			flagged[0]++;
		});
		return flagged[0];
	}

}
