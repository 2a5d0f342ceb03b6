package org.fangfei.app.petition;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Stability risk assessments as JSON: the list (of one case) and recording one. */
@RestController
class AssessmentApi {

	private final Assessments assessments;

	AssessmentApi(Assessments assessments) {
		this.assessments = assessments;
	}

	record Created(long id) {
	}

	@GetMapping("/api/v1/stability/assessments")
	@PreAuthorize("hasAuthority('petition:stability:view')")
	PageOf<Assessments.Assessment> listJson(@RequestParam(required = false) Long caseId,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size, Actor actor) {
		return this.assessments.search(caseId, actor.scope(), PageRequest.of(page, size));
	}

	@PostMapping("/api/v1/stability/assessments")
	@PreAuthorize("hasAuthority('petition:assessment:edit')")
	ResponseEntity<Created> recordJson(@RequestBody Assessments.AssessmentForm form, Actor actor) {
		return ResponseEntity.status(HttpStatus.CREATED).body(new Created(this.assessments.record(form, actor)));
	}

}
