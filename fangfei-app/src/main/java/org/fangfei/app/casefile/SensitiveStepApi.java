package org.fangfei.app.casefile;

import java.time.LocalDate;

import org.fangfei.app.shared.Actor;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Recording a coercive measure or the public statement on a case as JSON. */
@RestController
class SensitiveStepApi {

	private final SensitiveSteps steps;

	SensitiveStepApi(SensitiveSteps steps) {
		this.steps = steps;
	}

	/** A sensitive step, with the version of the case the caller saw. */
	record StepInput(int version, SensitiveStep step, LocalDate on, String note) {
	}

	record Recorded(long caseId, SensitiveStep step) {
	}

	@PostMapping("/api/v1/cases/{id}/sensitive-steps")
	@PreAuthorize("hasAuthority('casefile:case:edit')")
	Recorded record(@PathVariable long id, @RequestBody StepInput input, Actor actor) {
		this.steps.record(id, input.version(), input.step(), input.on(), input.note(), actor);
		return new Recorded(id, input.step());
	}

}
