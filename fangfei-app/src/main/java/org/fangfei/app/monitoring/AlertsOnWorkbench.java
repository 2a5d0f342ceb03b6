package org.fangfei.app.monitoring;

import java.util.List;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.workbench.WorkbenchPanel;
import org.fangfei.app.workbench.WorkbenchPanel.Figure;
import org.fangfei.app.workbench.WorkbenchPanel.Shortcut;
import org.fangfei.app.workbench.WorkbenchSection;

import org.springframework.stereotype.Component;

/** Fund-flow alerts on the workbench: those still waiting (待处理) within the scope. */
@Component
class AlertsOnWorkbench implements WorkbenchSection {

	private final Alerts alerts;

	AlertsOnWorkbench(Alerts alerts) {
		this.alerts = alerts;
	}

	@Override
	public List<WorkbenchPanel> panels(Actor actor) {
		if (!actor.can("monitoring:alert:view")) {
			return List.of();
		}
		long open = this.alerts
			.search(new AlertQuery(null, AlertStatus.NEW, null, null), actor.scope(), PageRequest.of(1, 1))
			.total();
		List<Shortcut> shortcuts = actor.can("monitoring:batch:upload")
				? List.of(new Shortcut("monitoring-upload", "上传银行流水", "/monitoring")) : List.of();
		return List.of(new WorkbenchPanel("alerts", 50, "资金监测", "/monitoring/alerts",
				List.of(new Figure("open", "待处理预警", open, "/monitoring/alerts?status=NEW", true)), null, List.of(),
				shortcuts));
	}

}
