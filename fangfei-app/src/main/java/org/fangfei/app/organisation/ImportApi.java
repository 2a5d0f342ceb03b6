package org.fangfei.app.organisation;

import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.ImportRefused;
import org.fangfei.app.shared.ImportReport;
import org.fangfei.app.shared.Uploads;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Import as JSON: check a file and get the row-by-row report, or import it in one call,
 * which writes all rows or, with 400 and the report, none. The kind is {@code region},
 * {@code grid} or {@code person}.
 */
@RestController
@PreAuthorize("hasAuthority('org:import')")
class ImportApi {

	private final OrganisationImport imports;

	ImportApi(OrganisationImport imports) {
		this.imports = imports;
	}

	/**
	 * @param kind what was imported
	 * @param imported number of rows written
	 * @param message 已导入 N 行
	 */
	record ImportResult(ImportKind kind, int imported, String message) {
	}

	@PostMapping("/api/v1/import/{kind}/check")
	ImportReport check(@PathVariable String kind, @RequestParam(required = false) MultipartFile file, DataScope scope) {
		return this.imports.check(Uploads.table(ImportPages.kind(kind), file), scope);
	}

	@PostMapping("/api/v1/import/{kind}")
	ImportResult importFile(@PathVariable String kind, @RequestParam(required = false) MultipartFile file,
			DataScope scope) {
		ImportKind k = ImportPages.kind(kind);
		int written = this.imports.commit(Uploads.table(k, file), scope);
		return new ImportResult(k, written, "已导入 " + written + " 行");
	}

	@ExceptionHandler(ImportRefused.class)
	ResponseEntity<ImportReport> refused(ImportRefused ex) {
		return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(ex.report());
	}

}
