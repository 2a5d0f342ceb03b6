package org.fangfei.app.clue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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
 * Clues on the workbench, within the actor's scope: those waiting for the actor's unit
 * (我的待办) with their deadlines, the open, overdue and supervised counts from the
 * dashboard's tallies, and — for those who may see the dashboard — the count in every
 * state.
 */
@Component
class CluesOnWorkbench implements WorkbenchSection {

	static final int WAITING = 6;

	private final ClueQueries queries;

	private final ClueDashboard dashboard;

	CluesOnWorkbench(ClueQueries queries, ClueDashboard dashboard) {
		this.queries = queries;
		this.dashboard = dashboard;
	}

	@Override
	public List<WorkbenchPanel> panels(Actor actor) {
		if (!actor.can("clue:clue:view")) {
			return List.of();
		}
		PageOf<ClueRow> mine = this.queries.search(
				new ClueQuery(null, null, null, null, null, null, false, false, true), actor,
				PageRequest.of(1, WAITING));
		ClueDashboard.Figures f = this.dashboard.figures(actor);
		List<Figure> figures = List.of(new Figure("mine", "待我处理", mine.total(), "/clues?mine=true", true),
				new Figure("open", "在办线索", f.open(), "/clues", false),
				new Figure("overdue", "已逾期", f.overdue(), "/clues?overdue=true", true),
				new Figure("supervised", "督办中", f.supervised(), "/clues?supervised=true", false));
		List<Item> items = mine.items()
			.stream()
			.map(c -> new Item(c.code() + " " + c.title(),
					c.state().label() + (c.handlerName() == null ? "" : " · " + c.handlerName()), c.dueOn(),
					c.overdue(), "/clues/" + c.id()))
			.toList();
		List<Shortcut> shortcuts = new ArrayList<>();
		if (actor.can("clue:clue:intake")) {
			shortcuts.add(new Shortcut("clue-new", "登记线索", "/clues/new"));
		}
		shortcuts.add(new Shortcut("clue-deadlines", "期限预警", "/clues/deadlines"));
		if (actor.can("clue:dashboard:view")) {
			shortcuts.add(new Shortcut("clue-dashboard", "线索统计", "/clues/dashboard"));
		}
		List<WorkbenchPanel> panels = new ArrayList<>();
		panels.add(new WorkbenchPanel("clues", 20, "问题线索", "/clues", figures, "待我处理的线索", items, shortcuts));
		if (actor.can("clue:dashboard:view")) {
			Map<ClueState, Long> byState = new EnumMap<>(ClueState.class);
			for (ClueState state : ClueState.values()) {
				byState.put(state, 0L);
			}
			f.byState().forEach(c -> byState.put(ClueState.valueOf(c.key()), c.count()));
			List<Figure> states = new ArrayList<>();
			byState.forEach((state, n) -> states.add(new Figure("state-" + state.name().toLowerCase().replace('_', '-'),
					state.label(), n, "/clues?state=" + state.name(), false)));
			panels.add(new WorkbenchPanel("clue-states", 21, "线索按状态（共 " + f.total() + " 条）", "/clues/dashboard", states,
					null, List.of(), List.of()));
		}
		return panels;
	}

}
