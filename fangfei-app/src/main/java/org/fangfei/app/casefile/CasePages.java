package org.fangfei.app.casefile;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fangfei.app.organisation.Sectors;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.Money;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Uploads;
import org.fangfei.app.subject.Schemes;
import org.fangfei.app.subject.Subjects;

import org.springframework.http.ResponseEntity;
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
 * The case list with its filters and export, the clues waiting to be opened, the
 * registration form and the case page.
 */
@Controller
class CasePages {

	private final CaseQueries queries;

	private final CaseRegistry registry;

	private final CaseCandidates candidates;

	private final CaseAssets assets;

	private final Participants participants;

	private final RefundBatches refunds;

	private final KeyCases keyCases;

	private final Sectors sectors;

	private final Schemes schemes;

	private final Subjects subjects;

	private final CrossRegionOnCasePage crossRegion;

	private final List<CaseSection> sections;

	CasePages(CaseQueries queries, CaseRegistry registry, CaseCandidates candidates, CaseAssets assets,
			Participants participants, RefundBatches refunds, KeyCases keyCases, Sectors sectors, Schemes schemes,
			Subjects subjects, CrossRegionOnCasePage crossRegion, List<CaseSection> sections) {
		this.sections = sections.stream().sorted(java.util.Comparator.comparingInt(CaseSection::order)).toList();
		this.queries = queries;
		this.registry = registry;
		this.candidates = candidates;
		this.assets = assets;
		this.participants = participants;
		this.refunds = refunds;
		this.keyCases = keyCases;
		this.sectors = sectors;
		this.schemes = schemes;
		this.subjects = subjects;
		this.crossRegion = crossRegion;
	}

	@GetMapping("/cases")
	@PreAuthorize("hasAuthority('casefile:case:view')")
	String list(@ModelAttribute("q") CaseQuery q, @RequestParam(defaultValue = "1") int page, Actor actor,
			Model model) {
		model.addAttribute("result", this.queries.search(q, actor.scope(), PageRequest.of(page)));
		model.addAttribute("paths", CasePath.values());
		model.addAttribute("stages", CaseStage.values());
		model.addAttribute("origins", CaseOrigin.values());
		model.addAttribute("sectors", this.sectors.all());
		model.addAttribute("waiting", this.candidates.waiting(actor.scope()).size());
		return "cases/list";
	}

	@GetMapping("/cases/export")
	@PreAuthorize("hasAuthority('casefile:case:view')")
	ResponseEntity<byte[]> export(@ModelAttribute("q") CaseQuery q, Actor actor) {
		return Uploads.xlsx("案件台账-" + LocalDate.now() + ".xlsx", this.queries.export(q, actor.scope()));
	}

	@GetMapping("/cases/candidates")
	@PreAuthorize("hasAuthority('casefile:case:view')")
	String candidates(Actor actor, Model model) {
		model.addAttribute("waiting", this.candidates.waiting(actor.scope()));
		return "cases/candidates";
	}

	@GetMapping("/cases/new")
	@PreAuthorize("hasAuthority('casefile:case:edit')")
	String newCase(@RequestParam(required = false) Long clueId, Actor actor, Model model) {
		CaseForm form = CaseForm.blank();
		if (clueId != null) {
			CaseCandidates.Waiting w = this.candidates.waiting(clueId, actor.scope())
				.orElseThrow(() -> new org.fangfei.app.shared.NotFound("待立案线索"));
			form = new CaseForm(clueId, w.title(), CaseOrigin.CLUE, w.suggestedPath(),
					w.suggestedPath().stages().get(0), LocalDate.now(), "", "", w.regionCode(),
					w.sectorCode() == null ? "" : w.sectorCode(), "",
					w.amountFen() == null ? "" : Money.yuan(w.amountFen()), w.peopleCount(), "", null, List.of(),
					List.of());
		}
		return form(model, form, null);
	}

	@PostMapping("/cases")
	@PreAuthorize("hasAuthority('casefile:case:edit')")
	String register(@ModelAttribute("form") CaseForm form, Actor actor, Model model, RedirectAttributes redirect) {
		try {
			long id = this.registry.register(form, actor);
			redirect.addFlashAttribute("done", "已登记案件");
			return "redirect:/cases/" + id;
		}
		catch (Rejected ex) {
			return form(model, form, FormErrors.of(ex));
		}
	}

	@GetMapping("/cases/{id}")
	@PreAuthorize("hasAuthority('casefile:case:view')")
	String show(@PathVariable long id, @RequestParam(required = false) String pq, Actor actor, Model model) {
		CaseQueries.CaseView view = this.queries.view(id, actor.scope());
		List<CaseQueries.Stage> stages = this.queries.stages(id);
		model.addAttribute("c", view);
		model.addAttribute("stages", stages);
		model.addAttribute("targets", this.queries.targets(view, stages));
		model.addAttribute("regions", this.queries.regions(id));
		model.addAttribute("taskForce", this.queries.taskForce(id));
		model.addAttribute("timeline", this.queries.timeline(id));
		model.addAttribute("subjects", this.subjects.byIds(this.queries.subjectIds(id)));
		model.addAttribute("assets", this.assets.of(id));
		model.addAttribute("realised", Money.yuan(this.assets.realisedFen(id)));
		model.addAttribute("totals", this.participants.totals(id));
		model.addAttribute("participants",
				this.participants.search(id, pq, null, actor.scope(), PageRequest.of(1, 50)));
		model.addAttribute("pq", pq);
		model.addAttribute("batches", this.refunds.of(id));
		model.addAttribute("lead", actor.scope().covers(view.row().regionCode()));
		model.addAttribute("nextStages", nextStages(view.row()));
		model.addAttribute("assetStatuses", AssetStatus.values());
		model.addAttribute("leaders", this.keyCases.leaders(actor));
		model.addAttribute("today", LocalDate.now());
		this.crossRegion.addTo(model, view, actor.scope());
		model.addAttribute("sections",
				this.sections.stream()
					.map(s -> new CaseSection.Shown(s.title(), s.facts(id, actor.scope()), s.actions(id, actor)))
					.toList());
		model.addAttribute("sensitiveSteps", SensitiveSteps.RECORDED_HERE);
		return "cases/show";
	}

	/**
	 * The stages the case may move to: its next one, 立案 from an administrative stage, 结案.
	 */
	static List<CaseStage> nextStages(CaseRow row) {
		if (row.stage() == CaseStage.CLOSED) {
			return List.of();
		}
		java.util.List<CaseStage> next = new java.util.ArrayList<>();
		CaseStage after = row.path().after(row.stage());
		if (after != null) {
			next.add(after);
		}
		if (row.path() == CasePath.ADMINISTRATIVE) {
			next.add(CaseStage.FILED);
		}
		if (!next.contains(CaseStage.CLOSED)) {
			next.add(CaseStage.CLOSED);
		}
		return next;
	}

	String form(Model model, CaseForm form, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("paths", CasePath.values());
		model.addAttribute("stages", CaseStage.values());
		model.addAttribute("origins", List.of(CaseOrigin.ASSIGNED, CaseOrigin.LEGACY));
		model.addAttribute("sectors", this.sectors.all());
		model.addAttribute("schemes", this.schemes.all());
		return "cases/form";
	}

}
