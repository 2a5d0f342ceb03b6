package org.fangfei.app.subject;

import java.util.ArrayList;
import java.util.List;

import org.fangfei.app.shared.Choice;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.NotFound;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The subject picker's choices (static/js/picker.js): the ledger's own search by name or
 * credit code, so the same scope (jurisdiction, a department's sectors) decides what is
 * offered.
 */
@RestController
class SubjectPicker {

	static final int LIMIT = 20;

	private final Subjects subjects;

	SubjectPicker(Subjects subjects) {
		this.subjects = subjects;
	}

	/** Subjects matching {@code q}, or those with these {@code ids} (a form's values). */
	@GetMapping("/api/v1/picker/subjects")
	@PreAuthorize("hasAuthority('subject:subject:view')")
	List<Choice> subjects(@RequestParam(required = false) String q, @RequestParam(required = false) List<Long> ids,
			DataScope scope) {
		if (ids != null && !ids.isEmpty()) {
			List<Choice> known = new ArrayList<>();
			for (Long id : ids.stream().distinct().limit(LIMIT).toList()) {
				try {
					known.add(choice(this.subjects.get(id, scope)));
				}
				catch (NotFound ex) {
					// not in the caller's scope: offered as nothing
				}
			}
			return known;
		}
		if (q == null || q.isBlank()) {
			return List.of();
		}
		SubjectQuery query = new SubjectQuery(q.strip(), null, null, null, null, null, null, null);
		return this.subjects.search(query, scope, org.fangfei.app.shared.PageRequest.of(1, LIMIT))
			.items()
			.stream()
			.map(SubjectPicker::choice)
			.toList();
	}

	private static Choice choice(Subject s) {
		String id = s.creditCode() != null && !s.creditCode().isBlank() ? s.creditCode() : s.kind().label();
		return Choice.of(String.valueOf(s.id()), s.name(), id + " · " + s.regionName());
	}

}
