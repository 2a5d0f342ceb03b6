package org.fangfei.app.outreach;

import java.util.Map;
import java.util.function.Function;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Conflict;
import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.PageMoves;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

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
 * The materials library, volunteers and industry associations, each a list with its form
 * on the same page; an association's page takes its reports on members (which become
 * clues).
 */
@Controller
class SocialPages {

	private final Library library;

	private final SocialForces social;

	private final RegisterCorrections corrections;

	SocialPages(Library library, SocialForces social, RegisterCorrections corrections) {
		this.library = library;
		this.social = social;
		this.corrections = corrections;
	}

	@GetMapping("/outreach/materials")
	@PreAuthorize("hasAuthority('outreach:outreach:view')")
	String materials(@RequestParam(required = false) String text, @RequestParam(required = false) MaterialKind kind,
			@RequestParam(defaultValue = "1") int page, Actor actor, Model model) {
		return materialsPage(text, kind, page, Library.MaterialForm.blank(actor.regionCode()), Map.of(), actor, model);
	}

	@GetMapping("/outreach/materials/{id}/edit")
	@PreAuthorize("hasAuthority('outreach:outreach:edit')")
	String editMaterial(@PathVariable long id, Actor actor, Model model) {
		Library.Material m = this.corrections.material(id, actor);
		model.addAttribute("editing", m);
		return materialsPage(null, null, 1, m.form(), Map.of(), actor, model);
	}

	@PostMapping("/outreach/materials/{id}")
	@PreAuthorize("hasAuthority('outreach:outreach:edit')")
	String updateMaterial(@PathVariable long id, @RequestParam(required = false) Integer version,
			@ModelAttribute("form") Library.MaterialForm form, Actor actor, Model model, RedirectAttributes redirect) {
		return correct(() -> this.corrections.updateMaterial(id, version, form, actor), "/outreach/materials", redirect,
				errors -> {
					model.addAttribute("editing", this.corrections.material(id, actor));
					return materialsPage(null, null, 1, form, errors, actor, model);
				});
	}

	@PostMapping("/outreach/materials/{id}/delete")
	@PreAuthorize("hasAuthority('outreach:outreach:edit')")
	String deleteMaterial(@PathVariable long id, @RequestParam(required = false) Integer version, Actor actor,
			RedirectAttributes redirect) {
		return PageMoves.make("/outreach/materials", redirect, "已删除宣传资料",
				() -> this.corrections.deleteMaterial(id, version, actor));
	}

	@PostMapping("/outreach/materials")
	@PreAuthorize("hasAuthority('outreach:outreach:edit')")
	String addMaterial(@ModelAttribute("form") Library.MaterialForm form, Actor actor, Model model,
			RedirectAttributes redirect) {
		try {
			this.library.create(form, actor);
			redirect.addFlashAttribute("done", "已登记宣传资料");
			return "redirect:/outreach/materials";
		}
		catch (Rejected ex) {
			return materialsPage(null, null, 1, form, FormErrors.of(ex), actor, model);
		}
	}

	private String materialsPage(String text, MaterialKind kind, int page, Library.MaterialForm form,
			Map<String, String> errors, Actor actor, Model model) {
		model.addAttribute("text", text);
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", MaterialKind.values());
		model.addAttribute("result", this.library.search(text, kind, actor.scope(), PageRequest.of(page)));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("tab", "materials");
		return "outreach/materials";
	}

	@GetMapping("/outreach/volunteers")
	@PreAuthorize("hasAuthority('outreach:outreach:view')")
	String volunteers(@RequestParam(required = false) String text, @RequestParam(defaultValue = "1") int page,
			Actor actor, Model model) {
		return volunteersPage(text, page, SocialForces.VolunteerForm.blank(actor.regionCode()), Map.of(), actor, model);
	}

