package org.fangfei.app.security;

import jakarta.servlet.http.HttpServletResponse;

import org.fangfei.app.shared.Rejected;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * 待审批: the requests of one administrator that a second one decides ({@link Approvals}).
 * Approving a one-time password shows its second half, once.
 */
@Controller
class ApprovalPages {

	private final Approvals approvals;

	ApprovalPages(Approvals approvals) {
		this.approvals = approvals;
	}

	@GetMapping("/approvals")
	@PreAuthorize("hasAuthority('sec:approval:decide')")
	String list(Model model) {
		model.addAttribute("requests", this.approvals.pending());
		return "approvals/list";
	}

	@PostMapping("/approvals/{id}/approve")
	@PreAuthorize("hasAuthority('sec:approval:decide')")
	String approve(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model,
			HttpServletResponse response) {
		try {
			Approvals.Approved approved = this.approvals.approve(id, me);
			if (approved.secondHalf().isEmpty()) {
				return "redirect:/approvals?approved";
			}
			model.addAttribute("user", approved.user());
			model.addAttribute("apiClientName", approved.apiClientName());
			model.addAttribute("secondHalf", approved.secondHalf().get());
			return "approvals/second-half";
		}
		catch (Rejected ex) {
			return refused(ex, model, response);
		}
	}

	@PostMapping("/approvals/{id}/reject")
	@PreAuthorize("hasAuthority('sec:approval:decide')")
	String reject(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model,
			HttpServletResponse response) {
		try {
			this.approvals.reject(id, me);
			return "redirect:/approvals?rejected";
		}
		catch (Rejected ex) {
			return refused(ex, model, response);
		}
	}

	private String refused(Rejected ex, Model model, HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		model.addAttribute("actionError", ex.getMessage());
		return list(model);
	}

}
