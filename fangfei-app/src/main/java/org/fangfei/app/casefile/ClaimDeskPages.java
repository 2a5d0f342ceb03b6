package org.fangfei.app.casefile;

import java.time.LocalDate;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.PageMoves;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Uploads;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
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
 * The office's page for a case's self-registration: its windows (open, close), the claims
 * beside the register, decisions, and the heirs' and agents' documents.
 */
@Controller
class ClaimDeskPages {

	private final ClaimWindows windows;

	private final ClaimDesk desk;

	private final ParticipantClaims claims;

	private final CaseQueries queries;

	ClaimDeskPages(ClaimWindows windows, ClaimDesk desk, ParticipantClaims claims, CaseQueries queries) {
		this.windows = windows;
		this.desk = desk;
		this.claims = claims;
		this.queries = queries;
	}

	@GetMapping("/cases/{id}/claims")
	@PreAuthorize("hasAuthority('casefile:case:view')")
	String list(@PathVariable long id, @RequestParam(required = false) ClaimReview review,
			@RequestParam(required = false) ClaimMatch match, @RequestParam(required = false) Long open,
			@RequestParam(defaultValue = "1") int page, Actor actor, Model model) {
		CaseQueries.CaseView view = this.queries.view(id, actor.scope());
		var result = this.desk.search(id, review, match, actor.scope(), PageRequest.of(page, 20));
		model.addAttribute("c", view);
		model.addAttribute("windows", this.windows.of(id));
		model.addAttribute("result", result);
		model.addAttribute("review", review);
		model.addAttribute("match", match);
		model.addAttribute("reviews", ClaimReview.values());
		model.addAttribute("matches", ClaimMatch.values());
		model.addAttribute("ratio", this.claims.clearanceRatio(id));
		model.addAttribute("lead", actor.scope().covers(view.row().regionCode()));
		model.addAttribute("today", LocalDate.now());
		if (open != null) {
			ClaimDesk.Claim claim = this.desk.get(id, open, actor.scope());
			model.addAttribute("opened", claim);
			model.addAttribute("documents", this.desk.documents(open));
			model.addAttribute("traced", this.desk.traced(id, claim));
		}
		return "cases/claims";
	}

	@PostMapping("/cases/{id}/claim-windows")
	@PreAuthorize("hasAuthority('casefile:claim:manage')")
	String open(@PathVariable long id, @RequestParam int version,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate opensOn,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closesOn,
			@RequestParam(required = false) String notice, Actor actor, RedirectAttributes redirect) {
		return PageMoves.make("/cases/" + id + "#claim-windows", redirect, "已开放登记",
				() -> this.windows.open(id, version, opensOn, closesOn, notice, actor));
	}

	@PostMapping("/cases/{id}/claim-windows/{window}/close")
	@PreAuthorize("hasAuthority('casefile:claim:manage')")
	String close(@PathVariable long id, @PathVariable long window, @RequestParam int version, Actor actor,
			RedirectAttributes redirect) {
		return PageMoves.make("/cases/" + id + "#claim-windows", redirect, "已关闭登记",
				() -> this.windows.close(id, version, window, actor));
	}

	@PostMapping("/cases/{id}/claims/{claim}/decision")
	@PreAuthorize("hasAuthority('casefile:claim:manage')")
	String decide(@PathVariable long id, @PathVariable long claim, @RequestParam int version,
			@ModelAttribute ParticipantClaims.Decision decision, Actor actor, RedirectAttributes redirect) {
		try {
			this.claims.decide(id, version, claim, decision, actor);
			redirect.addFlashAttribute("done", "已核实");
			return "redirect:/cases/" + id + "/claims";
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
			return "redirect:/cases/" + id + "/claims?open=" + claim;
		}
	}

	@GetMapping("/cases/{id}/claims/{claim}/documents/{document}")
	@PreAuthorize("hasAuthority('casefile:claim:manage')")
	ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long claim, @PathVariable long document,
			Actor actor) {
		ClaimDesk.Content content = this.desk.document(id, claim, document, actor);
		return Uploads.download(content.fileName(), content.contentType(), content.bytes());
	}

}
