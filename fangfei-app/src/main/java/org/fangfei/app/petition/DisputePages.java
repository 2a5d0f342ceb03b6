package org.fangfei.app.petition;

import java.util.Map;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Rejected;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The 矛盾摸排 register: list, form and the page of one dispute with its progress. */
@Controller
class DisputePages {

	private final Disputes disputes;

	DisputePages(Disputes disputes) {
		this.disputes = disputes;
	}

	@GetMapping("/stability/disputes")
	@PreAuthorize("hasAuthority('petition:stability:view')")
	String list(@ModelAttribute("q") Disputes.DisputeQuery q, @RequestParam(defaultValue = "1") int page, Actor actor,
			Model model) {
		model.addAttribute("result", this.disputes.search(q, actor.scope(), PageRequest.of(page)));
		model.addAttribute("statuses", DisputeStatus.values());
		model.addAttribute("sources", DisputeSource.values());
		return "stability/disputes";
	}

	@GetMapping("/stability/disputes/new")
	@PreAuthorize("hasAuthority('petition:stability:edit')")
	String newDispute(Model model) {
		return form(model, Disputes.DisputeForm.blank(), null);
	}

	@PostMapping("/stability/disputes")
	@PreAuthorize("hasAuthority('petition:stability:edit')")
	String create(@ModelAttribute("form") Disputes.DisputeForm form, Actor actor, Model model,
			RedirectAttributes redirect) {
		try {
			long id = this.disputes.create(form, actor);
			redirect.addFlashAttribute("done", "已登记矛盾纠纷");
			return "redirect:/stability/disputes/" + id;
		}
		catch (Rejected ex) {
			return form(model, form, FormErrors.of(ex));
		}
	}

	@GetMapping("/stability/disputes/{id}")
	@PreAuthorize("hasAuthority('petition:stability:view')")
	String show(@PathVariable long id, Actor actor, Model model) {
		model.addAttribute("d", this.disputes.get(id, actor.scope()));
		model.addAttribute("statuses", DisputeStatus.values());
		return "stability/dispute";
	}

	@PostMapping("/stability/disputes/{id}/progress")
	@PreAuthorize("hasAuthority('petition:stability:edit')")
	String progress(@PathVariable long id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) DisputeStatus status, @RequestParam(required = false) String handling,
			@RequestParam(defaultValue = "false") boolean reportedUp, Actor actor, RedirectAttributes redirect) {
		try {
			this.disputes.progress(id, version, status, handling, reportedUp, actor);
			redirect.addFlashAttribute("done", "已保存化解进展");
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
		}
		return "redirect:/stability/disputes/" + id;
	}

	private String form(Model model, Disputes.DisputeForm form, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("sources", DisputeSource.values());
		return "stability/dispute-form";
	}

}
