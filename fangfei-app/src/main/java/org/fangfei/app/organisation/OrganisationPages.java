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
 * The region and grid tree, and region maintenance.
 */
@Controller
class OrganisationPages {

	private final OrganisationTree tree;

	private final Regions regions;

	OrganisationPages(OrganisationTree tree, Regions regions) {
		this.tree = tree;
		this.regions = regions;
	}

	@GetMapping("/org/tree")
	@PreAuthorize("hasAnyAuthority('org:region:view', 'org:grid:view')")
	String tree(@RequestParam(required = false) String q, DataScope scope, Model model) {
		model.addAttribute("nodes", this.tree.roots(scope));
		if (q != null && !q.isBlank()) {
			model.addAttribute("q", q.trim());
			model.addAttribute("matches", this.regions.search(q, null, scope));
		}
		return "org/tree";
	}

	/** One level of the tree, loaded by htmx when a node is opened. */
	@GetMapping("/org/tree/{code}")
	@PreAuthorize("hasAnyAuthority('org:region:view', 'org:grid:view')")
	String children(@PathVariable String code, DataScope scope, Model model) {
		this.regions.get(code, scope);
		model.addAttribute("nodes", this.tree.children(code, scope));
		return "org/tree :: nodes";
	}

	@GetMapping("/regions/new")
	@PreAuthorize("hasAuthority('org:region:edit')")
	String newRegion(@RequestParam(required = false) String parent, Model model) {
		model.addAttribute("form", new RegionForm("", "", parent));
		model.addAttribute("editing", false);
		return "org/region-form";
	}

	@PostMapping("/regions")
	@PreAuthorize("hasAuthority('org:region:edit')")
	String createRegion(@Valid @ModelAttribute("form") RegionForm form, BindingResult binding, DataScope scope,
			Model model) {
		if (binding.hasErrors()) {
			return formError(model, FormErrors.of(binding), false);
		}
		try {
			this.regions.create(form, scope);
		}
		catch (Rejected ex) {
			return formError(model, FormErrors.of(ex), false);
		}
		return "redirect:/org/tree";
	}

	@GetMapping("/regions/{code}/edit")
	@PreAuthorize("hasAuthority('org:region:edit')")
	String editRegion(@PathVariable String code, DataScope scope, Model model) {
		Region region = this.regions.get(code, scope);
		model.addAttribute("form", new RegionForm(region.code(), region.name(), region.parentCode()));
		model.addAttribute("region", region);
		model.addAttribute("editing", true);
		return "org/region-form";
	}

	@PostMapping("/regions/{code}")
	@PreAuthorize("hasAuthority('org:region:edit')")
	String updateRegion(@PathVariable String code, @RequestParam String name, DataScope scope, Model model) {
		try {
			this.regions.rename(code, name, scope);
		}
		catch (Rejected ex) {
			Region region = this.regions.get(code, scope);
			model.addAttribute("form", new RegionForm(code, name, region.parentCode()));
			model.addAttribute("region", region);
			return formError(model, FormErrors.of(ex), true);
		}
		return "redirect:/org/tree";
	}

	@PostMapping("/regions/{code}/enabled")
	@PreAuthorize("hasAuthority('org:region:edit')")
	String enableRegion(@PathVariable String code, @RequestParam boolean enabled, DataScope scope) {
		this.regions.setEnabled(code, enabled, scope);
		return "redirect:/org/tree";
	}

	private static String formError(Model model, Map<String, String> errors, boolean editing) {
		model.addAttribute("errors", errors);
		model.addAttribute("editing", editing);
		return "org/region-form";
	}

}
