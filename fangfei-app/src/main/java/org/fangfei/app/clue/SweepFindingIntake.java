package org.fangfei.app.clue;

import java.util.List;

import org.fangfei.app.building.SweepFindingRaised;
import org.fangfei.app.building.Sweeps;
import org.fangfei.app.shared.Actor;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes building-sweep findings in as clues, the way {@link PatrolFindingIntake} takes
 * patrol findings: at once when a sweep raises one ({@link SweepFindingRaised}, delivered
 * after the sweep commits and retried by the event publication registry), and in a sweep
 * of any finding still waiting. The channel is "网格走访发现" with the detail "扫楼"; the sweep
 * id is the source reference, so a finding becomes one clue however often it is
 * delivered.
 */
@Component
class SweepFindingIntake {

	/** Waiting findings taken in per sweep. */
	static final int SWEEP = 200;

	private final ClueIntake intake;

	private final Sweeps sweeps;

	SweepFindingIntake(ClueIntake intake, Sweeps sweeps) {
		this.intake = intake;
		this.sweeps = sweeps;
	}

	@ApplicationModuleListener
	void on(SweepFindingRaised event) {
		take(event);
	}

	/** Takes in every finding still waiting; returns how many. */
	@Transactional
	int sweep() {
		List<SweepFindingRaised> waiting = this.sweeps.untakenFindings(SWEEP);
		waiting.forEach(this::take);
		return waiting.size();
	}

	private void take(SweepFindingRaised finding) {
		String summary = finding.summary().length() > ClueRules.DESCRIPTION_MAX
				? finding.summary().substring(0, ClueRules.DESCRIPTION_MAX - 1) + "…" : finding.summary();
		String title = summary.length() > 60 ? summary.substring(0, 59) + "…" : summary;
		ClueForm form = new ClueForm(ClueSource.PATROL, "扫楼", "sweep-" + finding.sweepId(), null, title, summary,
				finding.regionCode(), null, null, null, null, null, List.of(), null, null, null, null, null, null);
		ClueIntake.Registered clue = this.intake.register(form, Actor.system("楼宇扫楼"));
		this.sweeps.findingTaken(finding.sweepId(), clue.code());
	}

}
