package org.fangfei.app.petition;

import java.time.LocalDate;
import java.util.Map;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.PageMoves;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The key persons list, form and page with its contact records. */
@Controller
class KeyPersonPages {

	private final KeyPersons keyPersons;

	KeyPersonPages(KeyPersons keyPersons) {
		this.keyPersons = keyPersons;
	}

	@GetMapping("/stability/key-persons")
	@PreAuthorize("hasAuthority('petition:stability:view')")
	String list(@ModelAttribute("q") KeyPersons.KeyPersonQuery q, @RequestParam(defaultValue = "1") int page,
			Actor actor, Model model) {
		model.addAttribute("result", this.keyPersons.search(q, actor.scope(), PageRequest.of(page)));
		model.addAttribute("risks", StabilityRisk.values());
		return "stability/key-persons";
	}

	@GetMapping("/stability/key-persons/new")
	@PreAuthorize("hasAuthority('petition:stability:edit')")
	String newKeyPerson(Model model) {
		return form(model, KeyPersons.KeyPersonForm.blank(), null, null, null);
	}

	@PostMapping("/stability/key-persons")
	@PreAuthorize("hasAuthority('petition:stability:edit')")
	String create(@ModelAttribute("form") KeyPersons.KeyPersonForm form, Actor actor, Model model,
			RedirectAttributes redirect) {
		try {
			long id = this.keyPersons.create(form, actor);
			redirect.addFlashAttribute("done", "已登记重点人员");
			return "redirect:/stability/key-persons/" + id;
		}
		catch (Rejected ex) {
			return form(model, form, FormErrors.of(ex), null, null);
		}
	}

	@GetMapping("/stability/key-persons/{id}/edit")
	@PreAuthorize("hasAuthority('petition:stability:edit')")
	String edit(@PathVariable long id, Actor actor, Model model) {
		KeyPersons.KeyPerson k = this.keyPersons.get(id, actor.scope());
		return form(model, new KeyPersons.KeyPersonForm(k.regionCode(), k.name(), "", "", k.caseId(), k.reason(),
				k.riskLevel(), k.responsibleName(), k.responsibleUnit()), null, id, k.version());
	}

	@PostMapping("/stability/key-persons/{id}")
	@PreAuthorize("hasAuthority('petition:stability:edit')")
	String update(@PathVariable long id, @RequestParam(required = false) Integer version,
			@ModelAttribute("form") KeyPersons.KeyPersonForm form, Actor actor, Model model,
			RedirectAttributes redirect) {
		try {
			this.keyPersons.update(id, version, form, actor);
			redirect.addFlashAttribute("done", "已保存");
			return "redirect:/stability/key-persons/" + id;
		}
		catch (Rejected ex) {
			return form(model, form, FormErrors.of(ex), id, version);
		}
	}

	@GetMapping("/stability/key-persons/{id}")
	@PreAuthorize("hasAuthority('petition:stability:view')")
	String show(@PathVariable long id, Actor actor, Model model) {
		model.addAttribute("k", this.keyPersons.get(id, actor.scope()));
		model.addAttribute("contacts", this.keyPersons.contacts(id));
		model.addAttribute("ways", ContactWay.values());
		model.addAttribute("today", Times.today());
		return "stability/key-person";
	}

	@PostMapping("/stability/key-persons/{id}/contacts")
	@PreAuthorize("hasAuthority('petition:stability:edit')")
	String contact(@PathVariable long id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
			@RequestParam(required = false) ContactWay way, @RequestParam(required = false) String contactedBy,
			@RequestParam(required = false) String movement, @RequestParam(defaultValue = "false") boolean unusual,
			Actor actor, RedirectAttributes redirect) {
		return PageMoves.make("/stability/key-persons/" + id, redirect, "已登记联系情况",
				() -> this.keyPersons.contact(id, version, on, way, contactedBy, movement, unusual, actor));
	}

	@PostMapping("/stability/key-persons/{id}/release")
	@PreAuthorize("hasAuthority('petition:stability:edit')")
	String release(@PathVariable long id, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String reason, Actor actor, RedirectAttributes redirect) {
		return PageMoves.make("/stability/key-persons/" + id, redirect, "已解除重点管控",
				() -> this.keyPersons.release(id, version, reason, actor));
	}

	private String form(Model model, KeyPersons.KeyPersonForm form, Map<String, String> errors, Long id,
			Integer version) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("id", id);
		model.addAttribute("version", version);
		model.addAttribute("risks", StabilityRisk.values());
		return "stability/key-person-form";
	}

}
