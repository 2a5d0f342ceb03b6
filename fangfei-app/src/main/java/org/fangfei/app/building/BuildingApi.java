package org.fangfei.app.building;

import java.util.List;

import jakarta.validation.Valid;

import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Buildings, sweeps and sweep campaigns as JSON, with the same permissions and scope as
 * the pages. Writes need the session's CSRF token in the {@code X-CSRF-TOKEN} header.
 */
@RestController
@RequestMapping("/api/v1")
class BuildingApi {

	private final Buildings buildings;

	private final Sweeps sweeps;

	private final SweepCampaigns campaigns;

	BuildingApi(Buildings buildings, Sweeps sweeps, SweepCampaigns campaigns) {
		this.buildings = buildings;
		this.sweeps = sweeps;
		this.campaigns = campaigns;
	}

	@GetMapping("/buildings")
	@PreAuthorize("hasAuthority('building:building:view')")
	PageOf<Building> list(@ModelAttribute BuildingQuery q, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size, DataScope scope) {
		return this.buildings.search(q, scope, PageRequest.of(page, size));
	}

	@GetMapping("/buildings/{id}")
	@PreAuthorize("hasAuthority('building:building:view')")
	Building get(@PathVariable long id, DataScope scope) {
		return this.buildings.get(id, scope);
	}

	@PostMapping("/buildings")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('building:building:edit')")
	Building create(@Valid @RequestBody BuildingForm form, DataScope scope) {
		return this.buildings.create(form, scope);
	}

	@PutMapping("/buildings/{id}")
	@PreAuthorize("hasAuthority('building:building:edit')")
	Building update(@PathVariable long id, @Valid @RequestBody BuildingForm form, DataScope scope) {
		return this.buildings.update(id, form, scope);
	}

	@PutMapping("/buildings/{id}/enabled")
	@PreAuthorize("hasAuthority('building:building:edit')")
	Building enable(@PathVariable long id, @RequestParam boolean enabled, DataScope scope) {
		return this.buildings.setEnabled(id, enabled, scope);
	}

	/**
	 * Still unswept this month (Asia/Shanghai), optionally within one region of the
	 * scope.
	 */
	@GetMapping("/buildings/unswept")
	@PreAuthorize("hasAuthority('building:building:view')")
	MonthProgress unswept(@RequestParam(required = false) String regionCode, DataScope scope) {
		return this.sweeps.thisMonth(regionCode, scope);
	}

	@GetMapping("/buildings/{id}/sweeps")
	@PreAuthorize("hasAuthority('building:building:view')")
	List<Sweep> sweeps(@PathVariable long id, DataScope scope) {
		return this.sweeps.ofBuilding(id, scope);
	}

	@PostMapping("/buildings/{id}/sweeps")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('building:sweep:edit')")
	Sweep record(@PathVariable long id, @Valid @RequestBody SweepForm form, DataScope scope, Authentication auth) {
		return this.sweeps.record(id, form, scope, auth.getName());
	}

	@GetMapping("/sweep-campaigns")
	@PreAuthorize("hasAuthority('building:building:view')")
	List<SweepCampaign> campaigns(DataScope scope) {
		return this.campaigns.list(scope);
	}

	@GetMapping("/sweep-campaigns/{id}")
	@PreAuthorize("hasAuthority('building:building:view')")
	CampaignProgress campaign(@PathVariable long id, DataScope scope) {
		return this.campaigns.progress(id, scope);
	}

	@PostMapping("/sweep-campaigns")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('building:sweep:edit')")
	SweepCampaign createCampaign(@Valid @RequestBody CampaignForm form, DataScope scope) {
		return this.campaigns.create(form, scope);
	}

}
