package org.fangfei.app.organisation;

import java.util.Map;

import jakarta.validation.Valid;

import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Rejected;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * People list (search by name or exact phone) and maintenance. Phones and ID numbers are
 * only ever shown masked.
 */
@Controller
class PersonPages {

	private final People people;

	private final Departments departments;

	PersonPages(People people, Departments departments) {
		this.people = people;
		this.departments = departments;
	}

	@GetMapping("/people")
	@PreAuthorize("hasAuthority('org:person:view')")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) PersonRole role,
			@RequestParam(required = false) Long gridId, @RequestParam(defaultValue = "1") int page, DataScope scope,
			Model model) {
		model.addAttribute("result", this.people.search(q, role, gridId, scope, PageRequest.of(page)));
		model.addAttribute("q", q);
		model.addAttribute("role", role);
		model.addAttribute("roles", PersonRole.values());
		return "people/list";
	}

	@GetMapping("/people/new")
	@PreAuthorize("hasAuthority('org:person:edit')")
	String newPerson(@RequestParam(required = false) Long gridId, DataScope scope, Model model) {
		return form(model, new PersonForm("", PersonRole.GRID_WORKER, "", gridId, null, "", ""), null, null, scope);
	}

	@PostMapping("/people")
	@PreAuthorize("hasAuthority('org:person:edit')")
	String create(@Valid @ModelAttribute("form") PersonForm form, BindingResult binding, DataScope scope, Model model) {
		if (binding.hasErrors()) {
			return form(model, form, null, FormErrors.of(binding), scope);
		}
		try {
			this.people.create(form, scope);
			return "redirect:/people";
		}
		catch (Rejected ex) {
			return form(model, form, null, FormErrors.of(ex), scope);
		}
	}

	@GetMapping("/people/{id}/edit")
	@PreAuthorize("hasAuthority('org:person:edit')")
	String edit(@PathVariable long id, DataScope scope, Model model) {
		Person p = this.people.get(id, scope);
		return form(model, new PersonForm(p.name(), p.role(), p.regionCode(), p.gridId(), p.departmentId(), "", ""), p,
				null, scope);
	}

	@PostMapping("/people/{id}")
	@PreAuthorize("hasAuthority('org:person:edit')")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") PersonForm form, BindingResult binding,
			DataScope scope, Model model) {
		Person existing = this.people.get(id, scope);
		if (binding.hasErrors()) {
			return form(model, form, existing, FormErrors.of(binding), scope);
		}
		try {
			this.people.update(id, form, scope);
			return "redirect:/people";
		}
		catch (Rejected ex) {
			return form(model, form, existing, FormErrors.of(ex), scope);
		}
	}

	@PostMapping("/people/{id}/enabled")
	@PreAuthorize("hasAuthority('org:person:edit')")
	String enable(@PathVariable long id, @RequestParam boolean enabled, DataScope scope) {
		this.people.setEnabled(id, enabled, scope);
		return "redirect:/people";
	}

	private String form(Model model, PersonForm form, Person existing, Map<String, String> errors, DataScope scope) {
		model.addAttribute("form", form);
		model.addAttribute("person", existing);
		model.addAttribute("roles", PersonRole.values());
		model.addAttribute("departments", this.departments.list(null, scope));
		model.addAttribute("errors", errors);
		return "people/form";
	}

}
