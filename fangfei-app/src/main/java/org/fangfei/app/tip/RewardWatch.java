package org.fangfei.app.tip;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sweeps for reward cases that are due but were not opened when the clue was confirmed
 * (an event whose delivery failed, tips sent before the event existed), on one instance
 * at a time.
 */
@Component
class RewardWatch {

	private final Rewards rewards;

	RewardWatch(Rewards rewards) {
		this.rewards = rewards;
	}

	@Scheduled(initialDelayString = "${fangfei.tips.reward-watch-initial-delay:PT2M}",
			fixedDelayString = "${fangfei.tips.reward-watch-every:PT10M}")
	@SchedulerLock(name = "tip-rewards", lockAtLeastFor = "${fangfei.tips.reward-watch-every:PT10M}")
	void sweep() {
		this.rewards.openDue();
	}

}
