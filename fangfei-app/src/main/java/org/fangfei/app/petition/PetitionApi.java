package org.fangfei.app.petition;

import java.util.List;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Petitions as JSON: the list, one petition, registration and moves; as the pages. */
@RestController
@RequestMapping("/api/v1/petitions")
class PetitionApi {

	private final PetitionQueries queries;

	private final PetitionDesk desk;

	PetitionApi(PetitionQueries queries, PetitionDesk desk) {
		this.queries = queries;
		this.desk = desk;
	}

	record Created(long id) {
	}

	record Detail(PetitionQueries.View view, List<PetitionQueries.Petitioner> petitioners,
			List<PetitionQueries.Event> timeline) {
	}

	@GetMapping
	@PreAuthorize("hasAuthority('petition:petition:view')")
	PageOf<PetitionRow> list(@ModelAttribute PetitionQuery q, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size, Actor actor) {
		return this.queries.search(q, actor.scope(), PageRequest.of(page, size));
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('petition:petition:view')")
	Detail one(@PathVariable long id, Actor actor) {
		return new Detail(this.queries.view(id, actor.scope()), this.queries.petitioners(id),
				this.queries.timeline(id));
	}

	@PostMapping
	@PreAuthorize("hasAuthority('petition:petition:edit')")
	ResponseEntity<Created> register(@RequestBody PetitionForm form, Actor actor) {
		return ResponseEntity.status(HttpStatus.CREATED).body(new Created(this.desk.register(form, actor)));
	}

	@PostMapping("/{id}/moves/{move}")
	@PreAuthorize("hasAuthority('petition:petition:edit')")
	Detail move(@PathVariable long id, @PathVariable Petition.Move move, @RequestBody PetitionDesk.MoveInput input,
			Actor actor) {
		this.desk.move(id, move, input, actor);
		return one(id, actor);
	}

}
