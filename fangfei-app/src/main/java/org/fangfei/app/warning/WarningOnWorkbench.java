package org.fangfei.app.warning;

import java.util.ArrayList;
import java.util.List;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Times;
import org.fangfei.app.workbench.WorkbenchPanel;
import org.fangfei.app.workbench.WorkbenchSection;

import org.springframework.stereotype.Component;

/**
 * The workbench panel: the warnings waiting for the unit's response with their deadlines,
 * and for leaders and the office the way into the cockpit.
 */
@Component
class WarningOnWorkbench implements WorkbenchSection {

	private final Warnings warnings;

	WarningOnWorkbench(Warnings warnings) {
		this.warnings = warnings;
	}

	@Override
	public List<WorkbenchPanel> panels(Actor actor) {
		if (!actor.can("warning:index:view")) {
			return List.of();
		}
		List<WarningRecord> open = this.warnings.list(actor.scope(), "OPEN", null, 200);
		long overdue = open.stream().filter(w -> w.overdue(Times.today())).count();
		List<WorkbenchPanel.Item> items = open.stream()
			.limit(5)
			.map(w -> new WorkbenchPanel.Item(w.tier().label() + "预警：" + w.subjectName(), "风险指数 " + w.score(),
					w.dueOn(), w.overdue(Times.today()), "/warnings/" + w.id()))
			.toList();
		List<WorkbenchPanel.Shortcut> shortcuts = new ArrayList<>();
		if (actor.can("warning:cockpit:view")) {
			shortcuts.add(new WorkbenchPanel.Shortcut("cockpit", "领导驾驶舱", "/cockpit"));
		}
		shortcuts.add(new WorkbenchPanel.Shortcut("risk-index", "风险指数", "/warnings"));
		return List
			.of(new WorkbenchPanel("warnings", actor.can("warning:cockpit:view") ? 1 : 15, "风险预警", "/warnings/list",
					List.of(new WorkbenchPanel.Figure("warnings-open", "待反馈预警", open.size(),
							"/warnings/list?status=OPEN", true),
							new WorkbenchPanel.Figure("warnings-overdue", "逾期未反馈", overdue,
									"/warnings/list?status=OVERDUE", true)),
					"待反馈预警", items, shortcuts));
	}

}
