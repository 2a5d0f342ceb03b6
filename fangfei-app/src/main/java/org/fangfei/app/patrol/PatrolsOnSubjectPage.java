package org.fangfei.app.patrol;

import java.util.List;

import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.subject.SubjectSection;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 走访巡查 section of the subject page: the subject's latest patrols, within the caller's
 * scope.
 */
@Component
class PatrolsOnSubjectPage implements SubjectSection {

	private static final int SHOWN = 50;

	private final Patrols patrols;

	PatrolsOnSubjectPage(Patrols patrols) {
		this.patrols = patrols;
	}

	@Override
	public String title() {
		return "走访巡查";
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Fact> facts(long subjectId, DataScope scope) {
		PatrolQuery q = new PatrolQuery(null, null, null, null, null, subjectId);
		return this.patrols.search(q, scope, PageRequest.of(1, SHOWN))
			.items()
			.stream()
			.map(p -> new Fact(p.visitedAt(), p.worker() + " 走访：" + p.summary() + (p.raiseClue() ? "（已上报线索）" : ""),
					"/patrols/" + p.id()))
			.toList();
	}

}
