package org.fangfei.app.building;

import java.util.ArrayList;
import java.util.List;

import org.fangfei.app.shared.Choice;
import org.fangfei.app.shared.DataScope;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The building picker's choices (static/js/picker.js): enabled buildings of the caller's
 * jurisdiction by name, with their address and region.
 */
@RestController
class BuildingPicker {

	static final int LIMIT = 20;

	private final Buildings buildings;

	BuildingPicker(Buildings buildings) {
		this.buildings = buildings;
	}

	/**
	 * Buildings named like {@code q}, or the one with this {@code ids} (a form's value).
	 */
	@GetMapping("/api/v1/picker/buildings")
	@PreAuthorize("hasAuthority('building:building:view')")
	List<Choice> buildings(@RequestParam(required = false) String q, @RequestParam(required = false) List<Long> ids,
			DataScope scope) {
		if (ids != null && !ids.isEmpty()) {
			List<Choice> known = new ArrayList<>();
			ids.stream()
				.distinct()
				.limit(LIMIT)
				.forEach(id -> this.buildings.find(id, scope).ifPresent(b -> known.add(choice(b))));
			return known;
		}
		if (q == null || q.isBlank()) {
			return List.of();
		}
		return this.buildings.enabledNamed(q.strip(), scope, LIMIT).stream().map(BuildingPicker::choice).toList();
	}

	private static Choice choice(Building b) {
		String where = b.address() == null || b.address().isBlank() ? b.regionName()
				: b.regionName() + " · " + b.address();
		return Choice.of(String.valueOf(b.id()), b.name(), where);
	}

}