	@GetMapping("/outreach/volunteers/{id}/edit")
	@PreAuthorize("hasAuthority('outreach:outreach:edit')")
	String editVolunteer(@PathVariable long id, Actor actor, Model model) {
		SocialForces.Volunteer v = this.corrections.volunteer(id, actor);
		model.addAttribute("editing", v);
		return volunteersPage(null, 1, v.form(), Map.of(), actor, model);
	}

	@PostMapping("/outreach/volunteers/{id}")
	@PreAuthorize("hasAuthority('outreach:outreach:edit')")
	String updateVolunteer(@PathVariable long id, @RequestParam(required = false) Integer version,
			@ModelAttribute("form") SocialForces.VolunteerForm form, Actor actor, Model model,
			RedirectAttributes redirect) {
		return correct(() -> this.corrections.updateVolunteer(id, version, form, actor), "/outreach/volunteers",
				redirect, errors -> {
					model.addAttribute("editing", this.corrections.volunteer(id, actor));
					return volunteersPage(null, 1, form, errors, actor, model);
				});
	}

	@PostMapping("/outreach/volunteers/{id}/delete")
	@PreAuthorize("hasAuthority('outreach:outreach:edit')")
	String deleteVolunteer(@PathVariable long id, @RequestParam(required = false) Integer version, Actor actor,
			RedirectAttributes redirect) {
		try {
			boolean deleted = this.corrections.deleteVolunteer(id, version, actor);
			redirect.addFlashAttribute("done", deleted ? "已删除志愿者" : "该志愿者参加过宣传活动，记录须保留，已停用(不再出现在新活动的选项中)");
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
		}
		return "redirect:/outreach/volunteers";
	}

	@PostMapping("/outreach/volunteers/{id}/enabled")
	@PreAuthorize("hasAuthority('outreach:outreach:edit')")
	String enableVolunteer(@PathVariable long id, @RequestParam(required = false) Integer version,
			@RequestParam boolean enabled, Actor actor, RedirectAttributes redirect) {
		return PageMoves.make("/outreach/volunteers", redirect, enabled ? "已启用志愿者" : "已停用志愿者",
				() -> this.corrections.setEnabled(id, version, enabled, actor));
	}

	@PostMapping("/outreach/volunteers")
	@PreAuthorize("hasAuthority('outreach:outreach:edit')")
	String addVolunteer(@ModelAttribute("form") SocialForces.VolunteerForm form, Actor actor, Model model,
			RedirectAttributes redirect) {
		try {
			this.social.addVolunteer(form, actor);
			redirect.addFlashAttribute("done", "已登记志愿者");
			return "redirect:/outreach/volunteers";
		}
		catch (Rejected ex) {
			return volunteersPage(null, 1, form, FormErrors.of(ex), actor, model);
		}
	}

	private String volunteersPage(String text, int page, SocialForces.VolunteerForm form, Map<String, String> errors,
			Actor actor, Model model) {
		model.addAttribute("text", text);
		model.addAttribute("result", this.social.volunteers(text, actor.scope(), PageRequest.of(page)));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("tab", "volunteers");
		return "outreach/volunteers";
	}

	@GetMapping("/outreach/associations")
	@PreAuthorize("hasAuthority('outreach:outreach:view')")
	String associations(Actor actor, Model model) {
		return associationsPage(SocialForces.AssociationForm.blank(actor.regionCode()), Map.of(), actor, model);
	}

	@PostMapping("/outreach/associations")
	@PreAuthorize("hasAuthority('outreach:outreach:edit')")
	String addAssociation(@ModelAttribute("form") SocialForces.AssociationForm form, Actor actor, Model model,
			RedirectAttributes redirect) {
		try {
			long id = this.social.addAssociation(form, actor);
			redirect.addFlashAttribute("done", "已登记行业协会");
			return "redirect:/outreach/associations/" + id;
		}
		catch (Rejected ex) {
			return associationsPage(form, FormErrors.of(ex), actor, model);
		}
	}

