package org.fangfei.app.security;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.fangfei.app.organisation.Departments;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.Rejected;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Account administration by the security administrator (安全保密管理员): add, edit, disable,
 * unlock and reset passwords. A new or reset one-time password is handed over by two
 * administrators ({@link HandOver}): this page shows the requester the first half once;
 * the second half is shown to the approving administrator ({@link ApprovalPages}).
 */
@Controller
class UserPages {

	private final Users users;

	private final Roles roles;

	private final Departments departments;

	private final HandOver handOver;

	private final ApprovalRequests requests;

	UserPages(Users users, Roles roles, Departments departments, HandOver handOver, ApprovalRequests requests) {
		this.users = users;
		this.roles = roles;
		this.departments = departments;
		this.handOver = handOver;
		this.requests = requests;
	}

	@GetMapping("/users")
	@PreAuthorize("hasAuthority('sec:user:view')")
	String list(@RequestParam(required = false) String q, Model model) {
		model.addAttribute("users", this.users.list(q));
		model.addAttribute("awaiting",
				this.requests.pending()
					.stream()
					.filter(r -> r.userId() != null && r.kind() != ApprovalRequests.Kind.API_TOKEN)
					.map(ApprovalRequests.Request::userId)
					.collect(java.util.stream.Collectors.toSet()));
		model.addAttribute("q", q);
		return "users/list";
	}

	@GetMapping("/users/new")
	@PreAuthorize("hasAuthority('sec:user:edit')")
	String newUser(Model model) {
		return form(model, new UserForm("", "", "", null, List.of()), null, null);
	}

	@PostMapping("/users")
	@PreAuthorize("hasAuthority('sec:user:edit')")
	String create(@Valid @ModelAttribute("form") UserForm form, BindingResult binding,
			@AuthenticationPrincipal CurrentUser me, Model model) {
		if (binding.hasErrors()) {
			return form(model, form, null, FormErrors.of(binding));
		}
		try {
			return firstHalf(model, this.handOver.create(form, me));
		}
		catch (Rejected ex) {
			return form(model, form, null, FormErrors.of(ex));
		}
	}

	@GetMapping("/users/{id}/edit")
	@PreAuthorize("hasAuthority('sec:user:edit')")
	String edit(@PathVariable long id, Model model) {
		UserAccount u = this.users.get(id);
		return form(model, new UserForm(u.username(), u.displayName(), u.regionCode(), u.departmentId(), u.roles()), u,
				null);
	}

	@PostMapping("/users/{id}")
	@PreAuthorize("hasAuthority('sec:user:edit')")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") UserForm form, BindingResult binding,
			@AuthenticationPrincipal CurrentUser me, Model model) {
		UserAccount existing = this.users.get(id);
		if (binding.hasErrors()) {
			return form(model, form, existing, FormErrors.of(binding));
		}
		try {
			return this.handOver.update(id, form, me).isEmpty() ? "redirect:/users" : "redirect:/users?pending";
		}
		catch (Rejected ex) {
			return form(model, form, existing, FormErrors.of(ex));
		}
	}

	@PostMapping("/users/{id}/enabled")
	@PreAuthorize("hasAuthority('sec:user:edit')")
	String enable(@PathVariable long id, @RequestParam boolean enabled, @AuthenticationPrincipal CurrentUser me) {
		this.users.setEnabled(id, enabled, me.id());
		return "redirect:/users";
	}

	@PostMapping("/users/{id}/unlock")
	@PreAuthorize("hasAuthority('sec:user:edit')")
	String unlock(@PathVariable long id) {
		this.users.unlock(id);
		return "redirect:/users";
	}

	@PostMapping("/users/{id}/password")
	@PreAuthorize("hasAuthority('sec:user:edit')")
	String resetPassword(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
		return firstHalf(model, this.handOver.reset(id, me));
	}

	private String firstHalf(Model model, HandOver.Issued issued) {
		model.addAttribute("user", issued.user());
		model.addAttribute("firstHalf", issued.firstHalf());
		model.addAttribute("pendingRoles",
				issued.pendingRoles().stream().map(code -> this.roles.get(code).name()).sorted().toList());
		return "users/password";
	}

	private String form(Model model, UserForm form, UserAccount existing, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("user", existing);
		model.addAttribute("roles", this.roles.all());
		model.addAttribute("departments", this.departments.list(null, DataScope.all()));
		model.addAttribute("errors", errors);
		return "users/form";
	}

}
