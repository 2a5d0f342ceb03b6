package org.fangfei.app.audit;

import java.time.LocalDate;

import org.fangfei.app.shared.PageOf;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log as JSON, for the audit administrator only.
 */
@RestController
@PreAuthorize("hasAuthority('audit:log:view')")
class AuditApi {

	private final AuditController pages;

	AuditApi(AuditController pages) {
		this.pages = pages;
	}

	@GetMapping("/api/v1/audit")
	PageOf<AuditEntry> api(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) AuditLog.Outcome outcome,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "1") int page) {
		return this.pages.search(actor, action, outcome, from, to, page);
	}

}
