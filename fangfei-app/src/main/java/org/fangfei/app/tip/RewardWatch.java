package org.fangfei.app.tip;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sweeps for reward cases that are due but were not opened when the clue was confirmed
 * (an event whose delivery failed, tips sent before the event existed).
 */
@Component
class RewardWatch {

	private final Rewards rewards;

	RewardWatch(Rewards rewards) {
		this.rewards = rewards;
	}

	@Scheduled(initialDelayString = "${fangfei.tips.reward-watch-initial-delay:PT2M}",
			fixedDelayString = "${fangfei.tips.reward-watch-every:PT10M}")
	void sweep() {
		this.rewards.openDue();
	}

}
