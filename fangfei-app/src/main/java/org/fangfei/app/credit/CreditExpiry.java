package org.fangfei.app.credit;

import java.time.LocalDate;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.fangfei.app.shared.Times;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every hour: entries whose period has ended leave the list (期满移出), in batches, each
 * removal audited. Runs once across instances under its scheduler lock.
 */
@Component
class CreditExpiry {

	private static final int BATCH = 500;

	private final CreditEntries entries;

	CreditExpiry(CreditEntries entries) {
		this.entries = entries;
	}

	@Scheduled(initialDelayString = "${fangfei.credit.expiry-initial-delay:PT2M}",
			fixedDelayString = "${fangfei.credit.expiry-every:PT1H}")
	@SchedulerLock(name = "credit-expiry", lockAtLeastFor = "${fangfei.credit.expiry-every:PT1H}",
			lockAtMostFor = "PT2H")
	void scheduled() {
		run(Times.today());
	}

	/** Removes every entry due by {@code today}; returns how many. */
	int run(LocalDate today) {
		int total = 0;
		int n;
		do {
			n = this.entries.expire(today, BATCH);
			total += n;
		}
		while (n == BATCH);
		return total;
	}

}
