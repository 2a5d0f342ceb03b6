package org.fangfei.app.enquiry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Exports;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;
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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Fund tracing pages: the matters with statements, one matter's accounts with their
 * totals, alerts and graph, a trace forward or backward from one account, the roles given
 * to accounts, and the export of the flows; the graph's data as JSON.
 */
@Controller
class TracePages {

	static final String VIEW = "enquiry:trace:view";

	/** Most flows in one export (a sheet's practical limit). */
	static final int EXPORT_ROWS = 200_000;

	/** One node of the graph. */
	public record Node(long id, String name, String holder, String role, long inFen, long outFen, boolean alerted) {
	}

	/** One edge of the graph. */
	public record Link(long source, long target, long fen, int count, int hop) {
	}

	/** The graph's data. */
	public record Graph(List<Node> nodes, List<Link> links) {
	}

	private final TraceMatters matters;

	private final FundTrace trace;

	private final TraceAlerts alerts;

	private final TraceAccounts accounts;

	private final LedgerProposals ledger;

	TracePages(TraceMatters matters, FundTrace trace, TraceAlerts alerts, TraceAccounts accounts,
			LedgerProposals ledger) {
		this.ledger = ledger;
		this.matters = matters;
		this.trace = trace;
		this.alerts = alerts;
		this.accounts = accounts;
	}

	@GetMapping("/tracing")
	@PreAuthorize("hasAuthority('enquiry:trace:view')")
	String list(Actor actor, Model model) {
		model.addAttribute("matters", this.matters.list(actor.scope()));
		return "enquiry/tracing";
	}

	/** Accounts on one page of the matter's account list (largest turnover first). */
	static final int ACCOUNTS_PAGE = 50;

	@GetMapping("/tracing/{kind:CASE|CLUE}/{id:\\d+}")
	@PreAuthorize("hasAuthority('enquiry:trace:view')")
	String matter(@PathVariable String kind, @PathVariable long id, @RequestParam(required = false) Long from,
			@RequestParam(defaultValue = "true") boolean forward, @RequestParam(defaultValue = "3") int hops,
			@RequestParam(defaultValue = "1") int page, Actor actor, Model model) {
		Matter m = this.matters.visible(kind, id, actor.scope());
		model.addAttribute("m", m);
		PageOf<FundTrace.AccountTotal> accounts = this.trace.accounts(m, PageRequest.of(page, ACCOUNTS_PAGE));
		model.addAttribute("result", accounts);
		List<FundTrace.AccountTotal> choices = new ArrayList<>(accounts.items());
		model.addAttribute("accounts", accounts.items());
		model.addAttribute("choices", choices);
		model.addAttribute("pagerUrl", "/tracing/" + kind + "/" + id + "?from=" + (from == null ? "" : from)
				+ "&forward=" + forward + "&hops=" + hops);
		model.addAttribute("alerts", this.alerts.of(m));
		model.addAttribute("statements", this.matters.ofMatter(m));
		model.addAttribute("roles", TraceAccounts.ROLES);
		model.addAttribute("forward", forward);
		model.addAttribute("hops", hops);
		if (from != null) {
			try {
				FundTrace.Trace t = this.trace.trace(m, from, forward, hops);
				model.addAttribute("traced", t);
				model.addAttribute("from", from);
				FundTrace.AccountTotal start = t.accounts().get(from);
				if (start != null && choices.stream().noneMatch((a) -> a.id() == from)) {
					// the traced account stays chosen though it is on another page
					choices.add(0, start);
				}
			}
			catch (Rejected ex) {
				model.addAttribute("error", ex.getMessage());
			}
		}
		return "enquiry/trace";
	}

	@GetMapping("/tracing/{kind:CASE|CLUE}/{id:\\d+}/graph")
	@PreAuthorize("hasAuthority('enquiry:trace:view')")
	@ResponseBody
	Graph graph(@PathVariable String kind, @PathVariable long id, @RequestParam(required = false) Long from,
			@RequestParam(defaultValue = "true") boolean forward, @RequestParam(defaultValue = "3") int hops,
			Actor actor) {
		Matter m = this.matters.visible(kind, id, actor.scope());
		List<FundTrace.Edge> edges;
		if (from != null) {
			edges = this.trace.trace(m, from, forward, hops).edges();
		}
		else {
			edges = this.trace.largest(m, 300);
		}
		Set<Long> ids = new HashSet<>();
		List<Link> links = new ArrayList<>();
		for (FundTrace.Edge e : edges) {
			ids.add(e.from());
			ids.add(e.to());
			links.add(new Link(e.from(), e.to(), e.fen(), e.count(), e.hop()));
		}
		if (from != null) {
			ids.add(from);
		}
		Set<Long> alerted = new HashSet<>();
		this.alerts.of(m).forEach((a) -> alerted.add(a.accountId()));
		List<Node> nodes = new ArrayList<>();
		for (FundTrace.AccountTotal a : this.trace.accounts(m, ids).values()) {
			nodes.add(new Node(a.id(), a.masked(), a.holder(), a.roleLabel(), a.inFen(), a.outFen(),
					alerted.contains(a.id())));
		}
		return new Graph(nodes, links);
	}

