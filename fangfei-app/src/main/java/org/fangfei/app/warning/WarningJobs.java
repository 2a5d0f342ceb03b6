package org.fangfei.app.warning;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.fangfei.app.shared.Times;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The nightly pass (at 01:30 county time, once across instances): links to risky
 * subjects, every subject's index recomputed with its signals' decay (set-based, one
 * statement), warnings for those that rose, overdue warnings escalated, and the
 * back-test, then the cockpit's tallies recounted from their sources.
 */
@Component
class WarningJobs {

	private final RiskIndex index;

	private final Warnings warnings;

	private final BackTest backTest;

	private final CockpitTallies tallies;

	WarningJobs(RiskIndex index, Warnings warnings, BackTest backTest, CockpitTallies tallies) {
		this.index = index;
		this.warnings = warnings;
		this.backTest = backTest;
		this.tallies = tallies;
	}

	@Scheduled(cron = "${fangfei.warning.nightly-cron:0 30 1 * * *}", zone = "${fangfei.time-zone:Asia/Shanghai}")
	@SchedulerLock(name = "warning-nightly", lockAtLeastFor = "PT5M", lockAtMostFor = "PT1H")
	void scheduled() {
		run(Times.now(), Times.today());
	}

	/** One pass; returns the warnings raised. */
	int run(OffsetDateTime now, LocalDate today) {
		this.index.refreshLinks();
		int raised = 0;
		for (RiskIndex.Rise rise : this.index.recomputeAll(now)) {
			raised += this.warnings.raise(rise).isPresent() ? 1 : 0;
		}
		this.warnings.escalateOverdue(today);
		this.backTest.compute(now);
		this.tallies.rebuild();
		return raised;
	}

}
