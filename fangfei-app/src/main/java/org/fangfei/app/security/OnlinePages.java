package org.fangfei.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.fangfei.app.shared.Rejected;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 在线用户 with 强退, the security administrator's (RuoYi's monitor/online).
 */
@Controller
class OnlinePages {

	private final OnlineUsers online;

	OnlinePages(OnlineUsers online) {
		this.online = online;
	}

	@GetMapping("/online")
	@PreAuthorize("hasAuthority('monitor:online:view')")
	String list(Model model, HttpServletRequest request) {
		HttpSession own = request.getSession(false);
		model.addAttribute("sessions", this.online.list(own == null ? null : own.getId()));
		return "online/list";
	}

	@PostMapping("/online/force-logout")
	@PreAuthorize("hasAuthority('monitor:online:forceLogout')")
	String forceLogout(@RequestParam(required = false) String session, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		HttpSession own = request.getSession(false);
		try {
			this.online.forceLogout(session, own == null ? null : own.getId());
			return "redirect:/online?ended";
		}
		catch (Rejected ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("actionError", ex.getMessage());
			return list(model, request);
		}
	}

}
