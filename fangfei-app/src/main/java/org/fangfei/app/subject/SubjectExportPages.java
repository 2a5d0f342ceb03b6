package org.fangfei.app.subject;

import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Uploads;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The ledger's Excel export, with the same filters as the list page.
 */
@Controller
class SubjectExportPages {

	private final SubjectExport export;

	SubjectExportPages(SubjectExport export) {
		this.export = export;
	}

	@GetMapping("/subjects/export")
	@PreAuthorize("hasAuthority('subject:subject:export')")
	ResponseEntity<byte[]> export(@ModelAttribute SubjectQuery q, DataScope scope) {
		return Uploads.xlsx(SubjectExport.filename("风险主体台账"), this.export.export(q, scope));
	}

}
