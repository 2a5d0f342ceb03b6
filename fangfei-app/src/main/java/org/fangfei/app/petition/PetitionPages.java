package org.fangfei.app.petition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fangfei.app.organisation.Sectors;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The petition list with its filters, the registration form and the petition page with
 * the form of each move. A refused move goes back to the page with the reason.
 */
@Controller
class PetitionPages {

	static final int FORM_PETITIONERS = 5;

	private final PetitionQueries queries;

	private final PetitionDesk desk;

	private final Sectors sectors;

	PetitionPages(PetitionQueries queries, PetitionDesk desk, Sectors sectors) {
		this.queries = queries;
		this.desk = desk;
		this.sectors = sectors;
	}

	@GetMapping("/petitions")
	@PreAuthorize("hasAuthority('petition:petition:view')")
	String list(@ModelAttribute("q") PetitionQuery q, @RequestParam(defaultValue = "1") int page, Actor actor,
			Model model) {
		model.addAttribute("result", this.queries.search(q, actor.scope(), PageRequest.of(page)));
		model.addAttribute("channels", Channel.values());
		model.addAttribute("statuses", PetitionStatus.values());
		model.addAttribute("levels", LevelReached.values());
		return "petitions/list";
	}

	@GetMapping("/petitions/new")
	@PreAuthorize("hasAuthority('petition:petition:edit')")
	String newPetition(@RequestParam(required = false) Long caseId, Model model) {
		PetitionForm blank = PetitionForm.blank();
		PetitionForm form = new PetitionForm(blank.channel(), Times.today(), "", "", blank.levelReached(), 1, caseId,
				null, "", blank.petitioners());
		return form(model, form, null);
	}

	@PostMapping("/petitions")
	@PreAuthorize("hasAuthority('petition:petition:edit')")
	String register(@ModelAttribute("form") PetitionForm form, Actor actor, Model model, RedirectAttributes redirect) {
		try {
			long id = this.desk.register(form, actor);
			redirect.addFlashAttribute("done", "已登记信访件");
			return "redirect:/petitions/" + id;
		}
		catch (Rejected ex) {
			return form(model, form, FormErrors.of(ex));
		}
	}

	@GetMapping("/petitions/{id}")
	@PreAuthorize("hasAuthority('petition:petition:view')")
	String show(@PathVariable long id, Actor actor, Model model) {
		PetitionQueries.View view = this.queries.view(id, actor.scope());
		model.addAttribute("p", view);
		model.addAttribute("petitioners", this.queries.petitioners(id));
		model.addAttribute("timeline", this.queries.timeline(id));
		model.addAttribute("satisfactions", Satisfaction.values());
		model.addAttribute("today", Times.today());
		return "petitions/show";
	}

	@PostMapping("/petitions/{id}/moves/{move}")
	@PreAuthorize("hasAuthority('petition:petition:edit')")
	String move(@PathVariable long id, @PathVariable Petition.Move move,
			@RequestParam(required = false) Integer version,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) java.time.LocalDate on,
			@RequestParam(required = false) String note, @RequestParam(required = false) String reason,
			@RequestParam(required = false) Integer days, @RequestParam(required = false) String reply,
			@RequestParam(required = false) Satisfaction satisfaction, Actor actor, RedirectAttributes redirect) {
		try {
			this.desk.move(id, move, new PetitionDesk.MoveInput(version, on, note, reason, days, reply, satisfaction),
					actor);
			redirect.addFlashAttribute("done", "已保存");
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
		}
		return "redirect:/petitions/" + id;
	}

	private String form(Model model, PetitionForm form, Map<String, String> errors) {
		List<PetitionForm.Petitioner> rows = new ArrayList<>(
				form.petitioners() == null ? List.of() : form.petitioners());
		while (rows.size() < FORM_PETITIONERS) {
			rows.add(new PetitionForm.Petitioner("", "", ""));
		}
		model.addAttribute("form", form);
		model.addAttribute("rows", rows);
		model.addAttribute("errors", errors);
		model.addAttribute("channels", Channel.values());
		model.addAttribute("levels", LevelReached.values());
		model.addAttribute("sectors", this.sectors.all());
		model.addAttribute("today", Times.today());
		return "petitions/form";
	}

}
