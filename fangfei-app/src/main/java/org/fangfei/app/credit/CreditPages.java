package org.fangfei.app.credit;

import java.util.List;
import java.util.Map;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Exports;
import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Uploads;
import org.fangfei.app.subject.SubjectKind;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The credit list with its filters and export, one entry with its repair applications,
 * the department query, the query log and the county's settings.
 */
@Controller
class CreditPages {

	private final CreditEntries entries;

	private final CreditRepairs repairs;

	private final CreditLookups lookups;

	private final CreditSettings settings;

	CreditPages(CreditEntries entries, CreditRepairs repairs, CreditLookups lookups, CreditSettings settings) {
		this.entries = entries;
		this.repairs = repairs;
		this.lookups = lookups;
		this.settings = settings;
	}

	@GetMapping("/credit")
	@PreAuthorize("hasAuthority('credit:entry:view')")
	String list(@ModelAttribute("q") CreditQuery q, @RequestParam(defaultValue = "1") int page, Actor actor,
			Model model) {
		try {
			model.addAttribute("result", this.entries.search(q, actor.scope(), PageRequest.of(page)));
		}
		catch (Rejected ex) {
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("result", PageRequest.of(1).pageOf(List.of(), 0));
		}
		model.addAttribute("statuses", EntryStatus.values());
		model.addAttribute("kinds", BasisKind.values());
		model.addAttribute("subjectKinds", SubjectKind.values());
		model.addAttribute("pending", actor.can(RepairNeedsOfficeHead.APPROVE) || actor.can(CreditRepairs.APPLY)
				? this.repairs.pending(actor.scope()).size() : 0);
		return "credit/list";
	}

	@GetMapping("/credit/export")
	@PreAuthorize("hasAuthority('credit:entry:export')")
	ResponseEntity<byte[]> export(@ModelAttribute("q") CreditQuery q, Actor actor) {
		return Uploads.xlsx(Exports.filename("失信名单"), this.entries.export(q, actor.scope()));
	}

	@GetMapping("/credit/{id:\\d+}")
	@PreAuthorize("hasAuthority('credit:entry:view')")
	String show(@PathVariable long id, Actor actor, Model model) {
		model.addAttribute("e", this.entries.get(id, actor.scope()));
		model.addAttribute("repairs", this.repairs.ofEntry(id));
		return "credit/show";
	}

	@PostMapping("/credit/{id:\\d+}/repairs")
	@PreAuthorize("hasAuthority('credit:repair:apply')")
	String apply(@PathVariable long id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String docNumber, Actor actor, RedirectAttributes redirect) {
		try {
			this.repairs.apply(id, reason, docNumber, actor);
			redirect.addFlashAttribute("done", "已提交信用修复申请，待处非办负责人审批");
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
		}
		return "redirect:/credit/" + id;
	}

	@PostMapping("/credit/repairs/{rid:\\d+}/decision")
	@PreAuthorize("hasAuthority('credit:repair:approve')")
	String decide(@PathVariable long rid, @RequestParam long entryId, @RequestParam boolean approve,
			@RequestParam(required = false) String note, Actor actor, RedirectAttributes redirect) {
		try {
			this.repairs.decide(rid, approve, note, actor);
			redirect.addFlashAttribute("done", approve ? "已批准信用修复，该主体移出失信名单" : "已决定不予修复");
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
		}
		return "redirect:/credit/" + entryId;
	}

	@GetMapping("/credit/repairs")
	@PreAuthorize("hasAuthority('credit:repair:apply') or hasAuthority('credit:repair:approve')")
	String pending(Actor actor, Model model) {
		model.addAttribute("repairs", this.repairs.pending(actor.scope()));
		return "credit/repairs";
	}

	@GetMapping("/credit/query")
	@PreAuthorize("hasAuthority('credit:entry:query')")
	String queryForm(Model model) {
		model.addAttribute("keys", KeyKind.values());
		model.addAttribute("key", KeyKind.NAME);
		model.addAttribute("value", "");
		return "credit/query";
	}

	/**
	 * The question is posted, so an ID number never stands in a URL (history, proxies,
	 * access logs), and it is not written back into the form.
	 */
	@PostMapping("/credit/query")
	@PreAuthorize("hasAuthority('credit:entry:query')")
	String query(@RequestParam(required = false) KeyKind key, @RequestParam(required = false) String value, Actor actor,
			Model model) {
		model.addAttribute("keys", KeyKind.values());
		model.addAttribute("key", key == null ? KeyKind.NAME : key);
		model.addAttribute("value", key == KeyKind.ID_NUMBER || value == null ? "" : value);
		try {
			model.addAttribute("answer", this.lookups.ask(key, value, actor, "PAGE"));
		}
		catch (Rejected ex) {
			model.addAttribute("error", ex.getMessage());
		}
		return "credit/query";
	}

	@GetMapping("/credit/log")
	@PreAuthorize("hasAuthority('credit:log:view')")
	String log(@RequestParam(defaultValue = "1") int page, Actor actor, Model model) {
		model.addAttribute("result", this.lookups.log(actor.scope(), PageRequest.of(page)));
		return "credit/log";
	}

	@GetMapping("/credit/settings")
	@PreAuthorize("hasAuthority('credit:setting:edit')")
	String settings(Model model) {
		model.addAttribute("settings", this.settings.all());
		model.addAttribute("errors", Map.of());
		return "credit/settings";
	}

	@PostMapping("/credit/settings")
	@PreAuthorize("hasAuthority('credit:setting:edit')")
	String saveSettings(@RequestParam Map<String, String> values, Model model, RedirectAttributes redirect) {
		try {
			this.settings.update(values);
			redirect.addFlashAttribute("done", "已保存");
			return "redirect:/credit/settings";
		}
		catch (Rejected ex) {
			model.addAttribute("settings", this.settings.all());
			model.addAttribute("errors", FormErrors.of(ex));
			model.addAttribute("error", ex.getMessage());
			return "credit/settings";
		}
	}

}
