package org.fangfei.app.patrol;

import java.util.List;

import jakarta.validation.Valid;

import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * JSON API for patrols, with the same permissions and data scope as the pages. A patrol
 * is created from JSON (no photos) or from a multipart form with the page's field names
 * and up to five {@code photos}; writes need the session's CSRF token in the
 * {@code X-CSRF-TOKEN} header.
 */
@RestController
@RequestMapping("/api/v1/patrols")
class PatrolApi {

	private final Patrols patrols;

	private final PatrolCoverage coverage;

	PatrolApi(Patrols patrols, PatrolCoverage coverage) {
		this.patrols = patrols;
		this.coverage = coverage;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('patrol:patrol:view')")
	PageOf<Patrol> list(@ModelAttribute PatrolQuery q, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size, DataScope scope) {
		return this.patrols.search(q, scope, PageRequest.of(page, size));
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('patrol:patrol:view')")
	Patrol get(@PathVariable long id, DataScope scope) {
		return this.patrols.get(id, scope);
	}

	@GetMapping("/{id}/photos/{photoId}")
	@PreAuthorize("hasAuthority('patrol:patrol:view')")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId, DataScope scope) {
		return PatrolPages.photoResponse(this.patrols.photo(id, photoId, scope), photoId);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('patrol:patrol:create')")
	Patrol create(@Valid @RequestBody PatrolForm form, DataScope scope, Authentication auth) {
		return this.patrols.record(form, List.of(), scope, auth.getName());
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('patrol:patrol:create')")
	Patrol createWithPhotos(@Valid @ModelAttribute PatrolForm form,
			@RequestParam(name = "photos", required = false) List<MultipartFile> photos, DataScope scope,
			Authentication auth) {
		return this.patrols.record(form, Photo.of(photos), scope, auth.getName());
	}

	/** Level-2 grids without a patrol in the last {@code days} days (1–365). */
	@GetMapping("/not-patrolled-grids")
	@PreAuthorize("hasAuthority('patrol:patrol:view')")
	PageOf<PatrolCoverage.Unpatrolled> notPatrolled(@RequestParam(defaultValue = "30") int days,
			@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size, DataScope scope) {
		return this.coverage.notPatrolled(days, scope, PageRequest.of(page, size));
	}

}
