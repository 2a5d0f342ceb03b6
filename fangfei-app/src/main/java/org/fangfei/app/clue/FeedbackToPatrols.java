package org.fangfei.app.clue;

import org.fangfei.app.notification.Inbox;
import org.fangfei.app.notification.NoticeKind;
import org.fangfei.app.notification.Recipient;
import org.fangfei.app.patrol.PendingFindings;
import org.fangfei.app.security.Accounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The feedback (反馈来源) of a clue a patrol raised reaches the grid worker who recorded the
 * patrol, in their inbox: the one source of a patrol clue is the worker (issue 14).
 * Posted once per feedback, however often the event is delivered (the notice's key is the
 * version the feedback wrote). Tips reach their reporter from the tip module's own
 * listener.
 */
@Component
class FeedbackToPatrols {

	private static final String PATROL_REF = "patrol-";

	private final JdbcClient jdbc;

	private final PendingFindings findings;

	private final Accounts accounts;

	private final Inbox inbox;

	FeedbackToPatrols(JdbcClient jdbc, PendingFindings findings, Accounts accounts, Inbox inbox) {
		this.jdbc = jdbc;
		this.findings = findings;
		this.accounts = accounts;
		this.inbox = inbox;
	}

	@ApplicationModuleListener
	void on(ClueEvent.FeedbackGiven event) {
		this.jdbc.sql("select source, source_ref, title from clue where id = :id")
			.param("id", event.clue().id())
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.optional()
			.filter(clue -> ClueSource.PATROL.name().equals(clue[0]) && clue[1] != null
					&& clue[1].matches(PATROL_REF + "[0-9]{1,18}"))
			.ifPresent(clue -> tellTheWorker(event, Long.parseLong(clue[1].substring(PATROL_REF.length())), clue[2]));
	}

	private void tellTheWorker(ClueEvent.FeedbackGiven event, long patrolId, String title) {
		this.findings.workerOf(patrolId)
			.flatMap(this.accounts::enabledNamed)
			.ifPresent(worker -> this.inbox.post(NoticeKind.FEEDBACK, Recipient.user(worker.id()),
					"您上报的线索有了反馈：" + event.clue().code() + " " + title, event.feedback(), "/patrols/" + patrolId,
					"clue:" + event.clue().id() + ":feedback:" + event.clue().version()));
	}

}
