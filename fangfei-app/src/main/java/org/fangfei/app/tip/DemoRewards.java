package org.fangfei.app.tip;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.fangfei.app.clue.ClueFacts;
import org.fangfei.app.security.ActorDirectory;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DemoNames;
import org.fangfei.app.shared.DemoPart;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The year of history's reward cases (举报奖励) for the tips whose reporter asked for one.
 * The reward watch opens a case from the clue's events, which are delivered only after
 * the start's transactions commit — too late for this part, and at the start's real time.
 * So this part does what the watch does, in the tip module's own code: it brings each
 * tip's projection up to where {@link ClueFacts} says its clue stands
 * ({@link ClueProgressOfTips#caughtUp}) and opens the case when it is due
 * ({@link Rewards#openDueOn}), held at the clue's determination; the events that come
 * later are older than what the tip has seen and change nothing, and a case the watch
 * opened first is dated the same, at the determination (so the outcome does not depend on
 * which came first). The office head then approves three cases in four some days later
 * and has two in three of those paid; the latest stay where now stops them. A tip whose
 * reporter declared working for a member unit gets its case refused by the policy (不予奖励).
 */
@Component
class DemoRewards implements DemoPart {

	private final ClueFacts clues;

	private final ClueProgressOfTips progress;

	private final Rewards rewards;

	private final ActorDirectory actors;

	private final JdbcClient jdbc;

	DemoRewards(ClueFacts clues, ClueProgressOfTips progress, Rewards rewards, ActorDirectory actors, JdbcClient jdbc) {
		this.clues = clues;
		this.progress = progress;
		this.rewards = rewards;
		this.actors = actors;
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "tip.rewards";
	}

	@Override
	public int order() {
		return 138;
	}

	@Override
	public boolean history() {
		return true;
	}

	@Override
	public void run() {
		DemoNames demo = new DemoNames(138);
		Actor head = this.actors.actorOf("chief");
		List<long[]> tips = this.jdbc.sql("""
				select id, clue_root_id from tip where wants_reward and clue_root_id is not null order by id
				""").query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).list();
		int opened = 0;
		for (long[] tip : tips) {
			Optional<ClueFacts.Facts> root = this.clues.of(tip[1]);
			if (root.isEmpty() || !root.get().confirmed() || root.get().determinedAt() == null) {
				continue;
			}
			try (Times.Held held = Times.holdAt(root.get().determinedAt())) {
				this.progress.caughtUp(root.get());
				this.rewards.openDueOn(root.get().id());
			}
			Optional<Reward> reward = this.rewards.ofTip(tip[0]);
			if (reward.isPresent() && reward.get().state() == Reward.State.PROPOSED) {
				move(demo, head, tip[0], opened++ % 4, root.get().determinedAt());
			}
		}
	}

	/**
	 * Approves a proposed case a few days on (but one in four, {@code turn} 0, still
	 * waits), and pays it later (but one in four, {@code turn} 1, is still to be paid).
	 */
	private void move(DemoNames demo, Actor head, long tipId, int turn, OffsetDateTime determined) {
		OffsetDateTime approved = demo.later(determined, 12);
		if (approved == null || turn == 0) {
			return;
		}
		try (Times.Held held = Times.holdAt(approved)) {
			this.rewards.approve(tipId, "经核查举报属实，依据举报奖励办法予以奖励。", head);
		}
		OffsetDateTime paid = demo.later(approved, 20);
		if (paid == null || turn == 1) {
			return;
		}
		try (Times.Held held = Times.holdAt(paid)) {
			this.rewards.pay(tipId, Times.today(),
					"HN-JL-" + Times.today().getYear() + "-" + String.format("%04d", tipId), head);
		}
	}

}
