package org.fangfei.app.clue;

import org.fangfei.app.shared.Rejected;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 办理时限设置: working days allowed per step and grade.
 */
@Controller
class DeadlinePages {

	private final Deadlines deadlines;

	DeadlinePages(Deadlines deadlines) {
		this.deadlines = deadlines;
	}

	@GetMapping("/clues/deadlines")
	@PreAuthorize("hasAuthority('clue:clue:view')")
	String page(Model model) {
		model.addAttribute("table", this.deadlines.table());
		model.addAttribute("grades", ClueGrade.values());
		return "clues/deadlines";
	}

	@PostMapping("/clues/deadlines")
	@PreAuthorize("hasAuthority('clue:deadline:edit')")
	String update(@RequestParam ClueState step, @RequestParam ClueGrade grade,
			@RequestParam(required = false) Integer workingDays, RedirectAttributes redirect) {
		try {
			this.deadlines.update(step, grade, workingDays == null ? 0 : workingDays);
			redirect.addFlashAttribute("done", "已保存：" + step.label() + "(" + grade.label() + ")");
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
		}
		return "redirect:/clues/deadlines";
	}

}