	@GetMapping("/tracing/{kind:CASE|CLUE}/{id:\\d+}/accounts/{accountId:\\d+}")
	@PreAuthorize("hasAuthority('enquiry:trace:view')")
	String account(@PathVariable String kind, @PathVariable long id, @PathVariable long accountId, Actor actor,
			Model model) {
		Matter m = this.matters.visible(kind, id, actor.scope());
		Map<Long, FundTrace.AccountTotal> one = this.trace.accounts(m, Set.of(accountId));
		if (one.isEmpty()) {
			throw new org.fangfei.app.shared.NotFound("账户");
		}
		List<FundTrace.Edge> edges = this.trace.counterparties(m, accountId);
		Set<Long> ids = new HashSet<>();
		edges.forEach((e) -> {
			ids.add(e.from());
			ids.add(e.to());
		});
		model.addAttribute("m", m);
		model.addAttribute("a", one.get(accountId));
		model.addAttribute("edges", edges);
		model.addAttribute("names", this.trace.accounts(m, ids));
		model.addAttribute("roles", TraceAccounts.ROLES);
		return "enquiry/account";
	}

	@PostMapping("/tracing/{kind:CASE|CLUE}/{id:\\d+}/accounts/{accountId:\\d+}/role")
	@PreAuthorize("hasAuthority('enquiry:statement:load')")
	String role(@PathVariable String kind, @PathVariable long id, @PathVariable long accountId,
			@RequestParam(required = false) String role, Actor actor, RedirectAttributes redirect) {
		Matter m = this.matters.visible(kind, id, actor.scope());
		try {
			this.accounts.mark(m, accountId, role);
			redirect.addFlashAttribute("done", "已标注账户角色");
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
		}
		return "redirect:/tracing/" + kind + "/" + id + "/accounts/" + accountId;
	}

	@GetMapping("/tracing/CASE/{id:\\d+}/ledger")
	@PreAuthorize("hasAuthority('enquiry:trace:view') and hasAuthority('casefile:case:edit')")
	String ledger(@PathVariable long id, Actor actor, Model model) {
		Matter m = this.matters.visible("CASE", id, actor.scope());
		model.addAttribute("m", m);
		model.addAttribute("p", this.ledger.propose(m, actor));
		return "enquiry/ledger";
	}

	@PostMapping("/tracing/CASE/{id:\\d+}/ledger")
	@PreAuthorize("hasAuthority('enquiry:trace:view') and hasAuthority('casefile:case:edit')")
	String takeIntoLedger(@PathVariable long id, @RequestParam int version,
			@RequestParam org.springframework.util.MultiValueMap<String, String> form, Actor actor, Model model,
			RedirectAttributes redirect) {
		Matter m = this.matters.visible("CASE", id, actor.scope());
		try {
			org.fangfei.app.casefile.TracedLedger.Taken t = this.ledger.take(m, version, form, actor);
			redirect.addFlashAttribute("done",
					"已导入本案台账：参与人 " + t.participants() + " 人（投入 " + org.fangfei.app.shared.Money.yuan(t.investedFen())
							+ " 元，已收回 " + org.fangfei.app.shared.Money.yuan(t.receivedFen()) + " 元），资产 " + t.assets()
							+ " 项（" + org.fangfei.app.shared.Money.yuan(t.assetsFen()) + " 元）"
							+ (t.participantsSkipped() + t.assetsSkipped() == 0 ? ""
									: "；已登记而跳过 " + (t.participantsSkipped() + t.assetsSkipped()) + " 条"));
			return "redirect:/tracing/CASE/" + id + "/ledger";
		}
		catch (Rejected ex) {
			model.addAttribute("m", m);
			model.addAttribute("p", this.ledger.propose(m, actor));
			model.addAttribute("posted", form);
			model.addAttribute("error", ex.getMessage());
			return "enquiry/ledger";
		}
	}

	@GetMapping("/tracing/{kind:CASE|CLUE}/{id:\\d+}/export")
	@PreAuthorize("hasAuthority('enquiry:trace:export')")
	ResponseEntity<byte[]> export(@PathVariable String kind, @PathVariable long id, Actor actor) {
		Matter m = this.matters.visible(kind, id, actor.scope());
		byte[] xlsx = this.trace.export(m, EXPORT_ROWS);
		return Uploads.xlsx(Exports.filename("资金流向"), xlsx);
	}

}
