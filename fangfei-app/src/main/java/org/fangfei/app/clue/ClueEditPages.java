package org.fangfei.app.clue;

import java.util.Map;

import org.fangfei.app.organisation.Sectors;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.subject.Schemes;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The correction form of an open clue (修改线索).
 */
@Controller
class ClueEditPages {

	private final ClueQueries queries;

	private final ClueEdits edits;

	private final Sectors sectors;

	private final Schemes schemes;

	ClueEditPages(ClueQueries queries, ClueEdits edits, Sectors sectors, Schemes schemes) {
		this.queries = queries;
		this.edits = edits;
		this.sectors = sectors;
		this.schemes = schemes;
	}

	@GetMapping("/clues/{id}/edit")
	@PreAuthorize("hasAuthority('clue:clue:accept')")
	String edit(@PathVariable long id, Actor actor, Model model) {
		ClueView clue = this.queries.view(id, actor);
		return form(model, clue, ClueEditForm.of(clue), null);
	}

	@PostMapping("/clues/{id}/edit")
	@PreAuthorize("hasAuthority('clue:clue:accept')")
	String save(@PathVariable long id, @ModelAttribute("form") ClueEditForm form, Actor actor, Model model,
			RedirectAttributes redirect) {
		try {
			this.edits.edit(id, form, actor);
			redirect.addFlashAttribute("done", "已保存修改");
			return "redirect:/clues/" + id;
		}
		catch (Rejected ex) {
			return form(model, this.queries.view(id, actor), form, FormErrors.of(ex));
		}
	}

	private String form(Model model, ClueView clue, ClueEditForm form, Map<String, String> errors) {
		model.addAttribute("clue", clue);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("regionLocked", clue.state() != ClueState.REGISTERED && clue.state() != ClueState.ACCEPTED);
		model.addAttribute("grades", ClueGrade.values());
		model.addAttribute("sectors", this.sectors.all());
		model.addAttribute("schemes", this.schemes.all());
		return "clues/edit";
	}

}
