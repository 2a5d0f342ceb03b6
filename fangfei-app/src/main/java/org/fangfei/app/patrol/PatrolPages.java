package org.fangfei.app.patrol;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.subject.SubjectKind;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * The phone-first patrol form, the patrol page and its photos, and the place picker the
 * form loads with htmx.
 */
@Controller
class PatrolPages {

	private final Patrols patrols;

	private final PatrolTargets targets;

	PatrolPages(Patrols patrols, PatrolTargets targets) {
		this.patrols = patrols;
		this.targets = targets;
	}

	@GetMapping("/patrols/new")
	@PreAuthorize("hasAuthority('patrol:patrol:create')")
	String newPatrol(@RequestParam(required = false) Long subjectId, DataScope scope, Model model) {
		LocalDateTime now = LocalDateTime.now(Patrols.ZONE).truncatedTo(ChronoUnit.MINUTES);
		return form(model, PatrolForm.blank(subjectId, now), subjectId == null ? null : "subject:" + subjectId, scope,
				null);
	}

	@PostMapping("/patrols")
	@PreAuthorize("hasAuthority('patrol:patrol:create')")
	String create(@Valid @ModelAttribute("form") PatrolForm form, BindingResult binding,
			@RequestParam(required = false) String target,
			@RequestParam(name = "photos", required = false) List<MultipartFile> photos, DataScope scope,
			Authentication auth, Model model) {
		if (binding.hasErrors()) {
			return form(model, form, target, scope, FormErrors.of(binding));
		}
		try {
			List<Photo> checked = Photo.of(photos);
			Patrol patrol = this.patrols.record(aimed(form, target), checked, scope, auth.getName());
			return "redirect:/patrols/" + patrol.id();
		}
		catch (Rejected ex) {
			return form(model, form, target, scope, FormErrors.of(ex));
		}
	}

	/**
	 * The form aimed at the picked place: {@code subject:<id>}, {@code building:<id>} or
	 * {@code new}.
	 */
	static PatrolForm aimed(PatrolForm form, String target) {
		if (target == null || target.isBlank() || target.equals("new")) {
			return form.at(null, null);
		}
		String[] parts = target.split(":", 2);
		if (parts.length == 2 && parts[1].matches("[0-9]{1,18}")) {
			long id = Long.parseLong(parts[1]);
			if (parts[0].equals("subject")) {
				return form.at(id, null);
			}
			if (parts[0].equals("building")) {
				return form.at(null, id);
			}
		}
		throw new Rejected("走访对象不正确，请重新选择", Map.of("target", "走访对象不正确，请重新选择"));
	}

	@GetMapping("/patrols/places")
	@PreAuthorize("hasAuthority('patrol:patrol:create')")
	String places(@RequestParam(required = false) String q, DataScope scope, Model model) {
		model.addAttribute("choices", this.targets.search(q, scope));
		model.addAttribute("target", null);
		return "patrols/places :: choices";
	}

	@GetMapping("/patrols/{id}")
	@PreAuthorize("hasAuthority('patrol:patrol:view')")
	String show(@PathVariable long id, DataScope scope, Model model) {
		model.addAttribute("patrol", this.patrols.get(id, scope));
		model.addAttribute("questions", Question.values());
		return "patrols/show";
	}

	/**
	 * A photo, shown inline and never sniffed as anything but the image it was checked to
	 * be.
	 */
	@GetMapping("/patrols/{id}/photos/{photoId}")
	@PreAuthorize("hasAuthority('patrol:patrol:view')")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId, DataScope scope) {
		return photoResponse(this.patrols.photo(id, photoId, scope), photoId);
	}

	static ResponseEntity<byte[]> photoResponse(Photo photo, long photoId) {
		String extension = photo.contentType().equals("image/png") ? ".png" : ".jpg";
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(photo.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("patrol-photo-" + photoId + extension).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(photo.bytes());
	}

	private String form(Model model, PatrolForm form, String target, DataScope scope, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("target", target);
		model.addAttribute("picked", picked(target, scope));
		model.addAttribute("errors", errors);
		model.addAttribute("questions", Question.values());
		model.addAttribute("kinds", SubjectKind.values());
		model.addAttribute("villages", this.targets.villages(scope));
		model.addAttribute("maxVisitedAt", LocalDateTime.now(Patrols.ZONE).truncatedTo(ChronoUnit.MINUTES));
		return "patrols/form";
	}

	/**
	 * The subject offered first, when the worker came from its page or picked it before.
	 */
	private PatrolTargets.Choice picked(String target, DataScope scope) {
		if (target == null || !target.matches("subject:[0-9]{1,18}")) {
			return null;
		}
		try {
			return this.targets.choiceOf(Long.parseLong(target.substring(8)), scope);
		}
		catch (NotFound ex) {
			return null;
		}
	}

}
