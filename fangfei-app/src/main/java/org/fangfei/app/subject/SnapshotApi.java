package org.fangfei.app.subject;

import java.util.List;

import org.fangfei.app.shared.DataScope;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 动态管理台账 as JSON: the months taken, taking a month, comparing two.
 */
@RestController
@RequestMapping("/api/v1/subjects/snapshots")
class SnapshotApi {

	private final SubjectSnapshots snapshots;

	SnapshotApi(SubjectSnapshots snapshots) {
		this.snapshots = snapshots;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('subject:subject:view')")
	List<SubjectSnapshots.Run> runs() {
		return this.snapshots.runs();
	}

	/** Takes the given month, by default the current one. */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('subject:snapshot:take')")
	SubjectSnapshots.Run take(@RequestParam(required = false) String month, Authentication auth) {
		return this.snapshots.take(month, auth.getName());
	}

	@GetMapping("/compare")
	@PreAuthorize("hasAuthority('subject:subject:view')")
	SnapshotComparison compare(@RequestParam String from, @RequestParam String to, DataScope scope) {
		return this.snapshots.compare(from, to, scope);
	}

}
