package org.fangfei.app.building;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.Regions12;
import org.fangfei.app.shared.Rejected;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Recording a sweep and the still-unswept-this-month page. Sweep campaigns are framed and
 * shown by the campaign module (/campaigns).
 */
@Controller
class SweepPages {

	private final Buildings buildings;

	private final Sweeps sweeps;

	private final SweepCampaigns campaigns;

	private final SweepCalendar calendar;

	SweepPages(Buildings buildings, Sweeps sweeps, SweepCampaigns campaigns, SweepCalendar calendar) {
		this.buildings = buildings;
		this.sweeps = sweeps;
		this.campaigns = campaigns;
		this.calendar = calendar;
	}

	@GetMapping("/buildings/{id}/sweeps/new")
	@PreAuthorize("hasAuthority('building:sweep:edit')")
	String newSweep(@PathVariable long id, @RequestParam(required = false) Long campaignId, DataScope scope,
			Model model) {
		Building building = this.buildings.get(id, scope);
		return sweepForm(model, building, SweepForm.blank(this.calendar.today(), campaignId), scope, null);
	}

	@PostMapping("/buildings/{id}/sweeps")
	@PreAuthorize("hasAuthority('building:sweep:edit')")
	String record(@PathVariable long id, @Valid @ModelAttribute("form") SweepForm form, BindingResult binding,
			DataScope scope, Authentication auth, Model model) {
		Building building = this.buildings.get(id, scope);
		if (binding.hasErrors()) {
			return sweepForm(model, building, form, scope, FieldMessages.of(binding));
		}
		try {
			this.sweeps.record(id, form, scope, auth.getName());
			return "redirect:/buildings/" + id;
		}
		catch (Rejected ex) {
			return sweepForm(model, building, form, scope, FormErrors.of(ex));
		}
	}

	@GetMapping("/buildings/unswept")
	@PreAuthorize("hasAuthority('building:building:view')")
	String unswept(@RequestParam(required = false) String regionCode, DataScope scope, Model model) {
		model.addAttribute("progress", this.sweeps.thisMonth(regionCode, scope));
		model.addAttribute("regionCode", regionCode);
		return "buildings/unswept";
	}

	private String sweepForm(Model model, Building building, SweepForm form, DataScope scope,
			Map<String, String> errors) {
		List<SweepCampaign> open = this.campaigns.list(scope)
			.stream()
			.filter(c -> building.regionCode().startsWith(Regions12.prefixOf(c.regionCode())))
			.filter(c -> !c.startsOn().isAfter(this.calendar.today()))
			.toList();
		model.addAttribute("building", building);
		model.addAttribute("form", form);
		model.addAttribute("campaigns", open);
		model.addAttribute("today", this.calendar.today());
		model.addAttribute("errors", errors);
		return "buildings/sweep-form";
	}

}
