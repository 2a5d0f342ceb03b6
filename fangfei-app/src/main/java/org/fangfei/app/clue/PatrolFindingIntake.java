package org.fangfei.app.clue;

import java.util.List;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.patrol.PatrolFindingRaised;
import org.fangfei.app.patrol.PendingFindings;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes patrol findings in as clues with the channel "网格走访发现": at once when a patrol
 * raises one ({@link PatrolFindingRaised}, delivered after the patrol commits and retried
 * by the event publication registry), and in a sweep of any finding still waiting (those
 * raised before this module existed, or whose delivery failed). The patrol id is the
 * clue's source reference, so a finding becomes one clue however often it is delivered.
 * The patrol's photos are attached to the clue when it is registered, read through the
 * patrol module's {@link PendingFindings#photos}.
 */
@Component
class PatrolFindingIntake {

	/** Waiting findings taken in per sweep. */
	static final int SWEEP = 200;

	private final ClueIntake intake;

	private final PendingFindings findings;

	PatrolFindingIntake(ClueIntake intake, PendingFindings findings) {
		this.intake = intake;
		this.findings = findings;
	}

	@ApplicationModuleListener
	void on(PatrolFindingRaised event) {
		take(new PendingFindings.Untaken(event.patrolId(), event.subjectId(), event.regionCode(), event.summary(),
				event.worker()));
	}

	/** Takes in every finding still waiting; returns how many. */
	@Transactional
	int sweep() {
		List<PendingFindings.Untaken> waiting = this.findings.untaken(SWEEP);
		waiting.forEach(this::take);
		return waiting.size();
	}

	private void take(PendingFindings.Untaken finding) {
		String title = finding.summary().length() > 60 ? finding.summary().substring(0, 59) + "…" : finding.summary();
		ClueForm form = new ClueForm(ClueSource.PATROL, finding.worker(), "patrol-" + finding.patrolId(), null, title,
				finding.summary(), finding.regionCode(), null, null, null, null, null,
				finding.subjectId() == null ? List.of() : List.of(finding.subjectId()), null, null, null, null, null,
				null);
		Actor patrol = Actor.system("网格走访");
		ClueIntake.Registered clue = this.intake.register(form, patrol);
		if (!clue.replayed()) {
			// the evidence follows the clue: the patrol's photos, cleaned when recorded
			List<PendingFindings.FindingPhoto> photos = this.findings.photos(finding.patrolId());
			List<Evidence> files = new java.util.ArrayList<>();
			for (int i = 0; i < photos.size(); i++) {
				PendingFindings.FindingPhoto photo = photos.get(i);
				files.add(new Evidence("走访照片" + (i + 1) + (photo.contentType().equals("image/png") ? ".png" : ".jpg"),
						photo.contentType(), photo.bytes()));
			}
			this.intake.attachEvidence(clue.id(), files, "网格走访", patrol);
		}
		this.findings.take(finding.patrolId(), clue.code());
	}

}