	private String associationsPage(SocialForces.AssociationForm form, Map<String, String> errors, Actor actor,
			Model model) {
		model.addAttribute("associations", this.social.associations(actor.scope()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("tab", "associations");
		return "outreach/associations";
	}

	@GetMapping("/outreach/associations/{id}")
	@PreAuthorize("hasAuthority('outreach:outreach:view')")
	String association(@PathVariable long id, Actor actor, Model model) {
		return associationPage(id, new SocialForces.ReportForm("", actor.regionCode(), Times.today(), "", ""), Map.of(),
				actor, model);
	}

	@GetMapping("/outreach/associations/{id}/edit")
	@PreAuthorize("hasAuthority('outreach:outreach:edit')")
	String editAssociation(@PathVariable long id, Actor actor, Model model) {
		SocialForces.Association a = this.corrections.association(id, actor);
		model.addAttribute("editing", a);
		return associationsPage(a.form(), Map.of(), actor, model);
	}

	@PostMapping("/outreach/associations/{id}")
	@PreAuthorize("hasAuthority('outreach:outreach:edit')")
	String updateAssociation(@PathVariable long id, @RequestParam(required = false) Integer version,
			@ModelAttribute("form") SocialForces.AssociationForm form, Actor actor, Model model,
			RedirectAttributes redirect) {
		return correct(() -> this.corrections.updateAssociation(id, version, form, actor),
				"/outreach/associations/" + id, redirect, errors -> {
					model.addAttribute("editing", this.corrections.association(id, actor));
					return associationsPage(form, errors, actor, model);
				});
	}

	@PostMapping("/outreach/associations/{id}/delete")
	@PreAuthorize("hasAuthority('outreach:outreach:edit')")
	String deleteAssociation(@PathVariable long id, @RequestParam(required = false) Integer version, Actor actor,
			RedirectAttributes redirect) {
		try {
			this.corrections.deleteAssociation(id, version, actor);
			redirect.addFlashAttribute("done", "已删除行业协会");
			return "redirect:/outreach/associations";
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
			return "redirect:/outreach/associations/" + id;
		}
	}

	@PostMapping("/outreach/associations/{id}/reports")
	@PreAuthorize("hasAuthority('outreach:outreach:edit') and hasAuthority('clue:clue:intake')")
	String report(@PathVariable long id, @ModelAttribute("form") SocialForces.ReportForm form, Actor actor, Model model,
			RedirectAttributes redirect) {
		try {
			this.social.report(id, form, actor);
			redirect.addFlashAttribute("done", "已登记协会报告并转为线索");
			return "redirect:/outreach/associations/" + id;
		}
		catch (Rejected ex) {
			return associationPage(id, form, FormErrors.of(ex), actor, model);
		}
	}

	private String associationPage(long id, SocialForces.ReportForm form, Map<String, String> errors, Actor actor,
			Model model) {
		SocialForces.Association a = this.social.association(id, actor.scope());
		model.addAttribute("s", a);
		model.addAttribute("correctable",
				actor.can(Activities.EDIT) && OutreachScope.mayCorrect(actor, a.departmentId()));
		model.addAttribute("reports", this.social.reports(id, actor.scope()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("tab", "associations");
		return "outreach/association";
	}

	/**
	 * Saves a correction of a register's record: back to {@code back} when saved, and
	 * when someone else changed or deleted the record first ({@link Conflict}: the form
	 * would show what is no longer there); the form again with its errors when refused.
	 */
	private static String correct(Runnable save, String back, RedirectAttributes redirect,
			Function<Map<String, String>, String> formAgain) {
		try {
			save.run();
			redirect.addFlashAttribute("done", "已保存修改");
			return "redirect:" + back;
		}
		catch (Conflict ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
			return "redirect:" + back;
		}
		catch (Rejected ex) {
			return formAgain.apply(FormErrors.of(ex));
		}
	}

}
