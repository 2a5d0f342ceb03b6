package org.fangfei.app.tip;

import java.time.LocalDate;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Uploads;

import org.springframework.format.annotation.DateTimeFormat;
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
 * The office's tip pages: the list, a tip with its content, attachments, messages to the
 * reporter, the reveal form (office head only) and the reward case.
 */
@Controller
class TipPages {

	private final TipDesk desk;

	private final Rewards rewards;

	TipPages(TipDesk desk, Rewards rewards) {
		this.desk = desk;
		this.rewards = rewards;
	}

	@GetMapping("/tips")
	@PreAuthorize("hasAuthority('tip:tip:view')")
	String list(Actor actor, Model model) {
		model.addAttribute("tips", this.desk.list(actor));
		return "tips/list";
	}

	@GetMapping("/tips/{id}")
	@PreAuthorize("hasAuthority('tip:tip:view')")
	String show(@PathVariable long id, Actor actor, Model model) {
		return show(id, actor, model, null);
	}

	@PostMapping("/tips/{id}/reporter")
	@PreAuthorize("hasAuthority('tip:reporter:reveal')")
	String reveal(@PathVariable long id, @RequestParam(required = false) String reason, Actor actor, Model model) {
		try {
			model.addAttribute("reporter", this.desk.reveal(id, reason, actor));
		}
		catch (Rejected ex) {
			model.addAttribute("actionError", ex.getMessage());
		}
		return show(id, actor, model, null);
	}

	@PostMapping("/tips/{id}/messages")
	@PreAuthorize("hasAuthority('tip:message:send')")
	String message(@PathVariable long id, @RequestParam(required = false) String body, Actor actor,
			RedirectAttributes redirect) {
		try {
			this.desk.message(id, body, actor);
			redirect.addFlashAttribute("done", "已答复举报人，对方凭查询码可以看到");
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
		}
		return "redirect:/tips/" + id;
	}

	@PostMapping("/tips/{id}/reward/approve")
	@PreAuthorize("hasAuthority('tip:reward:manage')")
	String approve(@PathVariable long id, @RequestParam(required = false) String note, Actor actor,
			RedirectAttributes redirect) {
		this.desk.view(id, actor);
		try {
			this.rewards.approve(id, note, actor);
			redirect.addFlashAttribute("done", "已批准奖励并告知举报人");
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
		}
		return "redirect:/tips/" + id;
	}

	@PostMapping("/tips/{id}/reward/pay")
	@PreAuthorize("hasAuthority('tip:reward:manage')")
	String pay(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paidOn,
			@RequestParam(required = false) String reference, Actor actor, RedirectAttributes redirect) {
		this.desk.view(id, actor);
		try {
			this.rewards.pay(id, paidOn, reference, actor);
			redirect.addFlashAttribute("done", "已登记发放并告知举报人");
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
		}
		return "redirect:/tips/" + id;
	}

	@GetMapping("/tips/{id}/attachments/{attachment}")
	@PreAuthorize("hasAuthority('tip:tip:view')")
	ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachment, Actor actor) {
		TipAttachments.Content content = this.desk.attachment(id, attachment, actor);
		return Uploads.download(content.fileName(), content.contentType(), content.bytes());
	}

	private String show(long id, Actor actor, Model model, String error) {
		model.addAttribute("tip", this.desk.view(id, actor));
		model.addAttribute("messages", this.desk.messages(id, actor));
		model.addAttribute("attachments", this.desk.attachments(id, actor));
		if (actor.can("tip:reward:manage")) {
			model.addAttribute("reward", this.rewards.ofTip(id).orElse(null));
		}
		if (error != null) {
			model.addAttribute("actionError", error);
		}
		return "tips/show";
	}

}
