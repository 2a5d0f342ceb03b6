package org.fangfei.app.casefile;

import java.time.LocalDate;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Rejected;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Recording a coercive measure or the public statement on a case from the case page's
 * form ({@link SensitiveSteps}: refused until the step was assessed);
 * {@link SensitiveStepApi} is the same as JSON.
 */
@Controller
class SensitiveStepPages {

	private final SensitiveSteps steps;

	SensitiveStepPages(SensitiveSteps steps) {
		this.steps = steps;
	}

	@PostMapping("/cases/{id}/sensitive-steps")
	@PreAuthorize("hasAuthority('casefile:case:edit')")
	String record(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) SensitiveStep step,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
			@RequestParam(required = false) String note, Actor actor, RedirectAttributes redirect) {
		try {
			this.steps.record(id, version, step, on, note, actor);
			redirect.addFlashAttribute("done", "已登记" + step.label());
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
		}
		return "redirect:/cases/" + id;
	}

}
