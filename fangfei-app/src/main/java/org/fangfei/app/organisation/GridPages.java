package org.fangfei.app.organisation;

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
 * Grid list, detail and maintenance pages.
 */
@Controller
class GridPages {

	private final Grids grids;

	private final People people;

	GridPages(Grids grids, People people) {
		this.grids = grids;
		this.people = people;
	}

	@GetMapping("/grids")
	@PreAuthorize("hasAuthority('org:grid:view')")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer level,
			@RequestParam(defaultValue = "1") int page, DataScope scope, Model model) {
		model.addAttribute("result", this.grids.search(q, level, scope, PageRequest.of(page)));
		model.addAttribute("q", q);
		model.addAttribute("level", level);
		return "grids/list";
	}

	@GetMapping("/grids/{id}")
	@PreAuthorize("hasAuthority('org:grid:view')")
	String show(@PathVariable long id, DataScope scope, Model model) {
		Grid grid = this.grids.get(id, scope);
		model.addAttribute("grid", grid);
		model.addAttribute("children",
				grid.level() == 1 ? this.grids.under(grid.regionCode().substring(0, 9), scope)
					.stream()
					.filter(g -> g.level() == 2)
					.toList() : java.util.List.of());
		model.addAttribute("members",
				this.people.search(null, null, id, scope, PageRequest.of(1, PageRequest.MAX_SIZE)).items());
		return "grids/show";
	}

	@GetMapping("/grids/new")
	@PreAuthorize("hasAuthority('org:grid:edit')")
	String newGrid(@RequestParam(required = false) String regionCode, @RequestParam(required = false) Long parentId,
			@RequestParam(defaultValue = "2") int level, Model model) {
		return form(model, new GridForm("", "", level, regionCode, parentId), null, null);
	}

	@PostMapping("/grids")
	@PreAuthorize("hasAuthority('org:grid:edit')")
	String create(@Valid @ModelAttribute("form") GridForm form, BindingResult binding, DataScope scope, Model model) {
		if (binding.hasErrors()) {
			return form(model, form, null, FormErrors.of(binding));
		}
		try {
			return "redirect:/grids/" + this.grids.create(form, scope).id();
		}
		catch (Rejected ex) {
			return form(model, form, null, FormErrors.of(ex));
		}
	}

	@GetMapping("/grids/{id}/edit")
	@PreAuthorize("hasAuthority('org:grid:edit')")
	String edit(@PathVariable long id, DataScope scope, Model model) {
		Grid g = this.grids.get(id, scope);
		return form(model, new GridForm(g.code(), g.name(), g.level(), g.regionCode(), g.parentId()), g, null);
	}

	@PostMapping("/grids/{id}")
	@PreAuthorize("hasAuthority('org:grid:edit')")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") GridForm form, BindingResult binding,
			DataScope scope, Model model) {
		Grid existing = this.grids.get(id, scope);
		if (binding.hasErrors()) {
			return form(model, form, existing, FormErrors.of(binding));
		}
		try {
			this.grids.update(id, form, scope);
			return "redirect:/grids/" + id;
		}
		catch (Rejected ex) {
			return form(model, form, existing, FormErrors.of(ex));
		}
	}

	@PostMapping("/grids/{id}/enabled")
	@PreAuthorize("hasAuthority('org:grid:edit')")
	String enable(@PathVariable long id, @RequestParam boolean enabled, DataScope scope) {
		this.grids.setEnabled(id, enabled, scope);
		return "redirect:/grids/" + id;
	}

	private static String form(Model model, GridForm form, Grid existing, java.util.Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("grid", existing);
		model.addAttribute("errors", errors);
		return "grids/form";
	}

}
