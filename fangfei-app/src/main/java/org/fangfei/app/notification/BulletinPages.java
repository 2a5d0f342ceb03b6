package org.fangfei.app.notification;

import java.util.Map;

import jakarta.validation.Valid;

import org.fangfei.app.security.CurrentUser;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.Rejected;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Bulletin pages: the sent and received lists, the form to send one, and a bulletin with
 * its receipts.
 */
@Controller
class BulletinPages {

	static final String SEND = "notice:bulletin:send";

	private final Bulletins bulletins;

	private final BulletinRules rules;

	private final Inbox inbox;

	BulletinPages(Bulletins bulletins, BulletinRules rules, Inbox inbox) {
		this.bulletins = bulletins;
		this.rules = rules;
		this.inbox = inbox;
	}

	@GetMapping("/bulletins")
	@PreAuthorize("hasAuthority('notice:bulletin:view')")
	String list(DataScope scope, @AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("sent", this.bulletins.sent(scope, me.can(SEND)));
		model.addAttribute("received", this.bulletins.received(this.inbox.signedIn(me.id())));
		return "bulletins/list";
	}

	@GetMapping("/bulletins/{id}")
	@PreAuthorize("hasAuthority('notice:bulletin:view')")
	String show(@PathVariable long id, DataScope scope, @AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("view", this.bulletins.open(id, scope, me.can(SEND), this.inbox.signedIn(me.id())));
		return "bulletins/show";
	}

	@GetMapping("/bulletins/new")
	@PreAuthorize("hasAuthority('notice:bulletin:send')")
	String newBulletin(DataScope scope, @AuthenticationPrincipal CurrentUser me, Model model) {
		return form(model, BulletinForm.blank(), null, scope, this.inbox.signedIn(me.id()));
	}

	@PostMapping("/bulletins")
	@PreAuthorize("hasAuthority('notice:bulletin:send')")
	String send(@Valid @ModelAttribute("form") BulletinForm form, BindingResult binding, DataScope scope,
			@AuthenticationPrincipal CurrentUser me, Model model) {
		Reader sender = this.inbox.signedIn(me.id());
		if (binding.hasErrors()) {
			return form(model, form, messages(binding), scope, sender);
		}
		try {
			return "redirect:/bulletins/" + this.bulletins.send(form, scope, sender).id();
		}
		catch (Rejected ex) {
			return form(model, form, FormErrors.of(ex), scope, sender);
		}
	}

	private static Map<String, String> messages(BindingResult binding) {
		Map<String, String> errors = FormErrors.of(binding);
		for (FieldError e : binding.getFieldErrors()) {
			if (e.isBindingFailure()) {
				errors.put(e.getField(), switch (e.getField()) {
					case "level" -> "请选择正确的通报类别";
					case "departments" -> "接收成员单位不正确";
					default -> "格式不正确";
				});
			}
		}
		return errors;
	}

	private String form(Model model, BulletinForm form, Map<String, String> errors, DataScope scope, Reader sender) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("levels", BulletinLevel.values());
		model.addAttribute("townships", this.rules.townships(scope));
		model.addAttribute("departments", this.rules.departments(scope, sender));
		return "bulletins/form";
	}

}
