package org.fangfei.app.security;

import java.util.List;
import java.util.Map;

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
 * Roles with their permissions, and the security parameters: both the security
 * administrator's.
 */
@Controller
class AdministrationPages {

	private final Roles roles;

	private final SecuritySettings settings;

	AdministrationPages(Roles roles, SecuritySettings settings) {
		this.roles = roles;
		this.settings = settings;
	}

	@GetMapping("/roles")
	@PreAuthorize("hasAuthority('sec:role:view')")
	String roles(Model model) {
		model.addAttribute("roles", this.roles.all());
		model.addAttribute("permissions", Roles.PERMISSIONS);
		return "roles/list";
	}

	@PostMapping("/roles/{code}")
	@PreAuthorize("hasAuthority('sec:role:edit')")
	String grant(@PathVariable String code, @RequestParam(required = false) List<String> permissions,
			@AuthenticationPrincipal CurrentUser me, Model model) {
		try {
			List<String> waiting = this.roles.grant(code, permissions == null ? List.of() : permissions, me);
			return waiting.isEmpty() ? "redirect:/roles" : "redirect:/roles?pending";
		}
		catch (Rejected ex) {
			model.addAttribute("errors", FormErrors.of(ex));
			return roles(model);
		}
	}

	@GetMapping("/settings")
	@PreAuthorize("hasAuthority('sec:settings:edit')")
	String settings(Model model) {
		model.addAttribute("settings", this.settings.all());
		return "settings";
	}

	@PostMapping("/settings")
	@PreAuthorize("hasAuthority('sec:settings:edit')")
	String saveSettings(@RequestParam Map<String, String> values, Model model) {
		try {
			this.settings.update(values);
		}
		catch (Rejected ex) {
			model.addAttribute("errors", FormErrors.of(ex));
			return settings(model);
		}
		return "redirect:/settings?saved";
	}

}
