package org.fangfei.app.outreach;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;
import org.fangfei.app.shared.Uploads;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Typical cases: the staff's list, writing one from a closed case and editing it, the
 * year's booklet (.docx), and the public pages under {@code /learn/cases} (published
 * cases only, no account).
 */
@Controller
class TypicalCasePages {

	static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

	private final TypicalCases cases;

	private final AuditLog audit;

	TypicalCasePages(TypicalCases cases, AuditLog audit) {
		this.cases = cases;
		this.audit = audit;
	}

	@GetMapping("/outreach/cases")
	@PreAuthorize("hasAuthority('outreach:outreach:view')")
	String list(@RequestParam(required = false) Integer year, Actor actor, Model model) {
		model.addAttribute("year", year);
		model.addAttribute("years", this.cases.years(actor.scope()));
		model.addAttribute("cases", this.cases.list(year, actor.scope()));
		model.addAttribute("candidates", actor.can(Activities.EDIT) ? this.cases.candidates(actor.scope()) : List.of());
		model.addAttribute("bookletYear", year == null ? Times.today().getYear() : year);
		model.addAttribute("tab", "cases");
		return "outreach/cases";
	}

	@GetMapping("/outreach/cases/new")
	@PreAuthorize("hasAuthority('outreach:outreach:edit')")
	String newCase(@RequestParam long caseId, Actor actor, Model model) {
		return form(model, this.cases.draft(caseId, actor.scope()), null, Map.of());
	}

	@PostMapping("/outreach/cases")
	@PreAuthorize("hasAuthority('outreach:outreach:edit')")
	String create(@ModelAttribute("form") TypicalCases.TypicalCaseForm form, Actor actor, Model model,
			RedirectAttributes redirect) {
		try {
			long id = this.cases.create(form, actor);
			redirect.addFlashAttribute("done", "已保存典型案例");
			return "redirect:/outreach/cases/" + id;
		}
		catch (Rejected ex) {
			return form(model, form, null, FormErrors.of(ex));
		}
	}

	@GetMapping("/outreach/cases/{id}")
	@PreAuthorize("hasAuthority('outreach:outreach:view')")
	String edit(@PathVariable long id, Actor actor, Model model) {
		TypicalCases.TypicalCase t = this.cases.get(id, actor.scope());
		return form(model, new TypicalCases.TypicalCaseForm(t.caseId(), t.title(), t.scheme(), t.howFound(),
				t.outcome(), t.law(), t.lessons(), t.published()), t, Map.of());
	}

	@PostMapping("/outreach/cases/{id}")
	@PreAuthorize("hasAuthority('outreach:outreach:edit')")
	String update(@PathVariable long id, @RequestParam(required = false) Integer version,
			@ModelAttribute("form") TypicalCases.TypicalCaseForm form, Actor actor, Model model,
			RedirectAttributes redirect) {
		try {
			this.cases.update(id, version, form, actor);
			redirect.addFlashAttribute("done", "已保存典型案例");
			return "redirect:/outreach/cases/" + id;
		}
		catch (Rejected ex) {
			return form(model, form, this.cases.get(id, actor.scope()), FormErrors.of(ex));
		}
	}

	@Transactional
	@GetMapping("/outreach/cases/booklet")
	@PreAuthorize("hasAuthority('outreach:outreach:export')")
	ResponseEntity<byte[]> booklet(@RequestParam(required = false) Integer year) {
		int y = year == null || year < 2000 || year > 2099 ? Times.today().getYear() : year;
		List<TypicalCases.TypicalCase> published = this.cases.published(y);
		String title = y + "年度防范和处置非法集资典型案例汇编";
		byte[] docx = CaseBooklet.write(title, published);
		this.audit.success("EXPORT", "typical_case", null, "导出" + title + "，" + published.size() + " 个案例", null, null);
		return Uploads.download(y + "年典型案例汇编.docx", DOCX, docx);
	}

	private String form(Model model, TypicalCases.TypicalCaseForm form, TypicalCases.TypicalCase existing,
			Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("existing", existing);
		model.addAttribute("errors", errors == null ? Map.of() : errors);
		model.addAttribute("tab", "cases");
		return "outreach/case-form";
	}

	@GetMapping("/learn/cases")
	String publicList(Model model) {
		model.addAttribute("cases", this.cases.published(null));
		return "learn/cases";
	}

	@GetMapping("/learn/cases/{id}")
	String publicCase(@PathVariable long id, Model model, HttpServletResponse response) {
		var found = this.cases.publishedOne(id);
		if (found.isEmpty()) {
			response.setStatus(404);
			model.addAttribute("cases", this.cases.published(null));
			model.addAttribute("error", "该案例不存在或未公开");
			return "learn/cases";
		}
		model.addAttribute("c", found.get());
		return "learn/case";
	}

}
