package org.fangfei.app.clue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.Rejected;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Meetings: the list, a meeting with the clues it decided, and the form that records one.
 */
@Controller
class MeetingPages {

	/** Rows of clue decisions offered on the form. */
	static final int DECISION_ROWS = 8;

	private final Meetings meetings;

	MeetingPages(Meetings meetings) {
		this.meetings = meetings;
	}

	@GetMapping("/meetings")
	@PreAuthorize("hasAuthority('clue:clue:view')")
	String list(Actor actor, Model model) {
		model.addAttribute("meetings", this.meetings.list(actor));
		return "clues/meetings";
	}

	@GetMapping("/meetings/{id}")
	@PreAuthorize("hasAuthority('clue:clue:view')")
	String show(@PathVariable long id, Actor actor, Model model) {
		model.addAttribute("meeting", this.meetings.get(id, actor));
		return "clues/meeting";
	}

	@GetMapping("/meetings/new")
	@PreAuthorize("hasAuthority('clue:meeting:edit')")
	String newMeeting(@RequestParam(required = false) String clue, Model model) {
		List<Meetings.Decision> rows = new ArrayList<>();
		rows.add(new Meetings.Decision(clue == null ? "" : clue, null, ""));
		return form(model, new Meetings.MeetingForm(MeetingKind.ASSESSMENT, LocalDate.now(), "", "", "", rows), null);
	}

	@PostMapping("/meetings")
	@PreAuthorize("hasAuthority('clue:meeting:edit')")
	String record(@RequestParam(required = false) MeetingKind kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
			@RequestParam(required = false) String title, @RequestParam(required = false) String attendees,
			@RequestParam(required = false) String minutes,
			@RequestParam(name = "clueCode", required = false) List<String> codes,
			@RequestParam(name = "determination", required = false) List<String> determinations,
			@RequestParam(name = "decisionNote", required = false) List<String> notes, Actor actor, Model model) {
		List<Meetings.Decision> decisions = new ArrayList<>();
		int rows = codes == null ? 0 : codes.size();
		for (int i = 0; i < rows; i++) {
			String d = at(determinations, i);
			decisions.add(new Meetings.Decision(codes.get(i), determinationOf(d), at(notes, i)));
		}
		Meetings.MeetingForm form = new Meetings.MeetingForm(kind, heldOn, title, attendees, minutes, decisions);
		try {
			return "redirect:/meetings/" + this.meetings.record(form, actor);
		}
		catch (Rejected ex) {
			return form(model, form, FormErrors.of(ex));
		}
	}

	private static Determination determinationOf(String value) {
		return java.util.Arrays.stream(Determination.values())
			.filter(d -> d.name().equals(value))
			.findFirst()
			.orElse(null);
	}

	private static String at(List<String> values, int i) {
		return values == null || i >= values.size() || values.get(i) == null ? "" : values.get(i);
	}

	private static String form(Model model, Meetings.MeetingForm form, Map<String, String> errors) {
		List<Meetings.Decision> rows = new ArrayList<>(form.decisions());
		while (rows.size() < DECISION_ROWS) {
			rows.add(new Meetings.Decision("", null, ""));
		}
		model.addAttribute("form", form);
		model.addAttribute("rows", rows);
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", MeetingKind.values());
		model.addAttribute("determinations", Determination.values());
		return "clues/meeting-form";
	}

}
