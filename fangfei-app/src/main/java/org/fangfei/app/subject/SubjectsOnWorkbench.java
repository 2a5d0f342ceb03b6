package org.fangfei.app.subject;

import java.util.ArrayList;
import java.util.List;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.workbench.WorkbenchPanel;
import org.fangfei.app.workbench.WorkbenchPanel.Figure;
import org.fangfei.app.workbench.WorkbenchPanel.Shortcut;
import org.fangfei.app.workbench.WorkbenchSection;

import org.springframework.stereotype.Component;

/**
 * The subject ledger on the workbench: the subjects within the actor's scope (a
 * department's are those of its sectors), those at high risk, and those flagged for the
 * statutory-word review for who reviews them. Counts are exact up to
 * {@link Subjects#COUNT_CAP}.
 */
@Component
class SubjectsOnWorkbench implements WorkbenchSection {

	private final Subjects subjects;

	SubjectsOnWorkbench(Subjects subjects) {
		this.subjects = subjects;
	}

	@Override
	public List<WorkbenchPanel> panels(Actor actor) {
		if (!actor.can("subject:subject:view")) {
			return List.of();
		}
		List<Figure> figures = new ArrayList<>();
		figures.add(new Figure("all", "风险主体", count(SubjectQuery.all(), actor), "/subjects", false));
		figures.add(new Figure("red", "高风险(红)",
				count(new SubjectQuery(null, null, null, RiskLevel.RED, null, null, null, null), actor),
				"/subjects?riskLevel=RED", true));
		if (actor.can("subject:word:review")) {
			figures.add(new Figure("review", "待审查",
					count(new SubjectQuery(null, null, null, null, null, null, null, true), actor), "/subjects/review",
					true));
		}
		List<Shortcut> shortcuts = new ArrayList<>();
		if (actor.can("subject:subject:edit")) {
			shortcuts.add(new Shortcut("subject-new", "登记主体", "/subjects/new"));
		}
		shortcuts.add(new Shortcut("subject-snapshots", "月度台账", "/subjects/snapshots"));
		return List.of(new WorkbenchPanel("subjects", 60, "风险主体台账", "/subjects", figures, null, List.of(), shortcuts));
	}

	private long count(SubjectQuery q, Actor actor) {
		return this.subjects.search(q, actor.scope(), PageRequest.of(1, 1)).total();
	}

}
