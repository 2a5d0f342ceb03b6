package org.fangfei.app.campaign;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Uploads;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Drafting, editing, finalising and exporting a campaign's summaries.
 */
@Controller
class SummaryPages {

	private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	private final Campaigns campaigns;

	private final Summaries summaries;

	SummaryPages(Campaigns campaigns, Summaries summaries) {
		this.campaigns = campaigns;
		this.summaries = summaries;
	}

	@PostMapping("/campaigns/{id}/summaries")
	@PreAuthorize("hasAuthority('campaign:campaign:manage')")
	String draft(@PathVariable long id, @RequestParam(required = false) String half, Actor actor,
			RedirectAttributes redirect) {
		try {
			return "redirect:/campaigns/" + id + "/summaries/" + this.summaries.draft(id, half, actor);
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("summaryError", ex.getMessage());
			return "redirect:/campaigns/" + id + "#summaries";
		}
	}

	@GetMapping("/campaigns/{id}/summaries/{summaryId}")
	@PreAuthorize("hasAuthority('campaign:campaign:view')")
	String show(@PathVariable long id, @PathVariable long summaryId, Actor actor, Model model) {
		model.addAttribute("c", this.campaigns.get(id, actor));
		model.addAttribute("s", this.summaries.get(id, summaryId, actor));
		model.addAttribute("manages", Campaigns.manages(actor));
		return "campaigns/summary";
	}

	@PostMapping("/campaigns/{id}/summaries/{summaryId}")
	@PreAuthorize("hasAuthority('campaign:campaign:manage')")
	String edit(@PathVariable long id, @PathVariable long summaryId, @RequestParam(defaultValue = "") String body,
			Actor actor, RedirectAttributes redirect) {
		try {
			this.summaries.edit(id, summaryId, body, actor);
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("summaryError", ex.getMessage());
		}
		return "redirect:/campaigns/" + id + "/summaries/" + summaryId;
	}

	@PostMapping("/campaigns/{id}/summaries/{summaryId}/finalise")
	@PreAuthorize("hasAuthority('campaign:campaign:manage')")
	String finalise(@PathVariable long id, @PathVariable long summaryId, Actor actor, RedirectAttributes redirect) {
		try {
			this.summaries.finalise(id, summaryId, actor);
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("summaryError", ex.getMessage());
		}
		return "redirect:/campaigns/" + id + "/summaries/" + summaryId;
	}

	@GetMapping("/campaigns/{id}/summaries/{summaryId}/docx")
	@PreAuthorize("hasAuthority('campaign:campaign:view')")
	ResponseEntity<byte[]> docx(@PathVariable long id, @PathVariable long summaryId, Actor actor) {
		Summaries.Summary s = this.summaries.get(id, summaryId, actor);
		return Uploads.download(s.title() + ".docx", DOCX, SummaryDocx.write(s));
	}

}
