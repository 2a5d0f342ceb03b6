package org.fangfei.app.outreach;

import java.util.Map;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.Rejected;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff's side of the awareness surveys: the list, a new survey, and one survey with
 * its links per township and community and the awareness rates by township, community and
 * age band.
 */
@Controller
class SurveyPages {

	private final Surveys surveys;

	SurveyPages(Surveys surveys) {
		this.surveys = surveys;
	}

	@GetMapping("/outreach/surveys")
	@PreAuthorize("hasAuthority('outreach:outreach:view')")
	String list(Actor actor, Model model) {
		return page(Surveys.SurveyForm.blank(actor.regionCode()), Map.of(), actor, model);
	}

	@PostMapping("/outreach/surveys")
	@PreAuthorize("hasAuthority('outreach:outreach:edit')")
	String create(@ModelAttribute("form") Surveys.SurveyForm form, Actor actor, Model model,
			RedirectAttributes redirect) {
		try {
			long id = this.surveys.create(form, actor);
			redirect.addFlashAttribute("done", "已发布调查");
			return "redirect:/outreach/surveys/" + id;
		}
		catch (Rejected ex) {
			return page(form, FormErrors.of(ex), actor, model);
		}
	}

	private String page(Surveys.SurveyForm form, Map<String, String> errors, Actor actor, Model model) {
		model.addAttribute("surveys", this.surveys.list(actor.scope()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("tab", "surveys");
		return "outreach/surveys";
	}

	@GetMapping("/outreach/surveys/{id}")
	@PreAuthorize("hasAuthority('outreach:outreach:view')")
	String show(@PathVariable long id, Actor actor, Model model) {
		Surveys.AwarenessSurvey s = this.surveys.get(id, actor.scope());
		model.addAttribute("s", s);
		model.addAttribute("links", this.surveys.links(s, actor.scope()));
		model.addAttribute("townships", this.surveys.byTownship(s, actor.scope()));
		model.addAttribute("communities", this.surveys.byCommunity(s, actor.scope()));
		model.addAttribute("ages", this.surveys.byAgeBand(s, actor.scope()));
		model.addAttribute("questions", AwarenessQuiz.QUESTIONS);
		model.addAttribute("tab", "surveys");
		return "outreach/survey";
	}

}
