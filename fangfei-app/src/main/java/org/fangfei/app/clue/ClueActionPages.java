package org.fangfei.app.clue;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Rejected;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The action forms of the clue page. Each posts the version the user saw; a refusal comes
 * back to the clue page with its message and what the user typed, so nothing is lost.
 */
@Controller
class ClueActionPages {

	private final ClueMoves moves;

	private final ClueWorkflow workflow;

	private final ClueQueries queries;

	ClueActionPages(ClueMoves moves, ClueWorkflow workflow, ClueQueries queries) {
		this.moves = moves;
		this.workflow = workflow;
		this.queries = queries;
	}

	@PostMapping("/clues/{id}/act/{action}")
	@PreAuthorize("hasAuthority('clue:clue:view')")
	String act(@PathVariable long id, @PathVariable Clue.Action action, MoveInput in, Actor actor,
			RedirectAttributes redirect) {
		try {
			this.moves.perform(id, action, in, actor);
			redirect.addFlashAttribute("done", "已完成：" + action.label());
			if (!this.queries.visible(id, actor)) {
				// e.g. a department returned a clue outside its sectors: back to the list
				return "redirect:/clues";
			}
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
			redirect.addFlashAttribute("failedAction", action.name());
			redirect.addFlashAttribute("draft", in);
		}
		return "redirect:/clues/" + id;
	}

	@PostMapping("/clues/{id}/comment")
	@PreAuthorize("hasAuthority('clue:clue:view')")
	String comment(@PathVariable long id, @RequestParam(required = false) String note, Actor actor,
			RedirectAttributes redirect) {
		try {
			this.workflow.comment(id, note, actor);
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
			redirect.addFlashAttribute("commentDraft", note);
		}
		return "redirect:/clues/" + id + "#timeline";
	}

}
