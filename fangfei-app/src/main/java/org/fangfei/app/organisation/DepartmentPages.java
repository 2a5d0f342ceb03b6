package org.fangfei.app.organisation;

import java.util.Map;

import jakarta.validation.Valid;

import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.FormErrors;
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
 * Member department list and maintenance, with the sectors each supervises.
 */
@Controller
class DepartmentPages {

	private final Departments departments;

	private final Sectors sectors;

	DepartmentPages(Departments departments, Sectors sectors) {
		this.departments = departments;
		this.sectors = sectors;
	}

	@GetMapping("/departments")
	@PreAuthorize("hasAuthority('org:department:view')")
	String list(@RequestParam(required = false) String q, DataScope scope, Model model) {
		model.addAttribute("departments", this.departments.list(q, scope));
		model.addAttribute("q", q);
		return "departments/list";
	}

	@GetMapping("/departments/new")
	@PreAuthorize("hasAuthority('org:department:edit')")
	String newDepartment(Model model) {
		return form(model, new DepartmentForm("", "", "", false, null), null, null);
	}

	@PostMapping("/departments")
	@PreAuthorize("hasAuthority('org:department:edit')")
	String create(@Valid @ModelAttribute("form") DepartmentForm form, BindingResult binding, DataScope scope,
			Model model) {
		if (binding.hasErrors()) {
			return form(model, form, null, FormErrors.of(binding));
		}
		try {
			this.departments.create(form, scope);
			return "redirect:/departments";
		}
		catch (Rejected ex) {
			return form(model, form, null, FormErrors.of(ex));
		}
	}

	@GetMapping("/departments/{id}/edit")
	@PreAuthorize("hasAuthority('org:department:edit')")
	String edit(@PathVariable long id, DataScope scope, Model model) {
		Department d = this.departments.get(id, scope);
		return form(model, new DepartmentForm(d.name(), d.shortName(), d.regionCode(), d.office(), d.sectorCodes()), d,
				null);
	}

	@PostMapping("/departments/{id}")
	@PreAuthorize("hasAuthority('org:department:edit')")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") DepartmentForm form, BindingResult binding,
			DataScope scope, Model model) {
		Department existing = this.departments.get(id, scope);
		if (binding.hasErrors()) {
			return form(model, form, existing, FormErrors.of(binding));
		}
		try {
			this.departments.update(id, form, scope);
			return "redirect:/departments";
		}
		catch (Rejected ex) {
			return form(model, form, existing, FormErrors.of(ex));
		}
	}

	@PostMapping("/departments/{id}/enabled")
	@PreAuthorize("hasAuthority('org:department:edit')")
	String enable(@PathVariable long id, @RequestParam boolean enabled, DataScope scope) {
		this.departments.setEnabled(id, enabled, scope);
		return "redirect:/departments";
	}

	private String form(Model model, DepartmentForm form, Department existing, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("department", existing);
		model.addAttribute("sectors", this.sectors.all());
		model.addAttribute("errors", errors);
		return "departments/form";
	}

}
