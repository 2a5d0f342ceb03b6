package org.fangfei.app.notification;

import jakarta.servlet.http.HttpServletRequest;

import org.fangfei.app.security.CurrentUser;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the signed-in user's open-notice count into every page model as {@code inboxOpen},
 * for the badge in the header; null (no menu item) for users without an inbox and for API
 * calls, which render no header.
 */
@ControllerAdvice
class InboxBadge {

	private final Inbox inbox;

	InboxBadge(Inbox inbox) {
		this.inbox = inbox;
	}

	@ModelAttribute("inboxOpen")
	Long inboxOpen(HttpServletRequest request) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return null;
		}
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof CurrentUser user) || !user.can("notice:inbox:view")) {
			return null;
		}
		return this.inbox.openCount(user.id());
	}

}
