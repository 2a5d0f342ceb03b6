package org.fangfei.app.casefile;

import java.util.ArrayList;
import java.util.List;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.workbench.WorkbenchPanel;
import org.fangfei.app.workbench.WorkbenchPanel.Figure;
import org.fangfei.app.workbench.WorkbenchPanel.Item;
import org.fangfei.app.workbench.WorkbenchPanel.Shortcut;
import org.fangfei.app.workbench.WorkbenchSection;

import org.springframework.stereotype.Component;

/**
 * Cases on the workbench, within the actor's scope: how many, how many are key cases
 * ({@link KeyCaseRules}) or under listed supervision, and the newest key cases — first on
 * the page for those who follow cases without working them (leaders).
 */
@Component
class CasesOnWorkbench implements WorkbenchSection {

	static final int KEY_CASES = 5;

	private final CaseQueries queries;

	CasesOnWorkbench(CaseQueries queries) {
		this.queries = queries;
	}

	@Override
	public List<WorkbenchPanel> panels(Actor actor) {
		if (!actor.can("casefile:case:view")) {
			return List.of();
		}
		long all = this.queries
			.search(new CaseQuery(null, null, null, null, null, null, false, false), actor.scope(),
					PageRequest.of(1, 1))
			.total();
		long supervised = this.queries
			.search(new CaseQuery(null, null, null, null, null, null, false, true), actor.scope(), PageRequest.of(1, 1))
			.total();
		PageOf<CaseRow> key = this.queries.search(new CaseQuery(null, null, null, null, null, null, true, false),
				actor.scope(), PageRequest.of(1, KEY_CASES));
		List<Item> items = key.items()
			.stream()
			.map(c -> new Item(c.code() + " " + c.title(),
					c.stage().label() + (c.keyReasons().isEmpty() ? "" : " · " + String.join("、", c.keyReasons())),
					null, false, "/cases/" + c.id()))
			.toList();
		List<Shortcut> shortcuts = new ArrayList<>();
		if (actor.can("casefile:case:edit")) {
			shortcuts.add(new Shortcut("case-candidates", "待立案线索", "/cases/candidates"));
		}
		// who follows cases without working them (a leader) sees the key cases first
		int order = actor.can("casefile:case:supervise") && !actor.can("casefile:case:edit") ? 8 : 30;
		return List.of(new WorkbenchPanel("cases", order, "案件台账", "/cases",
				List.of(new Figure("all", "案件", all, "/cases", false),
						new Figure("key", "重点案件", key.total(), "/cases?key=true", false),
						new Figure("supervised", "挂牌督办", supervised, "/cases?supervised=true", false)),
				"重点案件", items, shortcuts));
	}

}
