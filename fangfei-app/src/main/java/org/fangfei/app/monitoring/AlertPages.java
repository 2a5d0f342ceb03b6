package org.fangfei.app.monitoring;

import java.util.ArrayList;
import java.util.List;

import org.fangfei.app.organisation.Region;
import org.fangfei.app.organisation.RegionLevel;
import org.fangfei.app.organisation.Regions;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Rejected;
import org.fangfei.detect.Pattern;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Alerts (资金异动预警): the filtered list, one alert with its explanation and evidence
 * transfers, and the two ways to handle it — 转为线索 and 排除.
 */
@Controller
@PreAuthorize("hasAuthority('monitoring:alert:view')")
class AlertPages {

	private final Alerts alerts;

	private final AlertActions actions;

	private final Regions regions;

	AlertPages(Alerts alerts, AlertActions actions, Regions regions) {
		this.alerts = alerts;
		this.actions = actions;
		this.regions = regions;
	}

	@GetMapping("/monitoring/alerts")
	String list(@RequestParam(required = false) Pattern pattern, @RequestParam(required = false) AlertStatus status,
			@RequestParam(required = false) Integer minScore, @RequestParam(required = false) Long batch,
			@RequestParam(defaultValue = "1") int page, DataScope scope, Model model) {
		AlertQuery q = new AlertQuery(pattern, status, minScore, batch);
		PageOf<AlertRow> result = this.alerts.search(q, scope, PageRequest.of(page));
		model.addAttribute("q", q);
		model.addAttribute("result", result);
		model.addAttribute("patterns", Pattern.values());
		model.addAttribute("statuses", AlertStatus.values());
		return "monitoring/alerts";
	}

	@GetMapping("/monitoring/alerts/{id}")
	String show(@PathVariable long id, DataScope scope, Model model) {
		AlertRow alert = this.alerts.get(id, scope);
		model.addAttribute("alert", alert);
		model.addAttribute("evidence", this.alerts.evidence(alert, scope));
		model.addAttribute("evidenceLimit", Alerts.EVIDENCE_LIMIT);
		model.addAttribute("regions", regionChoices(scope));
		return "monitoring/alert";
	}

	/**
	 * The county and townships of the scope, and villages when the scope is a township.
	 */
	private List<Region> regionChoices(DataScope scope) {
		List<Region> choices = new ArrayList<>();
		choices.addAll(this.regions.search(null, RegionLevel.COUNTY, scope));
		choices.addAll(this.regions.search(null, RegionLevel.TOWNSHIP, scope));
		if (scope.regionPrefix().length() >= 9) {
			choices.addAll(this.regions.search(null, RegionLevel.VILLAGE, scope));
		}
		return choices;
	}

	@PostMapping("/monitoring/alerts/{id}/clue")
	@PreAuthorize("hasAuthority('monitoring:alert:clue')")
	String clue(@PathVariable long id, @RequestParam(required = false) String regionCode, Actor actor, Model model,
			RedirectAttributes redirect) {
		try {
			AlertActions.Clued clued = this.actions.toClue(id, regionCode, actor);
			redirect.addFlashAttribute("message", (clued.replayed() ? "该预警已转为线索 " : "已转为线索 ") + clued.clueCode());
			return "redirect:/monitoring/alerts/" + id;
		}
		catch (Rejected ex) {
			model.addAttribute("error", ex.getMessage());
			return show(id, actor.scope(), model);
		}
	}

	@PostMapping("/monitoring/alerts/{id}/dismiss")
	@PreAuthorize("hasAuthority('monitoring:alert:clue')")
	String dismiss(@PathVariable long id, @RequestParam(required = false) String reason, Actor actor, Model model,
			RedirectAttributes redirect) {
		try {
			this.actions.dismiss(id, reason, actor);
			redirect.addFlashAttribute("message", "已排除该预警");
			return "redirect:/monitoring/alerts/" + id;
		}
		catch (Rejected ex) {
			model.addAttribute("error", ex.getMessage());
			return show(id, actor.scope(), model);
		}
	}

}
