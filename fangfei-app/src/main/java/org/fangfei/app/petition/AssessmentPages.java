package org.fangfei.app.petition;

import java.util.Map;

import org.fangfei.app.casefile.SensitiveStep;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The assessments list and form; {@link AssessmentApi} is the same as JSON. */
@Controller
class AssessmentPages {

	private final Assessments assessments;

	AssessmentPages(Assessments assessments) {
		this.assessments = assessments;
	}

	@GetMapping("/stability/assessments")
	@PreAuthorize("hasAuthority('petition:stability:view')")
	String list(@RequestParam(required = false) Long caseId, @RequestParam(defaultValue = "1") int page, Actor actor,
			Model model) {
		model.addAttribute("result", this.assessments.search(caseId, actor.scope(), PageRequest.of(page)));
		model.addAttribute("caseId", caseId);
		return "stability/assessments";
	}

	@GetMapping("/stability/assessments/new")
	@PreAuthorize("hasAuthority('petition:assessment:edit')")
	String newAssessment(@RequestParam(required = false) Long caseId,
			@RequestParam(required = false) SensitiveStep step, Model model) {
		return form(model, new Assessments.AssessmentForm(caseId, step, null, Times.today(), "", "", ""), null);
	}

	@PostMapping("/stability/assessments")
	@PreAuthorize("hasAuthority('petition:assessment:edit')")
	String record(@ModelAttribute("form") Assessments.AssessmentForm form, Actor actor, Model model,
			RedirectAttributes redirect) {
		try {
			this.assessments.record(form, actor);
			redirect.addFlashAttribute("done", "已登记社会稳定风险评估");
			return "redirect:/cases/" + form.caseId();
		}
		catch (Rejected ex) {
			return form(model, form, FormErrors.of(ex));
		}
	}

	private String form(Model model, Assessments.AssessmentForm form, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("steps", SensitiveStep.values());
		model.addAttribute("risks", StabilityRisk.values());
		model.addAttribute("today", Times.today());
		return "stability/assessment-form";
	}

}
