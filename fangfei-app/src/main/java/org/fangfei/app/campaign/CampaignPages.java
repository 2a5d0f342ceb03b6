package org.fangfei.app.campaign;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The campaign list, 004's template and its copy, a campaign's page, its header and
 * phases.
 */
@Controller
class CampaignPages {

	private final Campaigns campaigns;

	private final UnitPlans plans;

	private final Summaries summaries;

	private final SweepFraming sweeps;

	CampaignPages(Campaigns campaigns, UnitPlans plans, Summaries summaries, SweepFraming sweeps) {
		this.campaigns = campaigns;
		this.plans = plans;
		this.summaries = summaries;
		this.sweeps = sweeps;
	}

	@GetMapping("/campaigns")
	@PreAuthorize("hasAuthority('campaign:campaign:view')")
	String list(Actor actor, Model model) {
		model.addAttribute("campaigns", this.campaigns.list(actor));
		model.addAttribute("today", Times.today());
		return "campaigns/list";
	}

	@GetMapping("/campaigns/template")
	@PreAuthorize("hasAuthority('campaign:campaign:manage')")
	String template(Model model) {
		return templatePage(model, new CampaignForms.Header(CampaignTemplate.NAME, CampaignTemplate.DOCUMENT,
				CampaignTemplate.STARTS, CampaignTemplate.ENDS), null, null);
	}

	@PostMapping("/campaigns/template/copy")
	@PreAuthorize("hasAuthority('campaign:campaign:manage')")
	String copy(@Valid @ModelAttribute("form") CampaignForms.Header form, BindingResult binding,
			@RequestParam(required = false) List<String> tasks, @RequestParam(required = false) String choosing,
			Actor actor, Model model) {
		List<Integer> chosen = chosen(tasks, choosing);
		if (binding.hasErrors()) {
			return templatePage(model, form, FormErrors.of(binding), chosen);
		}
		try {
			return "redirect:/campaigns/" + this.campaigns.copyTemplate(form, chosen, actor);
		}
		catch (Rejected ex) {
			return templatePage(model, form, FormErrors.of(ex), chosen);
		}
	}

	/**
	 * The task numbers ticked on the template page ({@code choosing} says the list was
	 * shown, so none ticked is none); null (all) when the list was not part of the form;
	 * a number that cannot be read becomes 0, which no task has.
	 */
	private static List<Integer> chosen(List<String> tasks, String choosing) {
		if (choosing == null) {
			return null;
		}
		return tasks == null ? List.of() : tasks.stream().map(t -> {
			try {
				return Integer.valueOf(t.strip());
			}
			catch (NumberFormatException ex) {
				return 0;
			}
		}).distinct().toList();
	}

	@GetMapping("/campaigns/new")
	@PreAuthorize("hasAuthority('campaign:campaign:manage')")
	String blank(Model model) {
		return headerForm(model, new CampaignForms.Header("", "", null, null), null, null);
	}

	@PostMapping("/campaigns")
	@PreAuthorize("hasAuthority('campaign:campaign:manage')")
	String create(@Valid @ModelAttribute("form") CampaignForms.Header form, BindingResult binding, Actor actor,
			Model model) {
		if (binding.hasErrors()) {
			return headerForm(model, form, null, FormErrors.of(binding));
		}
		try {
			return "redirect:/campaigns/" + this.campaigns.create(form, actor);
		}
		catch (Rejected ex) {
			return headerForm(model, form, null, FormErrors.of(ex));
		}
	}

	@GetMapping("/campaigns/{id}")
	@PreAuthorize("hasAuthority('campaign:campaign:view')")
	String show(@PathVariable long id, Actor actor, Model model) {
		Campaign c = this.campaigns.get(id, actor);
		model.addAttribute("c", c);
		model.addAttribute("plans", this.plans.of(id, actor));
		model.addAttribute("summaries", this.summaries.of(id, actor));
		model.addAttribute("manages", Campaigns.manages(actor));
		model.addAttribute("mine", UnitKey.ofActor(actor));
		model.addAttribute("phaseForm", new CampaignForms.PhaseForm("", null, null, ""));
		if (c.sweep()) {
			model.addAttribute("progress", this.sweeps.progress(c, actor));
		}
		return "campaigns/show";
	}

	@GetMapping("/campaigns/{id}/edit")
	@PreAuthorize("hasAuthority('campaign:campaign:manage')")
	String edit(@PathVariable long id, Actor actor, Model model) {
		return headerForm(model, CampaignForms.Header.of(this.campaigns.editable(id, actor)), id, null);
	}

	@PostMapping("/campaigns/{id}")
	@PreAuthorize("hasAuthority('campaign:campaign:manage')")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") CampaignForms.Header form,
			BindingResult binding, Actor actor, Model model) {
		if (binding.hasErrors()) {
			return headerForm(model, form, id, FormErrors.of(binding));
		}
		try {
			this.campaigns.updateHeader(id, form, actor);
			return "redirect:/campaigns/" + id;
		}
		catch (Rejected ex) {
			return headerForm(model, form, id, FormErrors.of(ex));
		}
	}

	@PostMapping("/campaigns/{id}/phases")
	@PreAuthorize("hasAuthority('campaign:campaign:manage')")
	String addPhase(@PathVariable long id, @Valid @ModelAttribute("phaseForm") CampaignForms.PhaseForm form,
			BindingResult binding, Actor actor, RedirectAttributes redirect) {
		try {
			if (binding.hasErrors()) {
				throw new Rejected(FormErrors.of(binding).values().iterator().next());
			}
			this.campaigns.addPhase(id, form, actor);
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("phaseError", ex.getMessage());
		}
		return "redirect:/campaigns/" + id + "#phases";
	}

	@PostMapping("/campaigns/{id}/phases/{phaseId}/delete")
	@PreAuthorize("hasAuthority('campaign:campaign:manage')")
	String removePhase(@PathVariable long id, @PathVariable long phaseId, Actor actor) {
		this.campaigns.removePhase(id, phaseId, actor);
		return "redirect:/campaigns/" + id + "#phases";
	}

	private static String templatePage(Model model, CampaignForms.Header form, Map<String, String> errors,
			List<Integer> chosen) {
		model.addAttribute("form", form);
		model.addAttribute("chosen",
				chosen == null ? CampaignTemplate.TASKS.stream().map(CampaignTemplate.Task::seq).toList() : chosen);
		model.addAttribute("errors", errors);
		model.addAttribute("phases", CampaignTemplate.PHASES);
		model.addAttribute("tasks", CampaignTemplate.TASKS);
		return "campaigns/template";
	}

	private static String headerForm(Model model, CampaignForms.Header form, Long id, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("id", id);
		model.addAttribute("errors", errors);
		return "campaigns/form";
	}

}
