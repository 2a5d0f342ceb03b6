package org.fangfei.app.clue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.fangfei.app.organisation.Sectors;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.FormErrors;
import org.fangfei.app.shared.Money;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Uploads;
import org.fangfei.app.subject.SubjectKind;
import org.fangfei.app.subject.Schemes;

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
 * The clue list with its filters, the intake form and the clue page with its timeline and
 * the actions the user may take.
 */
@Controller
class CluePages {

	private final ClueQueries queries;

	private final ClueIntake intake;

	private final ClueWorkflow workflow;

	private final ClueRecords records;

	private final Clues clues;

	private final Supervision supervision;

	private final Sectors sectors;

	private final Schemes schemes;

	private final List<ClueSection> sections;

	CluePages(ClueQueries queries, ClueIntake intake, ClueWorkflow workflow, ClueRecords records, Clues clues,
			Supervision supervision, Sectors sectors, Schemes schemes, List<ClueSection> sections) {
		this.sections = sections.stream().sorted(java.util.Comparator.comparingInt(ClueSection::order)).toList();
		this.supervision = supervision;
		this.queries = queries;
		this.intake = intake;
		this.workflow = workflow;
		this.records = records;
		this.clues = clues;
		this.sectors = sectors;
		this.schemes = schemes;
	}

	@GetMapping("/clues")
	@PreAuthorize("hasAuthority('clue:clue:view')")
	String list(@ModelAttribute("q") ClueQuery q, @RequestParam(defaultValue = "1") int page, Actor actor,
			Model model) {
		model.addAttribute("result", this.queries.search(q, actor, PageRequest.of(page)));
		model.addAttribute("countCap", ClueQueries.COUNT_CAP);
		model.addAttribute("states", ClueState.values());
		model.addAttribute("sources", ClueSource.values());
		model.addAttribute("grades", ClueGrade.values());
		model.addAttribute("sectors", this.sectors.all());
		return "clues/list";
	}

	@GetMapping("/clues/new")
	@PreAuthorize("hasAuthority('clue:clue:intake')")
	String newClue(@RequestParam(required = false) Long subjectId, Model model) {
		ClueForm blank = ClueForm.blank();
		if (subjectId != null) {
			blank = new ClueForm(null, "", "", null, "", "", "", "", "", "", null, null, List.of(subjectId), "", null,
					"", "", "", null);
		}
		return form(model, blank, null);
	}

	@PostMapping("/clues")
	@PreAuthorize("hasAuthority('clue:clue:intake')")
	String register(@ModelAttribute("form") ClueForm form, Actor actor, Model model, RedirectAttributes redirect) {
		try {
			ClueIntake.Registered registered = this.intake.register(form, actor);
			redirect.addFlashAttribute("done", "已登记线索 " + registered.code());
			redirect.addFlashAttribute("duplicates", registered.possibleDuplicates());
			return "redirect:/clues/" + registered.id();
		}
		catch (Rejected ex) {
			return form(model, form, FormErrors.of(ex));
		}
	}

	@GetMapping("/clues/{id}")
	@PreAuthorize("hasAuthority('clue:clue:view')")
	String show(@PathVariable long id, Actor actor, Model model) {
		ClueView clue = this.queries.view(id, actor);
		model.addAttribute("clue", clue);
		model.addAttribute("actions", this.workflow.actions(id, actor));
		model.addAttribute("canEdit", ClueEdits.allowed(clue, actor));
		model.addAttribute("timeline", this.clues.timeline(id));
		model.addAttribute("assisting", this.clues.assistingOf(id));
		model.addAttribute("verifications", this.records.verifications(id));
		model.addAttribute("measures", this.records.measures(id));
		model.addAttribute("attachments", this.records.attachments(id));
		model.addAttribute("meetings", this.records.meetingsOf(id));
		model.addAttribute("sections",
				this.sections.stream()
					.map(s -> new ClueSection.Shown(s.title(), s.facts(id, actor.scope())))
					.filter(s -> !s.facts().isEmpty())
					.toList());
		if (!model.containsAttribute("duplicates") && clue.state().open()) {
			model.addAttribute("duplicates", this.queries
				.openOnSubjects(clue.subjects().stream().map(ClueView.SubjectRef::id).toList(), id, actor));
		}
		model.addAttribute("suggested", this.workflow.suggestedUnits(id));
		model.addAttribute("targets", this.workflow.dispatchTargets(actor));
		model.addAttribute("leaders", this.supervision.leaders(actor));
		model.addAttribute("determinations", Determination.values());
		model.addAttribute("measureKinds", MeasureKind.values());
		model.addAttribute("thresholdReached", CriminalThresholds
			.reached(clue.amount().isEmpty() ? null : Money.fen(clue.amount(), "amount", "金额"), clue.peopleCount()));
		return "clues/show";
	}

	@PostMapping("/clues/{id}/informant")
	@PreAuthorize("hasAuthority('clue:clue:reveal')")
	String reveal(@PathVariable long id, @RequestParam(required = false) String reason, Actor actor, Model model) {
		// answered in this response only: a flash attribute would put the informant's
		// name
		// and phone into the session, which is stored in the database
		try {
			model.addAttribute("informant", this.records.revealInformant(id, reason, actor));
		}
		catch (Rejected ex) {
			model.addAttribute("actionError", ex.getMessage());
		}
		return show(id, actor, model);
	}

	@PostMapping("/clues/{id}/attachments")
	@PreAuthorize("hasAuthority('clue:clue:view')")
	String attach(@PathVariable long id, @RequestParam("file") MultipartFile file, Actor actor,
			RedirectAttributes redirect) throws IOException {
		try {
			this.records.attach(id, file.getOriginalFilename(), file.getBytes(), actor);
			redirect.addFlashAttribute("done", "已上传附件");
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
		}
		return "redirect:/clues/" + id;
	}

	@GetMapping("/clues/{id}/attachments/{attachment}")
	@PreAuthorize("hasAuthority('clue:clue:view')")
	ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachment, Actor actor) {
		ClueRecords.Content content = this.records.content(id, attachment, actor);
		return Uploads.download(content.fileName(), content.contentType(), content.bytes());
	}

	private String form(Model model, ClueForm form, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("sources", ClueSource.values());
		model.addAttribute("grades", ClueGrade.values());
		model.addAttribute("sectors", this.sectors.all());
		model.addAttribute("schemes", this.schemes.all());
		model.addAttribute("subjectKinds", SubjectKind.values());
		return "clues/form";
	}

}
