package org.fangfei.app.audit;

import java.time.LocalDate;

import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Times;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log page and API, for the audit administrator only.
 */
@Controller
@PreAuthorize("hasAuthority('audit:log:view')")
class AuditController {

	private final AuditLog auditLog;

	AuditController(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@GetMapping("/audit")
	String page(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) AuditLog.Outcome outcome,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("result", search(actor, action, outcome, from, to, page));
		model.addAttribute("actor", actor);
		model.addAttribute("action", action);
		model.addAttribute("outcome", outcome);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("actions", AuditLabels.actions());
		return "audit/list";
	}

	PageOf<AuditEntry> search(String actor, String action, AuditLog.Outcome outcome, LocalDate from, LocalDate to,
			int page) {
		AuditQuery q = new AuditQuery(actor, action, outcome,
				from == null ? null : from.atStartOfDay(Times.zone()).toOffsetDateTime(),
				to == null ? null : to.plusDays(1).atStartOfDay(Times.zone()).toOffsetDateTime());
		return this.auditLog.search(q, PageRequest.of(page, 50));
	}

}
