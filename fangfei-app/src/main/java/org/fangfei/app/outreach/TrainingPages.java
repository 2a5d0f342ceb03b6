package org.fangfei.app.outreach;

import java.util.List;
import java.util.Map;

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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Training sessions, their attendees, and the grid workers' coverage this year. */
@Controller
class TrainingPages {

	private final Trainings trainings;

	TrainingPages(Trainings trainings) {
		this.trainings = trainings;
	}

	@GetMapping("/outreach/trainings")
	@PreAuthorize("hasAuthority('outreach:training:view')")
	String list(@RequestParam(required = false) Integer year, @RequestParam(required = false) String text,
			@RequestParam(defaultValue = "1") int page, Actor actor, Model model) {
		model.addAttribute("year", year);
		model.addAttribute("text", text);
		model.addAttribute("result", this.trainings.search(year, text, actor.scope(), PageRequest.of(page)));
		model.addAttribute("tab", "trainings");
		return "outreach/trainings";
	}

	@GetMapping("/outreach/trainings/new")
	@PreAuthorize("hasAuthority('outreach:training:edit')")
	String newSession(Actor actor, Model model) {
		return form(model, Trainings.SessionForm.blank(actor.regionCode()), Map.of());
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
			return form(model, form, FormErrors.of(ex));
		}
	}

	@GetMapping("/outreach/trainings/{id}")
	@PreAuthorize("hasAuthority('outreach:training:view')")
	String show(@PathVariable long id, Actor actor, Model model) {
		model.addAttribute("t", this.trainings.get(id, actor.scope()));
		var attendees = this.trainings.attendees(id, actor.scope());
		model.addAttribute("attendees",
				this.trainings.trained(attendees, this.trainings.get(id, actor.scope()).heldOn().getYear()));
		model.addAttribute("tab", "trainings");
		return "outreach/training";
	}

	@GetMapping("/outreach/trainings/coverage")
	@PreAuthorize("hasAuthority('outreach:training:view')")
	String coverage(@RequestParam(required = false) Integer year, @RequestParam(defaultValue = "false") boolean never,
			Actor actor, Model model) {
		int y = year == null || year < 2000 || year > 2099 ? Times.today().getYear() : year;
		List<Trainings.Trained> rows = this.trainings.gridWorkers(y, actor.scope());
		model.addAttribute("year", y);
		model.addAttribute("never", never);
		model.addAttribute("coverage", Trainings.coverage(y, rows));
		model.addAttribute("rows", never ? rows.stream().filter(r -> r.sessionsEver() == 0).toList() : rows);
		model.addAttribute("tab", "coverage");
		return "outreach/coverage";
	}

	private String form(Model model, Trainings.SessionForm form, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("tab", "trainings");
		return "outreach/training-form";
	}

}
