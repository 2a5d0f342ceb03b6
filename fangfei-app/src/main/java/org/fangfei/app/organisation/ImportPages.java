package org.fangfei.app.organisation;

import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.ImportRefused;
import org.fangfei.app.shared.ImportReport;
import org.fangfei.app.shared.ImportTable;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.PendingImport;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Uploads;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import pages: choose a kind, download its template, upload a file, read the
 * row-by-row report and, when every row passed, confirm. The checked file waits in the
 * HTTP session under a random token until confirmed; only the latest one is kept.
 */
@Controller
@PreAuthorize("hasAuthority('org:import')")
class ImportPages {

	static final String PENDING = ImportPages.class.getName() + ".pending";

	static final String XLSX = Uploads.XLSX;

	private final OrganisationImport imports;

	ImportPages(OrganisationImport imports) {
		this.imports = imports;
	}

	@GetMapping("/import")
	String page(@RequestParam(defaultValue = "region") String kind, Model model) {
		model.addAttribute("kinds", ImportKind.values());
		model.addAttribute("kind", kind(kind));
		return "import/index";
	}

	@GetMapping("/import/template/{kind}")
	ResponseEntity<byte[]> template(@PathVariable String kind) {
		ImportKind k = kind(kind);
		return Uploads.xlsx(k.templateFilename(), this.imports.template(k));
	}

	@PostMapping("/import/check")
	String check(@RequestParam String kind, @RequestParam(required = false) MultipartFile file, DataScope scope,
			HttpSession session, Model model) {
		ImportKind k = kind(kind);
		PendingImport.drop(session, PENDING);
		ImportTable<ImportKind> table;
		try {
			table = Uploads.table(k, file);
		}
		catch (Rejected ex) {
			model.addAttribute("error", ex.getMessage());
			return page(k.path(), model);
		}
		ImportReport report = this.imports.check(table, scope);
		if (report.importable()) {
			model.addAttribute("token", PendingImport.hold(session, PENDING, table));
		}
		model.addAttribute("report", report);
		model.addAttribute("filename", table.filename());
		return "import/report";
	}

	@PostMapping("/import/commit")
	String commit(@RequestParam String token, DataScope scope, HttpSession session, Model model,
			RedirectAttributes redirect) {
		Optional<ImportTable<ImportKind>> pending = PendingImport.take(session, PENDING, token, ImportKind.class);
		if (pending.isEmpty()) {
			model.addAttribute("error", "这次导入已失效（已导入、已超时或已上传了新文件），请重新上传文件。");
			return page("region", model);
		}
		ImportTable<ImportKind> table = pending.get();
		ImportKind kind = table.kind();
		try {
			int written = this.imports.commit(table, scope);
			redirect.addFlashAttribute("message", "已导入 " + written + " 行" + kind.label() + "数据。");
		}
		catch (ImportRefused ex) {
			model.addAttribute("report", ex.report());
			model.addAttribute("filename", table.filename());
			model.addAttribute("error", "确认导入时重新校验发现问题（数据在校验后发生了变化），未写入任何数据。");
			return "import/report";
		}
		catch (Rejected ex) {
			model.addAttribute("error", ex.getMessage());
			return page(kind.path(), model);
		}
		return "redirect:/import?kind=" + kind.path();
	}

	static ImportKind kind(String path) {
		return ImportKind.ofPath(path).orElseThrow(() -> new NotFound("导入类型"));
	}

}
