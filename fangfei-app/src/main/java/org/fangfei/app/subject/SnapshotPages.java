package org.fangfei.app.subject;

import org.fangfei.app.shared.DataScope;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The 动态管理台账 page: the months taken, taking this month's, and comparing two months within
 * the caller's scope; each month and each comparison can be downloaded as .xlsx.
 */
@Controller
class SnapshotPages {

	/** Lists longer than this are cut short on the page; the download has them all. */
	static final int SHOWN = 500;

	private final SubjectSnapshots snapshots;

	SnapshotPages(SubjectSnapshots snapshots) {
		this.snapshots = snapshots;
	}

	@GetMapping("/subjects/snapshots")
	@PreAuthorize("hasAuthority('subject:subject:view')")
	String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to, DataScope scope,
			Model model) {
		if (from != null && to != null && !from.isBlank() && !to.isBlank()) {
			try {
				model.addAttribute("comparison", this.snapshots.compare(from, to, scope));
			}
			catch (Rejected ex) {
				model.addAttribute("error", ex.getMessage());
			}
		}
		return page(model, from, to);
	}

	@PostMapping("/subjects/snapshots")
	@PreAuthorize("hasAuthority('subject:snapshot:take')")
	String take(@RequestParam(required = false) String month, Authentication auth, Model model,
			RedirectAttributes redirect) {
		try {
			SubjectSnapshots.Run run = this.snapshots.take(month, auth.getName());
			redirect.addFlashAttribute("message", "已生成 " + run.month() + " 动态管理台账，共 " + run.subjects() + " 个风险主体。");
			return "redirect:/subjects/snapshots";
		}
		catch (Rejected ex) {
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("month", month);
			return page(model, null, null);
		}
	}

	@GetMapping("/subjects/snapshots/export")
	@PreAuthorize("hasAuthority('subject:subject:export')")
	ResponseEntity<byte[]> exportMonth(@RequestParam String month, DataScope scope) {
		byte[] xlsx = this.snapshots.exportLedger(month, scope);
		return Uploads.xlsx("动态管理台账-" + month.trim() + ".xlsx", xlsx);
	}

	@GetMapping("/subjects/snapshots/compare/export")
	@PreAuthorize("hasAuthority('subject:subject:export')")
	ResponseEntity<byte[]> exportComparison(@RequestParam String from, @RequestParam String to, DataScope scope) {
		byte[] xlsx = this.snapshots.exportComparison(from, to, scope);
		return Uploads.xlsx(SubjectExport.filename("动态管理台账对比"), xlsx);
	}

	private String page(Model model, String from, String to) {
		var runs = this.snapshots.runs();
		model.addAttribute("runs", runs);
		model.addAttribute("currentMonth", SubjectSnapshots.currentMonth());
		model.addAttribute("from", from != null ? from : runs.size() > 1 ? runs.get(1).month() : "");
		model.addAttribute("to", to != null ? to : runs.isEmpty() ? "" : runs.get(0).month());
		model.addAttribute("shown", SHOWN);
		return "subjects/snapshots";
	}

}
