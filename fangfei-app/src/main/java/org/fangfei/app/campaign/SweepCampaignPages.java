package org.fangfei.app.campaign;

import java.util.Map;

import jakarta.validation.Valid;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.Rejected;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Starting a sweep campaign, and the old /sweep-campaigns addresses sent on to the
 * campaigns that frame them.
 */
@Controller
class SweepCampaignPages {

	private static final Map<String, String> TYPE_MISMATCH = Map.of("startsOn", "开始日期格式不正确", "endsOn", "结束日期格式不正确");

	private final SweepFraming framing;

	SweepCampaignPages(SweepFraming framing) {
		this.framing = framing;
	}

	@GetMapping("/campaigns/sweeps/new")
	@PreAuthorize("hasAuthority('building:sweep:edit')")
	String blank(@RequestParam(required = false) String regionCode, Model model) {
		return form(model, new SweepForm("", regionCode == null ? "" : regionCode, null, null), null);
	}

	@PostMapping("/campaigns/sweeps")
	@PreAuthorize("hasAuthority('building:sweep:edit')")
	String start(@Valid @ModelAttribute("form") SweepForm form, BindingResult binding, Actor actor, Model model) {
		if (binding.hasErrors()) {
			Map<String, String> errors = FormErrors.of(binding);
			binding.getFieldErrors()
				.stream()
				.filter(e -> e.isBindingFailure() && TYPE_MISMATCH.containsKey(e.getField()))
				.forEach(e -> errors.put(e.getField(), TYPE_MISMATCH.get(e.getField())));
			return form(model, form, errors);
		}
		try {
			return "redirect:/campaigns/" + this.framing.start(form, actor);
		}
		catch (Rejected ex) {
			return form(model, form, FormErrors.of(ex));
		}
	}

	@GetMapping("/sweep-campaigns")
	@PreAuthorize("hasAuthority('building:building:view')")
	String oldList() {
		return "redirect:/campaigns";
	}

	@GetMapping("/sweep-campaigns/new")
	@PreAuthorize("hasAuthority('building:sweep:edit')")
	String oldNew() {
		return "redirect:/campaigns/sweeps/new";
	}

	@GetMapping("/sweep-campaigns/{id}")
	@PreAuthorize("hasAuthority('building:building:view')")
	String oldShow(@PathVariable long id, Actor actor) {
		return "redirect:/campaigns/" + this.framing.campaignFor(id, actor);
	}

	private static String form(Model model, SweepForm form, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "campaigns/sweep-form";
	}

}
