package org.fangfei.app.security;

import java.util.List;

import org.fangfei.app.shared.AccountNames;
import org.fangfei.app.shared.Choice;
import org.fangfei.app.shared.DataScope;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The people picker's choices (static/js/picker.js): accounts of the caller's
 * jurisdiction by real name; the value is the login name the records keep.
 */
@RestController
class PeoplePicker {

	static final int LIMIT = 20;

	private final AccountNames names;

	PeoplePicker(AccountNames names) {
		this.names = names;
	}

	/** Accounts named like {@code q}, or the one with the login name {@code ids}. */
	@GetMapping("/api/v1/picker/people")
	@PreAuthorize("isAuthenticated()")
	List<Choice> people(@RequestParam(required = false) String q, @RequestParam(required = false) List<String> ids,
			DataScope scope) {
		if (ids != null && !ids.isEmpty()) {
			return ids.stream()
				.distinct()
				.limit(LIMIT)
				.flatMap(u -> this.names.pick(u, scope, LIMIT).stream().filter(c -> c.value().equals(u)))
				.toList();
		}
		if (q == null || q.isBlank()) {
			return List.of();
		}
		return this.names.pick(q, scope, LIMIT);
	}

}
