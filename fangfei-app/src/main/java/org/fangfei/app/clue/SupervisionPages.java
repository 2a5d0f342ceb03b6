package org.fangfei.app.clue;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Rejected;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supervision board (督办台) and the supervise / lift forms of the clue page.
 */
@Controller
class SupervisionPages {

	private final Supervision supervision;

	SupervisionPages(Supervision supervision) {
		this.supervision = supervision;
	}

	@GetMapping("/clues/supervision")
	@PreAuthorize("hasAuthority('clue:clue:view')")
	String board(Actor actor, Model model) {
		model.addAttribute("rows", this.supervision.board(actor));
		return "clues/supervision";
	}

	@PostMapping("/clues/{id}/supervision")
	@PreAuthorize("hasAuthority('clue:supervision:manage')")
	String supervise(@PathVariable long id, @RequestParam(required = false) Long leaderId,
			@RequestParam(required = false) String note, Actor actor, RedirectAttributes redirect) {
		try {
			this.supervision.supervise(id, leaderId, note, actor);
			redirect.addFlashAttribute("done", "已督办");
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
		}
		return "redirect:/clues/" + id;
	}

	@PostMapping("/clues/{id}/supervision/lift")
	@PreAuthorize("hasAuthority('clue:supervision:manage')")
	String lift(@PathVariable long id, Actor actor) {
		this.supervision.lift(id, actor);
		return "redirect:/clues/" + id;
	}

}
