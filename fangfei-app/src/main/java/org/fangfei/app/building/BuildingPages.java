package org.fangfei.app.building;

import java.util.Map;

import jakarta.validation.Valid;

import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.subject.SubjectQuery;
import org.fangfei.app.subject.Subjects;

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
 * Building list, the building page with its tenants and sweeps, and its maintenance form.
 */
@Controller
class BuildingPages {

	/** The most tenants shown on a building's page. */
	private static final int TENANTS_SHOWN = 200;

	private final Buildings buildings;

	private final Sweeps sweeps;

	private final Subjects subjects;

	BuildingPages(Buildings buildings, Sweeps sweeps, Subjects subjects) {
		this.buildings = buildings;
		this.sweeps = sweeps;
		this.subjects = subjects;
	}

	@GetMapping("/buildings")
	@PreAuthorize("hasAuthority('building:building:view')")
	String list(@ModelAttribute("q") BuildingQuery q, @RequestParam(defaultValue = "1") int page, DataScope scope,
			Model model) {
		model.addAttribute("result", this.buildings.search(q, scope, PageRequest.of(page)));
		model.addAttribute("progress", this.sweeps.thisMonth(null, scope));
		model.addAttribute("kinds", BuildingKind.values());
		return "buildings/list";
	}

	@GetMapping("/buildings/{id}")
	@PreAuthorize("hasAuthority('building:building:view')")
	String show(@PathVariable long id, DataScope scope, Model model) {
		Building building = this.buildings.get(id, scope);
		SubjectQuery tenants = new SubjectQuery(null, null, null, null, null, null, id, null);
		model.addAttribute("building", building);
		model.addAttribute("tenants", this.subjects.search(tenants, scope, PageRequest.of(1, TENANTS_SHOWN)));
		model.addAttribute("sweeps", this.sweeps.ofBuilding(id, scope));
		return "buildings/show";
	}

	@GetMapping("/buildings/new")
	@PreAuthorize("hasAuthority('building:building:edit')")
	String newBuilding(@RequestParam(required = false) String regionCode, Model model) {
		return form(model, BuildingForm.blank(regionCode), null, null);
	}

	@PostMapping("/buildings")
	@PreAuthorize("hasAuthority('building:building:edit')")
	String create(@Valid @ModelAttribute("form") BuildingForm form, BindingResult binding, DataScope scope,
			Model model) {
		if (binding.hasErrors()) {
			return form(model, form, null, FieldMessages.of(binding));
		}
		try {
			return "redirect:/buildings/" + this.buildings.create(form, scope).id();
		}
		catch (Rejected ex) {
			return form(model, form, null, FormErrors.of(ex));
		}
	}

	@GetMapping("/buildings/{id}/edit")
	@PreAuthorize("hasAuthority('building:building:edit')")
	String edit(@PathVariable long id, DataScope scope, Model model) {
		Building building = this.buildings.get(id, scope);
		return form(model, BuildingForm.of(building), building, null);
	}

	@PostMapping("/buildings/{id}")
	@PreAuthorize("hasAuthority('building:building:edit')")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") BuildingForm form, BindingResult binding,
			DataScope scope, Model model) {
		Building existing = this.buildings.get(id, scope);
		if (binding.hasErrors()) {
			return form(model, form, existing, FieldMessages.of(binding));
		}
		try {
			this.buildings.update(id, form, scope);
			return "redirect:/buildings/" + id;
		}
		catch (Rejected ex) {
			return form(model, form, existing, FormErrors.of(ex));
		}
	}

	@PostMapping("/buildings/{id}/enabled")
	@PreAuthorize("hasAuthority('building:building:edit')")
	String enable(@PathVariable long id, @RequestParam boolean enabled, DataScope scope) {
		this.buildings.setEnabled(id, enabled, scope);
		return "redirect:/buildings/" + id;
	}

	private static String form(Model model, BuildingForm form, Building existing, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("building", existing);
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", BuildingKind.values());
		return "buildings/form";
	}

}
