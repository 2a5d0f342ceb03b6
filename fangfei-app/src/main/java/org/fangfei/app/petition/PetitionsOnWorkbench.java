package org.fangfei.app.petition;

import java.util.List;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.workbench.WorkbenchPanel;
import org.fangfei.app.workbench.WorkbenchPanel.Figure;
import org.fangfei.app.workbench.WorkbenchPanel.Item;
import org.fangfei.app.workbench.WorkbenchSection;

import org.springframework.stereotype.Component;

/**
 * Petitions on the workbench, within the actor's scope: how many, how many are past their
 * deadline, and those overdue first to hand.
 */
@Component
class PetitionsOnWorkbench implements WorkbenchSection {

	static final int OVERDUE = 5;

	private final PetitionQueries queries;

	PetitionsOnWorkbench(PetitionQueries queries) {
		this.queries = queries;
	}

	@Override
	public List<WorkbenchPanel> panels(Actor actor) {
		if (!actor.can("petition:petition:view")) {
			return List.of();
		}
		long all = this.queries.search(PetitionQuery.none(), actor.scope(), PageRequest.of(1, 1)).total();
		PageOf<PetitionRow> overdue = this.queries.search(
				new PetitionQuery(null, null, null, null, null, true, null, null), actor.scope(),
				PageRequest.of(1, OVERDUE));
		List<Item> items = overdue.items()
			.stream()
			.map(p -> new Item(p.code() + " " + p.petitioner(), p.status().label(), p.dueOn(), p.overdue(),
					"/petitions/" + p.id()))
			.toList();
		return List.of(new WorkbenchPanel("petitions", 40, "信访", "/petitions",
				List.of(new Figure("all", "信访件", all, "/petitions", false),
						new Figure("overdue", "已逾期", overdue.total(), "/petitions?overdue=true", true)),
				"逾期信访", items, List.of()));
	}

}
