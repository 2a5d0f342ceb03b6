package org.fangfei.app.tip;

import org.fangfei.app.clue.ClueEvent;
import org.fangfei.app.clue.ClueFacts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The tip module's projection of its clues' progress ({@code tip.clue_root_id},
 * {@code clue_progress}, {@code clue_version}, {@code clue_confirmed}), kept from the
 * clue module's events after each move commits: what the reporter is told, and when a
 * reward case is due. An event older than the version a tip has seen changes nothing, so
 * late or repeated deliveries are harmless; a merge moves the tips to the clue that goes
 * on, as the clue module tells where that one stands.
 */
@Component
class ClueProgressOfTips {

	private final JdbcClient jdbc;

	private final ClueFacts clues;

	private final Rewards rewards;

	ClueProgressOfTips(JdbcClient jdbc, ClueFacts clues, Rewards rewards) {
		this.jdbc = jdbc;
		this.clues = clues;
		this.rewards = rewards;
	}

	@ApplicationModuleListener
	void on(ClueEvent.Accepted event) {
		progressed(event.clue());
	}

	@ApplicationModuleListener
	void on(ClueEvent.Rejected event) {
		progressed(event.clue());
	}

	@ApplicationModuleListener
	void on(ClueEvent.Dispatched event) {
		progressed(event.clue());
	}

	@ApplicationModuleListener
	void on(ClueEvent.Returned event) {
		progressed(event.clue());
	}

	@ApplicationModuleListener
	void on(ClueEvent.Received event) {
		progressed(event.clue());
	}

	@ApplicationModuleListener
	void on(ClueEvent.Verified event) {
		progressed(event.clue());
	}

	@ApplicationModuleListener
	void on(ClueEvent.MoreVerificationRequested event) {
		progressed(event.clue());
	}

	@ApplicationModuleListener
	void on(ClueEvent.DisposalFinished event) {
		progressed(event.clue());
	}

	/**
	 * 反馈来源: the office's feedback becomes a message the reporter reads on the tracking
	 * page, once per feedback (the version it wrote) however often the event comes.
	 */
	@ApplicationModuleListener
	void on(ClueEvent.FeedbackGiven event) {
		progressed(event.clue());
		String text = event.feedback() == null ? "" : event.feedback().strip();
		if (text.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				insert into tip_message (tip_id, direction, body, created_by, clue_version)
				select t.id, 'TO_REPORTER', :body, 'feedback', :version from tip t
				where t.clue_root_id = :clue
				  and not exists (select 1 from tip_message m where m.tip_id = t.id and m.clue_version = :version)
				""")
			.param("body", text.length() > 2000 ? text.substring(0, 2000) : text)
			.param("version", event.clue().version())
			.param("clue", event.clue().id())
			.update();
	}

	@ApplicationModuleListener
	void on(ClueEvent.Closed event) {
		progressed(event.clue());
	}

	@ApplicationModuleListener
	void on(ClueEvent.Reopened event) {
		progressed(event.clue());
	}

	/**
	 * 认定 or a ruling: confirmed when found more than "not illegal"; rewards may be due.
	 */
	@ApplicationModuleListener
	void on(ClueEvent.Determined event) {
		boolean confirmed = progressed(event.clue(), event.illegal()) > 0 ? event.illegal() : settled(event.clue());
		if (confirmed) {
			this.rewards.openDueOn(event.clue().id());
		}
	}

	/** A disputed determination no longer confirms the tip until a leader rules. */
	@ApplicationModuleListener
	void on(ClueEvent.Disputed event) {
		if (progressed(event.clue(), false) == 0) {
			settled(event.clue());
		}
	}

	/**
	 * A determination or dispute delivered after a later move of the same clue (events
	 * are not delivered in order) must not be lost: the tips that have already seen the
	 * later move take the confirmation the clue module holds now.
	 * @return whether tips were set and the clue is confirmed now
	 */
	private boolean settled(ClueEvent.ClueRef clue) {
		ClueFacts.Facts now = this.clues.of(clue.id()).orElse(null);
		if (now == null) {
			return false;
		}
		int set = this.jdbc.sql("""
				update tip set clue_confirmed = :confirmed
				where clue_root_id = :clue and clue_version > :seen and clue_version <= :now
				""")
			.param("confirmed", now.confirmed())
			.param("clue", clue.id())
			.param("seen", clue.version())
			.param("now", now.version())
			.update();
		return set > 0 && now.confirmed();
	}

	/**
	 * The tips of a merged clue follow the clue it joined, from where that one stands.
	 */
	@ApplicationModuleListener
	void on(ClueEvent.Merged event) {
		ClueFacts.Facts target = this.clues.of(event.targetId())
			.orElseThrow(() -> new IllegalStateException("Clue " + event.targetId() + " does not exist"));
		int moved = this.jdbc.sql("""
				update tip set clue_root_id = :target, clue_version = :version, clue_progress = :progress,
				  clue_confirmed = :confirmed
				where clue_root_id = :merged
				""")
			.param("target", target.id())
			.param("version", target.version())
			.param("progress", target.progress().name())
			.param("confirmed", target.confirmed())
			.param("merged", event.clue().id())
			.update();
		if (moved > 0 && target.confirmed()) {
			this.rewards.openDueOn(target.id());
		}
	}

	/**
	 * Brings the tips following {@code root} up to where the clue module says it stands
	 * now, as a merge does: for a caller that cannot wait for the events (the demo's year
	 * of history, whose clue events are delivered after the start's transactions commit).
	 * The events that come later are older than the version written here and change
	 * nothing. A tip already at the clue's version is set too: events delivered out of
	 * order (a later move's before the 认定's) can leave it at that version unconfirmed.
	 * @return how many tips moved
	 */
	int caughtUp(ClueFacts.Facts root) {
		return this.jdbc.sql("""
				update tip set clue_progress = :progress, clue_version = :version, clue_confirmed = :confirmed
				where clue_root_id = :clue and clue_version <= :version
				""")
			.param("progress", root.progress().name())
			.param("version", root.version())
			.param("confirmed", root.confirmed())
			.param("clue", root.id())
			.update();
	}

	private int progressed(ClueEvent.ClueRef clue) {
		return progressed(clue, null);
	}

	private int progressed(ClueEvent.ClueRef clue, Boolean confirmed) {
		return this.jdbc.sql("""
				update tip set clue_progress = :progress, clue_version = :version,
				  clue_confirmed = coalesce(cast(:confirmed as boolean), clue_confirmed)
				where clue_root_id = :clue and clue_version < :version
				""")
			.param("progress", clue.progress().name())
			.param("version", clue.version())
			.param("confirmed", confirmed)
			.param("clue", clue.id())
			.update();
	}

}
