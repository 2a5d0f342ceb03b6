package org.fangfei.app.outreach;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.QrCodes;
import org.fangfei.app.shared.Rejected;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

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

	/**
	 * A link's QR code (二维码), PNG, pointing at the survey's page for that township or
	 * community on the address this page was reached at.
	 */
	@GetMapping(value = "/outreach/surveys/{id}/qr/{region}.png", produces = MediaType.IMAGE_PNG_VALUE)
	@PreAuthorize("hasAuthority('outreach:outreach:view')")
	ResponseEntity<byte[]> qr(@PathVariable long id, @PathVariable String region, Actor actor) {
		Surveys.AwarenessSurvey s = this.surveys.get(id, actor.scope());
		Surveys.Link link = this.surveys.links(s, actor.scope())
			.stream()
			.filter(l -> l.regionCode().equals(region))
			.findFirst()
			.orElseThrow(() -> new NotFound("答题链接"));
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.noStore())
			.body(QrCodes.png(address(s, link), 360));
	}

	/**
	 * Posters to print: each township's and community's QR code with its name and the
	 * survey's title, several to a sheet.
	 */
	@GetMapping("/outreach/surveys/{id}/posters")
	@PreAuthorize("hasAuthority('outreach:outreach:view')")
	String posters(@PathVariable long id, Actor actor, Model model) {
		Surveys.AwarenessSurvey s = this.surveys.get(id, actor.scope());
		List<Surveys.Link> links = this.surveys.links(s, actor.scope());
		model.addAttribute("s", s);
		model.addAttribute("links", links);
		model.addAttribute("addresses",
				links.stream().collect(Collectors.toMap(Surveys.Link::regionCode, l -> address(s, l))));
		// inline, so that a sheet prints whole without hundreds of image requests
		model.addAttribute("images",
				links.stream()
					.collect(Collectors.toMap(Surveys.Link::regionCode, l -> "data:image/png;base64,"
							+ java.util.Base64.getEncoder().encodeToString(QrCodes.png(address(s, l), 240)))));
		model.addAttribute("tab", "surveys");
		return "outreach/survey-posters";
	}

	/** The whole address of a link, as reached from where the office reads this page. */
	private static String address(Surveys.AwarenessSurvey s, Surveys.Link link) {
		return ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/survey/{code}/{region}")
			.buildAndExpand(s.code(), link.regionCode())
			.toUriString();
	}

}
