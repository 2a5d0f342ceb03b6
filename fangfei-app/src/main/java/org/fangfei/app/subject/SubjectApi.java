package org.fangfei.app.subject;

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
 * The subject ledger as JSON, with the same permissions and scope as the pages.
 */
@RestController
@RequestMapping("/api/v1/subjects")
class SubjectApi {

	private final Subjects subjects;

	SubjectApi(Subjects subjects) {
		this.subjects = subjects;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('subject:subject:view')")
	PageOf<Subject> search(@ModelAttribute SubjectQuery q, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size, DataScope scope) {
		return this.subjects.search(q, scope, PageRequest.of(page, size));
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('subject:subject:view')")
	Subject get(@PathVariable long id, DataScope scope) {
		return this.subjects.get(id, scope);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('subject:subject:edit')")
	Subject create(@Valid @RequestBody SubjectForm form, DataScope scope, Authentication auth) {
		return this.subjects.create(form, scope, auth.getName());
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('subject:subject:edit')")
	Subject update(@PathVariable long id, @Valid @RequestBody SubjectForm form, DataScope scope) {
		return this.subjects.update(id, form, scope);
	}

	@PutMapping("/{id}/review")
	@PreAuthorize("hasAuthority('subject:word:review')")
	Subject review(@PathVariable long id, @RequestParam Subject.WordReview decision, DataScope scope) {
		return this.subjects.review(id, decision, scope);
	}

}
