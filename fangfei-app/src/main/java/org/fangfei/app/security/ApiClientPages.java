package org.fangfei.app.security;

import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.Rejected;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 接入系统: the security administrator issues and revokes the bearer tokens of other systems.
 * A new token is shown once, on the page that issued it.
 */
@Controller
class ApiClientPages {

	private final ApiClients clients;

	ApiClientPages(ApiClients clients) {
		this.clients = clients;
	}

	@GetMapping("/api-clients")
	@PreAuthorize("hasAuthority('sec:user:edit')")
	String list(Model model) {
		model.addAttribute("clients", this.clients.list());
		return "api-clients";
	}

	@PostMapping("/api-clients")
	@PreAuthorize("hasAuthority('sec:user:edit')")
	String issue(@RequestParam(required = false) String name, @RequestParam(required = false) String username,
			@AuthenticationPrincipal CurrentUser me, Model model) {
		try {
			model.addAttribute("issued", this.clients.issue(name, username, me));
		}
		catch (Rejected ex) {
			model.addAttribute("errors", FormErrors.of(ex));
			model.addAttribute("name", name);
			model.addAttribute("username", username);
		}
		return list(model);
	}

	@PostMapping("/api-clients/{id}/revoke")
	@PreAuthorize("hasAuthority('sec:user:edit')")
	String revoke(@PathVariable long id) {
		this.clients.revoke(id);
		return "redirect:/api-clients";
	}

}
