package org.fangfei.app.ledger;

import java.time.YearMonth;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.PageMoves;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Uploads;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 线索月报: the county's monthly clue reports to the city with their acceptance, one report,
 * the major clues reported at once in a month and their acceptance.
 */
@Controller
class CityReportPages {

	private final CityReports reports;

	CityReportPages(CityReports reports) {
		this.reports = reports;
	}

	@GetMapping("/ledgers/city")
	@PreAuthorize("hasAuthority('ledger:report:view')")
	String list(@RequestParam(required = false) String month, Actor actor, Model model) {
		YearMonth m;
		try {
			m = month == null || month.isBlank() ? Months.lastEnded() : Months.parse(month);
		}
		catch (Rejected ex) {
			model.addAttribute("actionError", ex.getMessage());
			m = Months.lastEnded();
		}
		model.addAttribute("reports", this.reports.list(actor.scope()));
		model.addAttribute("month", m.toString());
		model.addAttribute("majors", this.reports.majors(m, actor.scope()));
		model.addAttribute("lastMonth", Months.lastEnded().toString());
		return "ledgers/city";
	}

	@PostMapping("/ledgers/city/generate")
	@PreAuthorize("hasAuthority('ledger:report:submit')")
	String generate(@RequestParam(required = false) String month, Actor actor, RedirectAttributes redirect) {
		try {
			long id = this.reports.generate(month, actor).id();
			redirect.addFlashAttribute("done", "已生成线索月报");
			return "redirect:/ledgers/city/" + id;
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
			return "redirect:/ledgers/city";
		}
	}

	@GetMapping("/ledgers/city/{id}")
	@PreAuthorize("hasAuthority('ledger:report:view')")
	String show(@PathVariable long id, Actor actor, Model model) {
		model.addAttribute("report", this.reports.get(id, actor.scope()));
		return "ledgers/city-report";
	}

	@PostMapping("/ledgers/city/{id}/submit")
	@PreAuthorize("hasAuthority('ledger:report:submit')")
	String submit(@PathVariable long id, Actor actor, RedirectAttributes redirect) {
		return PageMoves.make("/ledgers/city/" + id, redirect, "已报送" + CityReports.CITY,
				() -> this.reports.submit(id, actor));
	}

	@PostMapping("/ledgers/city/{id}/accept")
	@PreAuthorize("hasAuthority('ledger:report:accept')")
	String accept(@PathVariable long id, @RequestParam(required = false) String note, Actor actor,
			RedirectAttributes redirect) {
		return PageMoves.make("/ledgers/city/" + id, redirect, "已登记接收", () -> this.reports.accept(id, note, actor));
	}

	@PostMapping("/ledgers/city/majors/{id}/accept")
	@PreAuthorize("hasAuthority('ledger:report:accept')")
	String acceptMajor(@PathVariable long id, @RequestParam(required = false) String note,
			@RequestParam(required = false) String month, Actor actor, RedirectAttributes redirect) {
		String back = "/ledgers/city" + (month != null && month.matches("[0-9]{4}-[0-9]{2}") ? "?month=" + month : "");
		return PageMoves.make(back, redirect, "已登记接收", () -> this.reports.acceptMajor(id, note, actor));
	}

	@GetMapping("/ledgers/city/{id}/export")
	@PreAuthorize("hasAuthority('ledger:report:view')")
	ResponseEntity<byte[]> export(@PathVariable long id, Actor actor) {
		CityReports.Report report = this.reports.get(id, actor.scope());
		return Uploads.xlsx("线索月报-" + report.month() + ".xlsx", this.reports.export(id, actor.scope()));
	}

}
