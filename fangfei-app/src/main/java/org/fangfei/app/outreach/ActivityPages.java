package org.fangfei.app.outreach;

import java.util.List;
import java.util.Map;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Conflict;
import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Outreach activities: the list with its filters, the form with photos, one activity, the
 * plan.
 */
@Controller
class ActivityPages {

	private final Activities activities;

	private final Plans plans;

	private final Library library;

	private final SocialForces social;

	private final ActivityCorrections corrections;

	ActivityPages(Activities activities, Plans plans, Library library, SocialForces social,
			ActivityCorrections corrections) {
		this.activities = activities;
		this.corrections = corrections;
		this.plans = plans;
		this.library = library;
		this.social = social;
	}

	@GetMapping("/outreach")
	@PreAuthorize("hasAuthority('outreach:outreach:view')")
	String list(@ModelAttribute("q") Activities.ActivityQuery q, @RequestParam(defaultValue = "1") int page,
			Actor actor, Model model) {
		model.addAttribute("result", this.activities.search(q, OutreachScope.of(actor), PageRequest.of(page)));
		model.addAttribute("venues", Venue.values());
		model.addAttribute("tab", "activities");
		return "outreach/activities";
	}

	@GetMapping("/outreach/activities/new")
	@PreAuthorize("hasAuthority('outreach:outreach:edit')")
	String newActivity(Actor actor, Model model) {
		return form(model, Activities.ActivityForm.blank(actor.regionCode()), null, actor, null);
	}

	@PostMapping("/outreach/activities")
	@PreAuthorize("hasAuthority('outreach:outreach:edit')")
	String create(@ModelAttribute("form") Activities.ActivityForm form,
			@RequestParam(name = "photos", required = false) List<MultipartFile> photos, Actor actor, Model model,
			RedirectAttributes redirect) {
		try {
			long id = this.activities.create(form, ActivityPhotos.clean(photos), actor);
			redirect.addFlashAttribute("done", "已登记宣传活动");
			return "redirect:/outreach/activities/" + id;
		}
		catch (Rejected ex) {
			return form(model, form, FormErrors.of(ex), actor, null);
		}
	}

	@GetMapping("/outreach/activities/{id}/edit")
	@PreAuthorize("hasAuthority('outreach:outreach:edit')")
	String edit(@PathVariable long id, Actor actor, Model model) {
		ActivityCorrections.Editing editing = this.corrections.editing(id, actor);
		return form(model, editing.form(), null, actor, editing);
	}

	@PostMapping("/outreach/activities/{id}")
	@PreAuthorize("hasAuthority('outreach:outreach:edit')")
	String update(@PathVariable long id, @RequestParam(required = false) Integer version,
			@ModelAttribute("form") Activities.ActivityForm form,
			@RequestParam(name = "removePhotos", required = false) List<Long> removePhotos,
			@RequestParam(name = "photos", required = false) List<MultipartFile> photos, Actor actor, Model model,
			RedirectAttributes redirect) {
		try {
			this.corrections.update(id, version, form, removePhotos, ActivityPhotos.clean(photos), actor);
			redirect.addFlashAttribute("done", "已保存修改");
			return "redirect:/outreach/activities/" + id;
		}
		catch (Conflict ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
			return "redirect:/outreach/activities/" + id + "/edit";
		}
		catch (Rejected ex) {
			ActivityCorrections.Editing editing = this.corrections.editing(id, actor);
			return form(model, form, FormErrors.of(ex), actor, editing);
		}
	}

	@PostMapping("/outreach/activities/{id}/delete")
	@PreAuthorize("hasAuthority('outreach:outreach:edit')")
	String delete(@PathVariable long id, @RequestParam(required = false) Integer version, Actor actor,
			RedirectAttributes redirect) {
		try {
			this.corrections.delete(id, version, actor);
			redirect.addFlashAttribute("done", "已删除宣传活动");
			return "redirect:/outreach";
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
			return "redirect:/outreach/activities/" + id;
		}
	}

	@GetMapping("/outreach/activities/{id}")
	@PreAuthorize("hasAuthority('outreach:outreach:view')")
	String show(@PathVariable long id, Actor actor, Model model) {
		Activities.OutreachActivity a = this.activities.get(id, OutreachScope.of(actor));
		model.addAttribute("a", a);
		model.addAttribute("correctable",
				actor.can(Activities.EDIT) && OutreachScope.mayCorrect(actor, a.departmentId()));
		model.addAttribute("parts", this.activities.parts(id));
		model.addAttribute("tab", "activities");
		return "outreach/activity";
	}

	@GetMapping("/outreach/activities/{id}/photos/{photo}")
	@PreAuthorize("hasAuthority('outreach:outreach:view')")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photo, Actor actor) {
		ActivityPhotos.Photo p = this.activities.photo(id, photo, OutreachScope.of(actor));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(p.contentType()))
			.cacheControl(CacheControl.noStore())
			.body(p.bytes());
	}

	@GetMapping("/outreach/plan")
	@PreAuthorize("hasAuthority('outreach:outreach:view')")
	String plan(@RequestParam(required = false) Integer year, Actor actor, Model model) {
		int y = year == null || year < 2000 || year > 2099 ? Times.today().getYear() : year;
		model.addAttribute("year", y);
		model.addAttribute("rows", this.plans.year(y, actor.scope()));
		model.addAttribute("venues", this.plans.venues(y, actor.scope()));
		model.addAttribute("tab", "plan");
		return "outreach/plan";
	}

	@PostMapping("/outreach/plan")
	@PreAuthorize("hasAuthority('outreach:plan:edit')")
	String setPlan(@RequestParam int year, @RequestParam(required = false) String regionCode,
			@RequestParam(required = false) Integer plannedCount, @RequestParam(required = false) Integer plannedReach,
			Actor actor, RedirectAttributes redirect) {
		try {
			this.plans.set(year, regionCode, plannedCount, plannedReach, actor);
			redirect.addFlashAttribute("done", "已保存计划");
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
		}
		return "redirect:/outreach/plan?year=" + year;
	}

	private String form(Model model, Activities.ActivityForm form, Map<String, String> errors, Actor actor,
			ActivityCorrections.Editing editing) {
		model.addAttribute("form", form);
		model.addAttribute("editing", editing);
		model.addAttribute("errors", errors == null ? Map.of() : errors);
		model.addAttribute("venues", Venue.values());
		model.addAttribute("forms", OutreachForm.values());
		model.addAttribute("materials", this.library.choices(actor.scope()));
		model.addAttribute("volunteers",
				this.social.volunteers(null, actor.scope(), PageRequest.of(1, PageRequest.MAX_SIZE))
					.items()
					.stream()
					.filter(v -> v.enabled() || form.volunteerIds().contains(v.id()))
					.toList());
		model.addAttribute("associations", this.social.associations(actor.scope()));
		model.addAttribute("tab", "activities");
		return "outreach/activity-form";
	}

}
