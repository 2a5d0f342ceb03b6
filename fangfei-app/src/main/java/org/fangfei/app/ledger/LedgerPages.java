package org.fangfei.app.ledger;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.organisation.Region;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.PageMoves;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;
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
 * 月度台账: the board of townships × the last six ended months (a township sees its own row),
 * one ledger with its versions, timeline and the moves the caller may make, and the .xlsx
 * of a version.
 */
@Controller
class LedgerPages {

	/** Months on the board. */
	static final int MONTHS = 6;

	private final Ledgers ledgers;

	LedgerPages(Ledgers ledgers) {
		this.ledgers = ledgers;
	}

	/** One township's row on the board. */
	record BoardRow(Region township, List<Ledgers.Ledger> cells) {
	}

	@GetMapping("/ledgers")
	@PreAuthorize("hasAuthority('ledger:ledger:view')")
	String board(Actor actor, Model model) {
		YearMonth last = Months.lastEnded();
		List<String> months = new ArrayList<>();
		for (int i = MONTHS - 1; i >= 0; i--) {
			months.add(last.minusMonths(i).toString());
		}
		Map<String, Ledgers.Ledger> byKey = new HashMap<>();
		this.ledgers.of(months, actor.scope()).forEach(l -> byKey.put(l.regionCode() + l.month(), l));
		List<BoardRow> rows = new ArrayList<>();
		for (Region township : this.ledgers.townships(actor.scope())) {
			List<Ledgers.Ledger> cells = new ArrayList<>();
			months.forEach(m -> cells.add(byKey.get(township.code() + m)));
			rows.add(new BoardRow(township, cells));
		}
		model.addAttribute("months", months);
		model.addAttribute("dues", months.stream().map(m -> Months.dueOn(YearMonth.parse(m))).toList());
		model.addAttribute("rows", rows);
		model.addAttribute("today", Times.today());
		model.addAttribute("lastMonth", last.toString());
		return "ledgers/board";
	}

	@PostMapping("/ledgers/generate")
	@PreAuthorize("hasAuthority('ledger:ledger:submit')")
	String generate(@RequestParam(required = false) String regionCode, @RequestParam(required = false) String month,
			Actor actor, RedirectAttributes redirect) {
		try {
			Ledgers.Ledger ledger = this.ledgers
				.generate(regionCode == null || regionCode.isBlank() ? actor.regionCode() : regionCode, month, actor);
			redirect.addFlashAttribute("done", "已生成第 " + ledger.versions() + " 版，请核对后上报");
			return "redirect:/ledgers/" + ledger.id();
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
			return "redirect:/ledgers";
		}
	}

	@GetMapping("/ledgers/{id}")
	@PreAuthorize("hasAuthority('ledger:ledger:view')")
	String show(@PathVariable long id, @RequestParam(name = "v", required = false) Integer version, Actor actor,
			Model model) {
		Ledgers.Ledger ledger = this.ledgers.get(id, actor.scope());
		model.addAttribute("ledger", ledger);
		model.addAttribute("version", this.ledgers.version(id, version, actor.scope()));
		model.addAttribute("timeline", this.ledgers.timeline(id, actor.scope()));
		model.addAttribute("overdue", ledger.overdue(Times.today()));
		return "ledgers/ledger";
	}

	@PostMapping("/ledgers/{id}/regenerate")
	@PreAuthorize("hasAuthority('ledger:ledger:submit')")
	String regenerate(@PathVariable long id, Actor actor, RedirectAttributes redirect) {
		Ledgers.Ledger ledger = this.ledgers.get(id, actor.scope());
		return PageMoves.make("/ledgers/" + id, redirect, "已重新生成",
				() -> this.ledgers.generate(ledger.regionCode(), ledger.month(), actor));
	}

	@PostMapping("/ledgers/{id}/submit")
	@PreAuthorize("hasAuthority('ledger:ledger:submit')")
	String submit(@PathVariable long id, @RequestParam(required = false) String note, Actor actor,
			RedirectAttributes redirect) {
		return PageMoves.make("/ledgers/" + id, redirect, "已上报县处非办", () -> this.ledgers.submit(id, note, actor));
	}

	@PostMapping("/ledgers/{id}/return")
	@PreAuthorize("hasAuthority('ledger:ledger:review')")
	String returnLedger(@PathVariable long id, @RequestParam(required = false) String reason, Actor actor,
			RedirectAttributes redirect) {
		return PageMoves.make("/ledgers/" + id, redirect, "已退回乡镇", () -> this.ledgers.returnLedger(id, reason, actor));
	}

	@PostMapping("/ledgers/{id}/accept")
	@PreAuthorize("hasAuthority('ledger:ledger:review')")
	String accept(@PathVariable long id, Actor actor, RedirectAttributes redirect) {
		return PageMoves.make("/ledgers/" + id, redirect, "已审核通过", () -> this.ledgers.accept(id, actor));
	}

	@GetMapping("/ledgers/{id}/export")
	@PreAuthorize("hasAuthority('ledger:ledger:view')")
	ResponseEntity<byte[]> export(@PathVariable long id, @RequestParam(name = "v", required = false) Integer version,
			Actor actor) {
		Ledgers.Ledger ledger = this.ledgers.get(id, actor.scope());
		byte[] xlsx = this.ledgers.export(id, version, actor.scope());
		return Uploads.xlsx(ledger.regionName() + "-" + ledger.month() + "-月度动态台账.xlsx", xlsx);
	}

}
