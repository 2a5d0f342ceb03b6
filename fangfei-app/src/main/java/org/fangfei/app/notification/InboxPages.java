package org.fangfei.app.notification;

import org.fangfei.app.security.CurrentUser;
import org.fangfei.app.shared.PageRequest;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The inbox page: notices by kind, open or done, unread ones highlighted. Opening a
 * notice marks it read and goes to the matter it is about.
 */
@Controller
class InboxPages {

	private final Inbox inbox;

	InboxPages(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping("/inbox")
	@PreAuthorize("hasAuthority('notice:inbox:view')")
	String list(@ModelAttribute("q") InboxQuery q, @RequestParam(defaultValue = "1") int page,
			@AuthenticationPrincipal CurrentUser me, Model model) {
		Reader reader = this.inbox.signedIn(me.id());
		model.addAttribute("result", this.inbox.list(reader, q, PageRequest.of(page)));
		model.addAttribute("state", q.stateOrDefault());
		model.addAttribute("kinds", NoticeKind.values());
		return "inbox/list";
	}

	/**
	 * Marks the notice read and follows its link (back to the inbox when it has none).
	 */
	@PostMapping("/inbox/{id}/open")
	@PreAuthorize("hasAuthority('notice:inbox:view')")
	String open(@PathVariable long id, @AuthenticationPrincipal CurrentUser me) {
		Notice notice = this.inbox.markRead(id, this.inbox.signedIn(me.id()));
		return "redirect:" + (notice.link() == null ? "/inbox" : notice.link());
	}

	@PostMapping("/inbox/read-all")
	@PreAuthorize("hasAuthority('notice:inbox:view')")
	String readAll(@AuthenticationPrincipal CurrentUser me) {
		this.inbox.markAllRead(this.inbox.signedIn(me.id()));
		return "redirect:/inbox";
	}

}
