package org.fangfei.app.subject;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.fangfei.app.organisation.Sectors;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Rejected;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Ledger list with filters, the subject page with every section other modules contribute,
 * the registration form, and the review of subjects flagged under 条例 art. 9.
 */
@Controller
class SubjectPages {

	private final Subjects subjects;

	private final Sectors sectors;

	private final Schemes schemes;

	private final List<SubjectSection> sections;

	SubjectPages(Subjects subjects, Sectors sectors, Schemes schemes, List<SubjectSection> sections) {
		this.subjects = subjects;
		this.sectors = sectors;
		this.schemes = schemes;
		this.sections = sections.stream().sorted(Comparator.comparingInt(SubjectSection::order)).toList();
	}

	@GetMapping("/subjects")
	@PreAuthorize("hasAuthority('subject:subject:view')")
	String list(@ModelAttribute("q") SubjectQuery q, @RequestParam(defaultValue = "1") int page, DataScope scope,
			Model model) {
		model.addAttribute("result", this.subjects.search(q, scope, PageRequest.of(page)));
		addChoices(model);
		return "subjects/list";
	}

	@GetMapping("/subjects/{id}")
	@PreAuthorize("hasAuthority('subject:subject:view')")
	String show(@PathVariable long id, DataScope scope, Model model) {
		model.addAttribute("subject", this.subjects.get(id, scope));
		model.addAttribute("sections",
				this.sections.stream().map(s -> Map.entry(s.title(), s.facts(id, scope))).toList());
		return "subjects/show";
	}

	@GetMapping("/subjects/new")
	@PreAuthorize("hasAuthority('subject:subject:edit')")
	String newSubject(@RequestParam(required = false) String regionCode,
			@RequestParam(required = false) Long buildingId, Model model) {
		SubjectForm blank = SubjectForm.blank();
		SubjectForm form = new SubjectForm(blank.kind(), "", "", "", "", "", "", buildingId, "",
				regionCode == null ? "" : regionCode, null, null, null, null, blank.status(), "", "");
		return form(model, form, null, null);
	}

	@PostMapping("/subjects")
	@PreAuthorize("hasAuthority('subject:subject:edit')")
	String create(@Valid @ModelAttribute("form") SubjectForm form, BindingResult binding, DataScope scope,
			Authentication auth, Model model) {
		if (binding.hasErrors()) {
			return form(model, form, null, FormErrors.of(binding));
		}
		try {
			return "redirect:/subjects/" + this.subjects.create(form, scope, auth.getName()).id();
		}
		catch (Rejected ex) {
			return form(model, form, null, FormErrors.of(ex));
		}
	}

	@GetMapping("/subjects/{id}/edit")
	@PreAuthorize("hasAuthority('subject:subject:edit')")
	String edit(@PathVariable long id, DataScope scope, Model model) {
		Subject s = this.subjects.get(id, scope);
		SubjectForm form = new SubjectForm(s.kind(), s.name(), s.creditCode(), "", s.legalRepresentative(),
				s.registeredAddress(), s.businessAddress(), s.buildingId(), s.unit(), s.regionCode(), s.gridId(),
				s.sectorCode(), s.schemeCode(), s.riskLevel(), s.status(), s.businessScope(), s.notes());
		return form(model, form, s, null);
	}

	@PostMapping("/subjects/{id}")
	@PreAuthorize("hasAuthority('subject:subject:edit')")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") SubjectForm form, BindingResult binding,
			DataScope scope, Model model) {
		Subject existing = this.subjects.get(id, scope);
		if (binding.hasErrors()) {
			return form(model, form, existing, FormErrors.of(binding));
		}
		try {
			this.subjects.update(id, form, scope);
			return "redirect:/subjects/" + id;
		}
		catch (Rejected ex) {
			return form(model, form, existing, FormErrors.of(ex));
		}
	}

	@GetMapping("/subjects/review")
	@PreAuthorize("hasAuthority('subject:word:review')")
	String reviewList(@RequestParam(defaultValue = "1") int page, DataScope scope, Model model) {
		SubjectQuery flagged = new SubjectQuery(null, null, null, null, null, null, null, true);
		model.addAttribute("result", this.subjects.search(flagged, scope, PageRequest.of(page)));
		return "subjects/review";
	}

	@PostMapping("/subjects/{id}/review")
	@PreAuthorize("hasAuthority('subject:word:review')")
	String review(@PathVariable long id, @RequestParam Subject.WordReview decision, DataScope scope) {
		this.subjects.review(id, decision, scope);
		return "redirect:/subjects/review";
	}

	private String form(Model model, SubjectForm form, Subject existing, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("subject", existing);
		model.addAttribute("errors", errors);
		addChoices(model);
		return "subjects/form";
	}

	private void addChoices(Model model) {
		model.addAttribute("kinds", SubjectKind.values());
		model.addAttribute("statuses", SubjectStatus.values());
		model.addAttribute("riskLevels", RiskLevel.values());
		model.addAttribute("sectors", this.sectors.all());
		model.addAttribute("schemes", this.schemes.all());
	}

}
