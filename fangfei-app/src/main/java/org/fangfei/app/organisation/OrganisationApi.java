package org.fangfei.app.organisation;

import java.util.List;

import jakarta.validation.Valid;

import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API for regions, grids, departments and people, with the same permissions and data
 * scope as the pages. Writes need the session's CSRF token in the {@code X-CSRF-TOKEN}
 * header.
 */
@RestController
@RequestMapping("/api/v1")
class OrganisationApi {

	private final OrganisationTree tree;

	private final Regions regions;

	private final Grids grids;

	private final Departments departments;

	private final People people;

	OrganisationApi(OrganisationTree tree, Regions regions, Grids grids, Departments departments, People people) {
		this.tree = tree;
		this.regions = regions;
		this.grids = grids;
		this.departments = departments;
		this.people = people;
	}

	/** The top of the caller's tree, or the children of {@code parent}. */
	@GetMapping("/regions/tree")
	@PreAuthorize("hasAuthority('org:region:view')")
	List<RegionNode> tree(@RequestParam(required = false) String parent, DataScope scope) {
		if (parent == null) {
			return this.tree.roots(scope);
		}
		this.regions.get(parent, scope);
		return this.tree.children(parent, scope);
	}

	@GetMapping("/regions/{code}")
	@PreAuthorize("hasAuthority('org:region:view')")
	Region region(@PathVariable String code, DataScope scope) {
		return this.regions.get(code, scope);
	}

	@PostMapping("/regions")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('org:region:edit')")
	Region createRegion(@Valid @RequestBody RegionForm form, DataScope scope) {
		return this.regions.create(form, scope);
	}

	@PutMapping("/regions/{code}")
	@PreAuthorize("hasAuthority('org:region:edit')")
	Region renameRegion(@PathVariable String code, @Valid @RequestBody RegionForm form, DataScope scope) {
		return this.regions.rename(code, form.name(), scope);
	}

	@GetMapping("/grids")
	@PreAuthorize("hasAuthority('org:grid:view')")
	PageOf<Grid> grids(@RequestParam(required = false) String q, @RequestParam(required = false) Integer level,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size, DataScope scope) {
		return this.grids.search(q, level, scope, PageRequest.of(page, size));
	}

	@GetMapping("/grids/{id}")
	@PreAuthorize("hasAuthority('org:grid:view')")
	Grid grid(@PathVariable long id, DataScope scope) {
		return this.grids.get(id, scope);
	}

	@PostMapping("/grids")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('org:grid:edit')")
	Grid createGrid(@Valid @RequestBody GridForm form, DataScope scope) {
		return this.grids.create(form, scope);
	}

	@PutMapping("/grids/{id}")
	@PreAuthorize("hasAuthority('org:grid:edit')")
	Grid updateGrid(@PathVariable long id, @Valid @RequestBody GridForm form, DataScope scope) {
		return this.grids.update(id, form, scope);
	}

	@PutMapping("/grids/{id}/enabled")
	@PreAuthorize("hasAuthority('org:grid:edit')")
	Grid enableGrid(@PathVariable long id, @RequestParam boolean enabled, DataScope scope) {
		this.grids.setEnabled(id, enabled, scope);
		return this.grids.get(id, scope);
	}

	@GetMapping("/departments")
	@PreAuthorize("hasAuthority('org:department:view')")
	List<Department> departments(@RequestParam(required = false) String q, DataScope scope) {
		return this.departments.list(q, scope);
	}

	@PostMapping("/departments")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('org:department:edit')")
	Department createDepartment(@Valid @RequestBody DepartmentForm form, DataScope scope) {
		return this.departments.create(form, scope);
	}

	@PutMapping("/departments/{id}")
	@PreAuthorize("hasAuthority('org:department:edit')")
	Department updateDepartment(@PathVariable long id, @Valid @RequestBody DepartmentForm form, DataScope scope) {
		return this.departments.update(id, form, scope);
	}

	@GetMapping("/people")
	@PreAuthorize("hasAuthority('org:person:view')")
	PageOf<Person> people(@RequestParam(required = false) String q, @RequestParam(required = false) PersonRole role,
			@RequestParam(required = false) Long gridId, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size, DataScope scope) {
		return this.people.search(q, role, gridId, scope, PageRequest.of(page, size));
	}

	@GetMapping("/people/{id}")
	@PreAuthorize("hasAuthority('org:person:view')")
	Person person(@PathVariable long id, DataScope scope) {
		return this.people.get(id, scope);
	}

	@PostMapping("/people")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('org:person:edit')")
	Person createPerson(@Valid @RequestBody PersonForm form, DataScope scope) {
		return this.people.create(form, scope);
	}

	@PutMapping("/people/{id}")
	@PreAuthorize("hasAuthority('org:person:edit')")
	Person updatePerson(@PathVariable long id, @Valid @RequestBody PersonForm form, DataScope scope) {
		return this.people.update(id, form, scope);
	}

	@PutMapping("/people/{id}/enabled")
	@PreAuthorize("hasAuthority('org:person:edit')")
	Person enablePerson(@PathVariable long id, @RequestParam boolean enabled, DataScope scope) {
		this.people.setEnabled(id, enabled, scope);
		return this.people.get(id, scope);
	}

	/** The full phone number, for those allowed; each reading is audited. */
	@GetMapping("/people/{id}/phone")
	@PreAuthorize("hasAuthority('org:person:reveal')")
	String revealPhone(@PathVariable long id, DataScope scope) {
		return this.people.revealPhone(id, scope);
	}

}
