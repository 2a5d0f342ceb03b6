package org.fangfei.app.clue;

import org.fangfei.app.shared.Actor;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The clue dashboard: tables on the page, charts drawn by ECharts from the same figures
 * as JSON.
 */
@Controller
class DashboardPages {

	private final ClueDashboard dashboard;

	DashboardPages(ClueDashboard dashboard) {
		this.dashboard = dashboard;
	}

	@GetMapping("/clues/dashboard")
	@PreAuthorize("hasAuthority('clue:dashboard:view')")
	String page(Actor actor, Model model) {
		model.addAttribute("figures", this.dashboard.figures(actor));
		model.addAttribute("onTimeMonths", ClueDashboard.ON_TIME_MONTHS);
		return "clues/dashboard";
	}

	@GetMapping("/api/v1/clues/dashboard")
	@ResponseBody
	@PreAuthorize("hasAuthority('clue:dashboard:view')")
	ClueDashboard.Figures figures(Actor actor) {
		return this.dashboard.figures(actor);
	}

}
