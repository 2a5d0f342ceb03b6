package org.fangfei.app.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.Rejected;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-in page and the password change every account must make before anything else.
 */
@Controller
class AccountPages {

	private final Users users;

	private final SecuritySettings settings;

	private final AuditLog audit;

	AccountPages(Users users, SecuritySettings settings, AuditLog audit) {
		this.users = users;
		this.settings = settings;
		this.audit = audit;
	}

	@GetMapping("/login")
	String login() {
		return "login";
	}

	@GetMapping("/password")
	String passwordForm(@AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("mustChange", this.users.get(me.id()).mustChangePassword());
		model.addAttribute("minLength", this.settings.passwordMinLength());
		model.addAttribute("minClasses", this.settings.passwordMinClasses());
		return "password";
	}

	/**
	 * After a change the session ends, so the new password is proven by signing in with
	 * it.
	 */
	@PostMapping("/password")
	String changePassword(@AuthenticationPrincipal CurrentUser me, @RequestParam String currentPassword,
			@RequestParam String newPassword, @RequestParam String confirmPassword, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		try {
			this.users.changePassword(me.id(), currentPassword, newPassword, confirmPassword);
		}
		catch (Rejected ex) {
			this.audit.failure("CHANGE_PASSWORD", "user", me.id(), "修改密码被拒绝：" + ex.getMessage());
			model.addAttribute("errors", FormErrors.of(ex));
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return passwordForm(me, model);
		}
		new SecurityContextLogoutHandler().logout(request, response, null);
		return "redirect:/login?changed";
	}

}
