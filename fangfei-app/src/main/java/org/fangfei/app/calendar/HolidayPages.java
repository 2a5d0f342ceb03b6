package org.fangfei.app.calendar;

import java.util.List;

import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The holiday settings page: a year's table and calendar for the office and the system
 * administrator; adding, changing, deleting and pasting for the administrator only.
 */
@Controller
class HolidayPages {

	private final Holidays holidays;

	HolidayPages(Holidays holidays) {
		this.holidays = holidays;
	}

	@GetMapping("/settings/holidays")
	@PreAuthorize("hasAuthority('system:calendar:view')")
	String page(@RequestParam(required = false) Integer year, Model model) {
		int y = year == null ? Times.today().getYear() : year;
		HolidayRules.checkYear(y);
		List<Holiday> entries = this.holidays.ofYear(y);
		model.addAttribute("year", y);
		model.addAttribute("entries", entries);
		model.addAttribute("calendar", YearView.of(y, entries));
		model.addAttribute("holidayCount", entries.stream().filter(h -> h.kind() == HolidayKind.HOLIDAY).count());
		model.addAttribute("workdayCount", entries.stream().filter(h -> h.kind() == HolidayKind.WORKDAY).count());
		return "calendar/holidays";
	}

	@PostMapping("/settings/holidays")
	@PreAuthorize("hasAuthority('system:calendar:edit')")
	String save(@RequestParam int year, @RequestParam(defaultValue = "") String date,
			@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String name,
			Authentication auth, Model model) {
		try {
			Holiday saved = this.holidays.save(date, kind, name, auth.getName());
			return "redirect:/settings/holidays?year=" + saved.date().getYear() + "&saved";
		}
		catch (Rejected ex) {
			model.addAttribute("errors", FormErrors.of(ex));
			model.addAttribute("form", new HolidayEntryForm(date, kind, name));
			return page(year, model);
		}
	}

	@PostMapping("/settings/holidays/{date}/delete")
	@PreAuthorize("hasAuthority('system:calendar:edit')")
	String delete(@PathVariable String date, @RequestParam int year) {
		this.holidays.delete(date);
		return "redirect:/settings/holidays?year=" + year + "&deleted";
	}

	@PostMapping("/settings/holidays/paste")
	@PreAuthorize("hasAuthority('system:calendar:edit')")
	String paste(@RequestParam int year, @RequestParam(defaultValue = "") String text, Authentication auth,
			Model model) {
		try {
			int written = this.holidays.paste(text, auth.getName());
			return "redirect:/settings/holidays?year=" + year + "&pasted=" + written;
		}
		catch (PasteRefused ex) {
			model.addAttribute("pasteProblems", ex.problems());
			model.addAttribute("pasteText", text);
			return page(year, model);
		}
	}

	/**
	 * What the administrator typed into the add form, shown again when it was refused.
	 */
	record HolidayEntryForm(String date, String kind, String name) {
	}

}
