package org.fangfei.app.warning;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import org.fangfei.app.ad.AdHitLinked;
import org.fangfei.app.building.SweepFindingRaised;
import org.fangfei.app.casefile.CaseEvent;
import org.fangfei.app.clue.ClueEvent;
import org.fangfei.app.clue.ClueFacts;
import org.fangfei.app.clue.ClueSource;
import org.fangfei.app.monitoring.AlertRaised;
import org.fangfei.app.patrol.PatrolFindingRaised;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Times;
import org.fangfei.app.subject.Subject;
import org.fangfei.app.subject.SubjectChanged;
import org.fangfei.app.subject.SubjectQuery;
import org.fangfei.app.subject.Subjects;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the other modules' events into signals and recomputes the subjects they touch:
 * clues and tips (by channel; a clue from fund-flow monitoring is a monitoring signal,
 * one from a petition a petition signal), fund-flow alerts on a subject's account (by the
 * detector's score, before anyone turns them into a clue), ad hits, patrol findings on a
 * subject, sweep findings on the subjects of the swept building, and a subject's edits
 * (its standing signals). A case opened on a subject, or a clue determined as illegal
 * fundraising, is an outcome for the back-test, not a signal. Redelivered events add
 * nothing ({@link RiskIndex#signal}).
 */
@Component
class IndexSignals {

	private final RiskIndex index;

	private final Warnings warnings;

	private final Subjects subjects;

	private final ClueFacts clues;

	private final BackTest backTest;

	IndexSignals(RiskIndex index, Warnings warnings, Subjects subjects, ClueFacts clues, BackTest backTest) {
		this.index = index;
		this.warnings = warnings;
		this.subjects = subjects;
		this.clues = clues;
		this.backTest = backTest;
	}

	@ApplicationModuleListener
	void on(ClueEvent.Registered e) {
		if (fromAFinding(e)) {
			return;
		}
		SignalKind kind = e.source() == ClueSource.MONITORING ? SignalKind.MONITORING
				: e.source() == ClueSource.PETITION ? SignalKind.PETITION : SignalKind.CLUE;
		double strength = switch (e.source()) {
			case REFERRAL, ASSIGNED, BANK_REPORT -> 1.2;
			case MEDIA, OTHER -> 0.8;
			default -> 1.0;
		};
		OffsetDateTime at = e.receivedAt() == null ? Times.now() : e.receivedAt();
		for (Subject s : known(e.subjectIds())) {
			this.index.signal(s.id(), kind, "CLUE", e.clue().id(), strength, at,
					e.source().label() + "：" + e.clue().code() + " " + e.title(), "/clues/" + e.clue().id());
			rise(s.id());
		}
	}

	@ApplicationModuleListener
	void on(ClueEvent.Determined e) {
		if (!e.illegal()) {
			return;
		}
		List<Long> ids = this.clues.of(e.clue().id()).map(ClueFacts.Facts::subjectIds).orElse(List.of());
		known(ids);
		for (long id : ids) {
			this.backTest.outcome(id, "DETERMINED", e.clue().id(), e.clue().code(), Times.today());
		}
	}

	@ApplicationModuleListener
	void on(CaseEvent.Opened e) {
		known(e.file().subjectIds());
		LocalDate on = e.on() == null ? Times.today() : e.on();
		for (long id : e.file().subjectIds()) {
			this.backTest.outcome(id, "CASE", e.file().id(), e.file().code(), on);
		}
	}

	@ApplicationModuleListener
	void on(PatrolFindingRaised e) {
		if (e.subjectId() == null) {
			return;
		}
		for (Subject s : known(List.of(e.subjectId()))) {
			this.index.signal(s.id(), SignalKind.PATROL, "PATROL", e.patrolId(), 1, Times.now(), "巡查发现：" + e.summary(),
					"/patrols/" + e.patrolId());
			rise(s.id());
		}
	}

	@ApplicationModuleListener
	void on(SweepFindingRaised e) {
		List<Subject> tenants = this.subjects
			.list(new SubjectQuery(null, null, null, null, null, null, e.buildingId(), null), DataScope.all(), 200);
		for (Subject s : tenants) {
			this.index.know(s);
			this.index.signal(s.id(), SignalKind.SWEEP, "SWEEP", e.sweepId(), 1, Times.now(), "扫楼发现：" + e.summary(),
					"/buildings/" + e.buildingId());
			rise(s.id());
		}
	}

	@ApplicationModuleListener
	void on(AlertRaised e) {
		for (Subject s : known(e.subjectIds())) {
			this.index.signal(s.id(), SignalKind.MONITORING, "ALERT", e.id(), Math.max(1, e.score()) / 100.0,
					e.raisedAt() == null ? Times.now() : e.raisedAt(),
					"资金监测预警：" + e.patternLabel() + "，评分 " + e.score(), e.link());
			rise(s.id());
		}
	}

	@ApplicationModuleListener
	void on(AdHitLinked e) {
		for (Subject s : known(List.of(e.subjectId()))) {
			this.index.signal(s.id(), SignalKind.AD, "AD_HIT", e.hitId(), Math.max(1, e.score()) / 100.0,
					Times.local(e.at()), "广告资讯命中，评分 " + e.score(), null);
			rise(s.id());
		}
	}

	@ApplicationModuleListener
	void on(SubjectChanged e) {
		for (Subject s : known(List.of(e.subjectId()))) {
			rise(s.id());
		}
	}

	/**
	 * Whether the clue was raised by a patrol's or a sweep's finding, which already
	 * counts as its own signal (the clue module turns each finding into a 网格走访发现 clue).
	 */
	static boolean fromAFinding(ClueEvent.Registered e) {
		return e.source() == ClueSource.PATROL && e.sourceRef() != null
				&& (e.sourceRef().startsWith("patrol-") || e.sourceRef().startsWith("sweep-"));
	}

	/** The subjects, known to the index as the ledger has them now. */
	private List<Subject> known(Collection<Long> ids) {
		List<Subject> found = this.subjects.byIds(ids);
		found.forEach(this.index::know);
		return found;
	}

	private void rise(long subjectId) {
		this.index.recompute(subjectId).forEach(this.warnings::raise);
	}

}
