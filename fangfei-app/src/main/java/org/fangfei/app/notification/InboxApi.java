package org.fangfei.app.notification;

import java.util.Map;

import org.fangfei.app.security.CurrentUser;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in user's inbox as JSON. A notice not addressed to the caller answers 404.
 */
@RestController
@RequestMapping("/api/v1/inbox")
class InboxApi {

	private final Inbox inbox;

	InboxApi(Inbox inbox) {
		this.inbox = inbox;
	}

	/** {@code state}: {@code open} (default), {@code done} or {@code all}. */
	@GetMapping
	@PreAuthorize("hasAuthority('notice:inbox:view')")
	PageOf<Notice> list(@ModelAttribute InboxQuery q, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size, @AuthenticationPrincipal CurrentUser me) {
		return this.inbox.list(this.inbox.signedIn(me.id()), q, PageRequest.of(page, size));
	}

	@GetMapping("/count")
	@PreAuthorize("hasAuthority('notice:inbox:view')")
	Map<String, Long> count(@AuthenticationPrincipal CurrentUser me) {
		return Map.of("open", this.inbox.openCount(me.id()));
	}

	@PostMapping("/{id}/read")
	@PreAuthorize("hasAuthority('notice:inbox:view')")
	Notice read(@PathVariable long id, @AuthenticationPrincipal CurrentUser me) {
		return this.inbox.markRead(id, this.inbox.signedIn(me.id()));
	}

	@PostMapping("/read-all")
	@PreAuthorize("hasAuthority('notice:inbox:view')")
	Map<String, Integer> readAll(@AuthenticationPrincipal CurrentUser me) {
		return Map.of("marked", this.inbox.markAllRead(this.inbox.signedIn(me.id())));
	}

}
