package org.fangfei.app.casefile;

import java.time.OffsetDateTime;
import java.util.List;

import org.fangfei.app.clue.ClueFacts;
import org.fangfei.app.security.ActorDirectory;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.DemoNames;
import org.fangfei.app.shared.DemoPart;
import org.fangfei.app.shared.Money;
import org.fangfei.app.shared.Times;

import org.springframework.stereotype.Component;

/**
 * The cases of the year's clues (演示数据): every clue the year determined as suspected
 * illegal fundraising or crime waits for its case (待立案, from the clue events); the office
 * opens the case of each one determined more than three weeks ago, a few working days
 * after the determination, on the path suggested — so the office's list and inbox hold
 * only the recent ones, as in a county that keeps up.
 */
@Component
class DemoYearCases implements DemoPart {

	/** Candidates younger than this stay waiting. */
	static final int WAITING_DAYS = 21;

	private final CaseCandidates candidates;

	private final CaseRegistry registry;

	private final ClueFacts clues;

	private final ActorDirectory actors;

	DemoYearCases(CaseCandidates candidates, CaseRegistry registry, ClueFacts clues, ActorDirectory actors) {
		this.candidates = candidates;
		this.registry = registry;
		this.clues = clues;
		this.actors = actors;
	}

	@Override
	public String name() {
		return "casefile.year-cases";
	}

	@Override
	public int order() {
		return 131;
	}

	@Override
	public boolean history() {
		return true;
	}

	@Override
	public boolean awaitsEvents() {
		return true;
	}

	@Override
	public void run() {
		DemoNames demo = new DemoNames(131);
		Actor office = this.actors.actorOf("office");
		OffsetDateTime before = demo.now().minusDays(WAITING_DAYS);
		List<CaseCandidates.Waiting> waiting = this.candidates.waiting(DataScope.all());
		int n = 0;
		for (CaseCandidates.Waiting w : waiting) {
			OffsetDateTime determined = this.clues.of(w.clueId()).map(ClueFacts.Facts::determinedAt).orElse(null);
			if (determined == null || determined.isAfter(before)) {
				continue;
			}
			n++;
			OffsetDateTime at = demo.later(determined, 5);
			if (at == null) {
				continue;
			}
			boolean criminal = w.suggestedPath() == CasePath.CRIMINAL;
			CaseForm form = new CaseForm(w.clueId(), w.title(), CaseOrigin.CLUE, w.suggestedPath(),
					criminal ? CaseStage.FILED : CaseStage.ADMIN_INVESTIGATION, at.toLocalDate(),
					criminal ? "会公(经)立字〔" + at.getYear() + "〕" + (100 + n) + "号"
							: "会处非调〔" + at.getYear() + "〕" + (10 + n) + "号",
					criminal ? "会宁县公安局" : "会宁县防范和处置非法集资工作领导小组办公室", w.regionCode(), w.sectorCode(), null,
					w.amountFen() == null ? null : Money.yuan(w.amountFen()).replace(",", ""), w.peopleCount(), null,
					criminal ? at.toLocalDate() : null, List.of(), List.of());
			try (Times.Held held = Times.holdAt(at)) {
				this.registry.openFromClue(w.clueId(), form, office);
			}
		}
	}

}
