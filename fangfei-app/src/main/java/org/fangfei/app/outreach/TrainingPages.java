package org.fangfei.app.outreach;

import java.util.List;
import java.util.Map;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Conflict;
import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Training sessions, their attendees, and the grid workers' coverage this year. */
@Controller
class TrainingPages {

	private final Trainings trainings;

	private final TrainingCorrections corrections;

	TrainingPages(Trainings trainings, TrainingCorrections corrections) {
		this.trainings = trainings;
		this.corrections = corrections;
	}

	@GetMapping("/outreach/trainings")
	@PreAuthorize("hasAuthority('outreach:training:view')")
	String list(@RequestParam(required = false) Integer year, @RequestParam(required = false) String text,
			@RequestParam(defaultValue = "1") int page, Actor actor, Model model) {
		model.addAttribute("year", year);
		model.addAttribute("text", text);
		model.addAttribute("result", this.trainings.search(year, text, OutreachScope.of(actor), PageRequest.of(page)));
		model.addAttribute("tab", "trainings");
		return "outreach/trainings";
	}

	@GetMapping("/outreach/trainings/new")
	@PreAuthorize("hasAuthority('outreach:training:edit')")
	String newSession(Actor actor, Model model) {
		return form(model, Trainings.SessionForm.blank(actor.regionCode()), Map.of(), null);
	}

	@PostMapping("/outreach/trainings")
	@PreAuthorize("hasAuthority('outreach:training:edit')")
	String create(@ModelAttribute("form") Trainings.SessionForm form, Actor actor, Model model,
			RedirectAttributes redirect) {
		try {
			long id = this.trainings.create(form, actor);
			redirect.addFlashAttribute("done", "已登记培训");
			return "redirect:/outreach/trainings/" + id;
		}
		catch (Rejected ex) {
			return form(model, form, FormErrors.of(ex), null);
		}
	}

	@GetMapping("/outreach/trainings/{id}/edit")
	@PreAuthorize("hasAuthority('outreach:training:edit')")
	String edit(@PathVariable long id, Actor actor, Model model) {
		Trainings.SessionForm form = this.corrections.form(id, actor);
		return form(model, form, Map.of(), this.trainings.get(id, OutreachScope.of(actor)));
	}

	@PostMapping("/outreach/trainings/{id}")
	@PreAuthorize("hasAuthority('outreach:training:edit')")
	String update(@PathVariable long id, @RequestParam(required = false) Integer version,
			@ModelAttribute("form") Trainings.SessionForm form, Actor actor, Model model, RedirectAttributes redirect) {
		try {
			this.corrections.update(id, version, form, actor);
			redirect.addFlashAttribute("done", "已保存修改");
			return "redirect:/outreach/trainings/" + id;
		}
		catch (Conflict ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
			return "redirect:/outreach/trainings/" + id + "/edit";
		}
		catch (Rejected ex) {
			return form(model, form, FormErrors.of(ex), this.trainings.get(id, OutreachScope.of(actor)));
		}
	}

	@PostMapping("/outreach/trainings/{id}/delete")
	@PreAuthorize("hasAuthority('outreach:training:edit')")
	String delete(@PathVariable long id, @RequestParam(required = false) Integer version, Actor actor,
			RedirectAttributes redirect) {
		try {
			this.corrections.delete(id, version, actor);
			redirect.addFlashAttribute("done", "已删除培训");
			return "redirect:/outreach/trainings";
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
			return "redirect:/outreach/trainings/" + id;
		}
	}

	@GetMapping("/outreach/trainings/{id}")
	@PreAuthorize("hasAuthority('outreach:training:view')")
	String show(@PathVariable long id, Actor actor, Model model) {
		Trainings.TrainingSession t = this.trainings.get(id, OutreachScope.of(actor));
		model.addAttribute("t", t);
		model.addAttribute("correctable",
				actor.can(Trainings.EDIT) && OutreachScope.mayCorrect(actor, t.departmentId()));
		var attendees = this.trainings.attendees(id, OutreachScope.of(actor));
		model.addAttribute("attendees", this.trainings.trained(attendees, t.heldOn().getYear()));
		model.addAttribute("tab", "trainings");
		return "outreach/training";
	}

	@GetMapping("/outreach/trainings/coverage")
	@PreAuthorize("hasAuthority('outreach:training:view')")
	String coverage(@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "false") boolean never,
			@RequestParam(defaultValue = "1") int page, Actor actor, Model model) {
		int y = year == null || year < 2000 || year > 2099 ? Times.today().getYear() : year;
		List<Trainings.Trained> rows = this.trainings.gridWorkers(y, actor.scope());
		model.addAttribute("year", y);
		model.addAttribute("never", never);
		model.addAttribute("coverage", Trainings.coverage(y, rows));
		List<Trainings.Trained> shown = never ? rows.stream().filter(r -> r.sessionsEver() == 0).toList() : rows;
		model.addAttribute("result", Trainings.page(shown, PageRequest.of(page)));
		model.addAttribute("pageUrl", "/outreach/trainings/coverage?year=" + y + (never ? "&never=true" : ""));
		model.addAttribute("tab", "coverage");
		return "outreach/coverage";
	}

	private String form(Model model, Trainings.SessionForm form, Map<String, String> errors,
			Trainings.TrainingSession editing) {
		model.addAttribute("form", form);
		model.addAttribute("editing", editing);
		model.addAttribute("errors", errors);
		model.addAttribute("tab", "trainings");
		return "outreach/training-form";
	}

}
