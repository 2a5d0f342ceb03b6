package org.fangfei.app.campaign;

import java.util.List;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;
import org.fangfei.app.shared.Uploads;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The board, a unit's reports on a task with the form to file the next one, and the
 * units' plans.
 */
@Controller
class ProgressPages {

	private final Campaigns campaigns;

	private final Progress progress;

	private final UnitPlans plans;

	ProgressPages(Campaigns campaigns, Progress progress, UnitPlans plans) {
		this.campaigns = campaigns;
		this.progress = progress;
		this.plans = plans;
	}

	@GetMapping("/campaigns/{id}/board")
	@PreAuthorize("hasAuthority('campaign:campaign:view')")
	String board(@PathVariable long id, Actor actor, Model model) {
		model.addAttribute("board", this.progress.board(id, actor, Times.today()));
		model.addAttribute("statuses", CellStatus.values());
		return "campaigns/board";
	}

	@GetMapping("/campaigns/{id}/units/{unitId}")
	@PreAuthorize("hasAuthority('campaign:campaign:view')")
	String unit(@PathVariable long id, @PathVariable long unitId, Actor actor, Model model) {
		return unitPage(id, unitId, actor, model, null, "", "");
	}

	@PostMapping("/campaigns/{id}/units/{unitId}/reports")
	@PreAuthorize("hasAuthority('campaign:progress:report')")
	String report(@PathVariable long id, @PathVariable long unitId, @RequestParam(defaultValue = "") String period,
			@RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "") String figures,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Actor actor, Model model) {
		try {
			this.progress.report(id, unitId, period, body, figures, Attachment.of(files), actor);
			return "redirect:/campaigns/" + id + "/units/" + unitId;
		}
		catch (Rejected ex) {
			model.addAttribute("errors", FormErrors.of(ex));
			return unitPage(id, unitId, actor, model, period, body, figures);
		}
	}

	@GetMapping("/campaigns/{id}/units/{unitId}/files/{fileId}")
	@PreAuthorize("hasAuthority('campaign:campaign:view')")
	ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long unitId, @PathVariable long fileId,
			Actor actor) {
		Campaign c = this.campaigns.get(id, actor);
		Progress.visible(c, unitId, actor);
		Attachment a = this.progress.file(id, unitId, fileId);
		return Uploads.download(a.fileName(), a.contentType(), a.bytes());
	}

	@PostMapping("/campaigns/{id}/plans")
	@PreAuthorize("hasAuthority('campaign:progress:report')")
	String filePlan(@PathVariable long id, @RequestParam(defaultValue = "") String body,
			@RequestParam(name = "file", required = false) MultipartFile file, Actor actor,
			RedirectAttributes redirect) {
		try {
			List<Attachment> cleaned = Attachment.of(file == null ? List.of() : List.of(file));
			this.plans.file(id, body, cleaned.isEmpty() ? null : cleaned.get(0), actor);
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("planError", ex.getMessage());
			redirect.addFlashAttribute("planBody", body);
		}
		return "redirect:/campaigns/" + id + "#plans";
	}

	@PostMapping("/campaigns/{id}/plans/{planId}/review")
	@PreAuthorize("hasAuthority('campaign:campaign:manage')")
	String review(@PathVariable long id, @PathVariable long planId, @RequestParam boolean accept,
			@RequestParam(required = false) String note, Actor actor, RedirectAttributes redirect) {
		try {
			this.plans.review(id, planId, accept, note, actor);
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("planError", ex.getMessage());
		}
		return "redirect:/campaigns/" + id + "#plans";
	}

	@GetMapping("/campaigns/{id}/plans/{planId}/file")
	@PreAuthorize("hasAuthority('campaign:campaign:view')")
	ResponseEntity<byte[]> planFile(@PathVariable long id, @PathVariable long planId, Actor actor) {
		Attachment a = this.plans.file(id, planId, actor);
		return Uploads.download(a.fileName(), a.contentType(), a.bytes());
	}

	private String unitPage(long id, long unitId, Actor actor, Model model, String period, String body,
			String figures) {
		Campaign c = this.campaigns.get(id, actor);
		Progress.Located at = Progress.visible(c, unitId, actor);
		List<Progress.Report> reports = this.progress.reports(unitId);
		List<Period.Slot> open = Progress.slots(c, at.task())
			.stream()
			.filter(s -> !s.from().isAfter(Times.today()))
			.filter(s -> reports.stream().noneMatch(r -> r.period().equals(s.key())))
			.toList();
		model.addAttribute("c", c);
		model.addAttribute("task", at.task());
		model.addAttribute("unit", at.unit());
		model.addAttribute("reports", reports);
		model.addAttribute("open", open);
		model.addAttribute("period", period == null && !open.isEmpty() ? open.get(0).key() : period);
		model.addAttribute("body", body);
		model.addAttribute("figures", figures);
		model.addAttribute("canReport", actor.can(Progress.REPORT) && at.unit().key().equals(UnitKey.ofActor(actor)));
		return "campaigns/unit";
	}

}
