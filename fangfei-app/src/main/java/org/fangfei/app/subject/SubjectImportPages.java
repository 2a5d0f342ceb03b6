package org.fangfei.app.subject;

import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.ImportRefused;
import org.fangfei.app.shared.ImportReport;
import org.fangfei.app.shared.ImportTable;
import org.fangfei.app.shared.PendingImport;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Uploads;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Subject import: download the template, upload a file, read the row-by-row report (the
 * shared {@code import/report} page) and, when every row passed, confirm with the one-use
 * token kept in the session.
 */
@Controller
@PreAuthorize("hasAuthority('subject:subject:import')")
class SubjectImportPages {

	static final String PENDING = SubjectImportPages.class.getName() + ".pending";

	private final SubjectImport imports;

	SubjectImportPages(SubjectImport imports) {
		this.imports = imports;
	}

	@GetMapping("/subjects/import")
	String page(Model model) {
		model.addAttribute("template", SubjectTemplate.SUBJECT);
		return "subjects/import";
	}

	@GetMapping("/subjects/import/template")
	ResponseEntity<byte[]> template() {
		return Uploads.xlsx(SubjectTemplate.SUBJECT.templateFilename(), SubjectTemplate.SUBJECT.templateXlsx());
	}

	@PostMapping("/subjects/import/check")
	String check(@RequestParam(required = false) MultipartFile file, DataScope scope, HttpSession session,
			Model model) {
		PendingImport.drop(session, PENDING);
		ImportTable<SubjectTemplate> table;
		try {
			table = Uploads.table(SubjectTemplate.SUBJECT, file);
		}
		catch (Rejected ex) {
			model.addAttribute("error", ex.getMessage());
			return page(model);
		}
		ImportReport report = this.imports.check(table, scope);
		if (report.importable()) {
			model.addAttribute("token", PendingImport.hold(session, PENDING, table));
		}
		return report(model, report, table.filename());
	}

	@PostMapping("/subjects/import/commit")
	String commit(@RequestParam String token, DataScope scope, Authentication auth, HttpSession session, Model model,
			RedirectAttributes redirect) {
		Optional<ImportTable<SubjectTemplate>> pending = PendingImport.take(session, PENDING, token,
				SubjectTemplate.class);
		if (pending.isEmpty()) {
			model.addAttribute("error", "这次导入已失效（已导入、已超时或已上传了新文件），请重新上传文件。");
			return page(model);
		}
		try {
			int written = this.imports.commit(pending.get(), scope, auth.getName());
			redirect.addFlashAttribute("message", "已导入 " + written + " 个风险主体。");
			return "redirect:/subjects/import";
		}
		catch (ImportRefused ex) {
			model.addAttribute("error", "确认导入时重新校验发现问题（数据在校验后发生了变化），未写入任何数据。");
			return report(model, ex.report(), pending.get().filename());
		}
		catch (Rejected ex) {
			model.addAttribute("error", ex.getMessage());
			return page(model);
		}
	}

	private static String report(Model model, ImportReport report, String filename) {
		model.addAttribute("report", report);
		model.addAttribute("filename", filename);
		model.addAttribute("commitUrl", "/subjects/import/commit");
		model.addAttribute("backUrl", "/subjects/import");
		return "import/report";
	}

}
