package org.fangfei.app.patrol;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.fangfei.app.shared.AccountNames;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The patrol list with filters, coverage by grid and worker, grids not patrolled lately,
 * and the findings waiting for the clue workflow — for townships and the county, each
 * within its scope.
 */
@Controller
class PatrolReportPages {

	private final Patrols patrols;

	private final PatrolCoverage coverage;

	private final PendingFindings findings;

	private final AccountNames names;

	PatrolReportPages(Patrols patrols, PatrolCoverage coverage, PendingFindings findings, AccountNames names) {
		this.patrols = patrols;
		this.names = names;
		this.coverage = coverage;
		this.findings = findings;
	}

	@GetMapping("/patrols")
	@PreAuthorize("hasAuthority('patrol:patrol:view')")
	String list(@ModelAttribute("q") PatrolQuery q, @RequestParam(defaultValue = "1") int page, DataScope scope,
			Model model) {
		PageOf<Patrol> result = this.patrols.search(q, scope, PageRequest.of(page));
		model.addAttribute("result", result);
		model.addAttribute("names", this.names.byUsername(result.items().stream().map(Patrol::worker).toList()));
		model.addAttribute("grids", this.coverage.grids(scope));
		model.addAttribute("pageUrl",
				UriComponentsBuilder.fromPath("/patrols")
					.queryParamIfPresent("gridId", Optional.ofNullable(q.gridId()))
					.queryParamIfPresent("worker", Optional.ofNullable(q.worker()))
					.queryParamIfPresent("from", Optional.ofNullable(q.from()))
					.queryParamIfPresent("to", Optional.ofNullable(q.to()))
					.queryParamIfPresent("withFinding", Optional.ofNullable(q.withFinding()))
					.build()
					.toUriString());
		return "patrols/list";
	}

	@GetMapping("/patrols/coverage")
	@PreAuthorize("hasAuthority('patrol:patrol:view')")
	String coverage(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			DataScope scope, Model model) {
		LocalDate end = to == null ? LocalDate.now(Patrols.ZONE) : to;
		LocalDate start = from == null ? end.minusDays(PatrolCoverage.DEFAULT_DAYS - 1) : from;
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		model.addAttribute("byGrid", this.coverage.byGrid(start, end, scope));
		List<PatrolCoverage.Count> byWorker = this.coverage.byWorker(start, end, scope);
		model.addAttribute("byWorker", byWorker);
		model.addAttribute("names", this.names.byUsername(byWorker.stream().map(PatrolCoverage.Count::name).toList()));
		return "patrols/coverage";
	}

	@GetMapping("/patrols/unpatrolled")
	@PreAuthorize("hasAuthority('patrol:patrol:view')")
	String unpatrolled(@RequestParam(defaultValue = "30") int days, @RequestParam(defaultValue = "1") int page,
			DataScope scope, Model model) {
		model.addAttribute("days", days);
		model.addAttribute("result", this.coverage.notPatrolled(days, scope, PageRequest.of(page)));
		return "patrols/unpatrolled";
	}

	@GetMapping("/patrols/findings")
	@PreAuthorize("hasAuthority('patrol:patrol:view')")
	String findings(@RequestParam(defaultValue = "1") int page, DataScope scope, Model model) {
		PageOf<PendingFindings.Finding> result = this.findings.open(scope, PageRequest.of(page));
		model.addAttribute("result", result);
		model.addAttribute("names",
				this.names.byUsername(result.items().stream().map(PendingFindings.Finding::worker).toList()));
		return "patrols/findings";
	}

}
