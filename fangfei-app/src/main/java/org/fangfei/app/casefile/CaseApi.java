package org.fangfei.app.casefile;

import org.springframework.web.multipart.MultipartFile;

import org.fangfei.app.shared.Rejected;

import java.io.InputStream;

import java.io.IOException;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case ledger as JSON: the list, one case, registration and opening from a clue,
 * stage moves, participants and refund batches. Same rules, scope and audit as the pages.
 */
@RestController
@RequestMapping("/api/v1/cases")
class CaseApi {

	private final CaseQueries queries;

	private final CaseRegistry registry;

	private final CaseCandidates candidates;

	private final Participants participants;

	private final RefundBatches refunds;

	private final CaseAssets assets;

	private final KeyCases keyCases;

	CaseApi(CaseQueries queries, CaseRegistry registry, CaseCandidates candidates, Participants participants,
			RefundBatches refunds, CaseAssets assets, KeyCases keyCases) {
		this.queries = queries;
		this.registry = registry;
		this.candidates = candidates;
		this.participants = participants;
		this.refunds = refunds;
		this.assets = assets;
		this.keyCases = keyCases;
	}

	record Created(long id) {
	}

	record Detail(CaseQueries.CaseView view, List<CaseQueries.Stage> stages, List<Targets004.Target> targets,
			List<CaseQueries.Region> regions, List<CaseQueries.Member> taskForce, List<Long> subjectIds,
			Participants.Totals totals, List<RefundBatches.Batch> batches) {
	}

	/** A stage move, with the version the caller saw. */
	record StageMove(int version, CaseStage stage, LocalDate on, String docNumber, String unit, String note) {
	}

	@GetMapping
	@PreAuthorize("hasAuthority('casefile:case:view')")
	PageOf<CaseRow> list(@ModelAttribute CaseQuery q, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size, Actor actor) {
		return this.queries.search(q, actor.scope(), PageRequest.of(page, size));
	}

	@GetMapping("/candidates")
	@PreAuthorize("hasAuthority('casefile:case:view')")
	List<CaseCandidates.Waiting> waiting(Actor actor) {
		return this.candidates.waiting(actor.scope());
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('casefile:case:view')")
	Detail get(@PathVariable long id, Actor actor) {
		CaseQueries.CaseView v = this.queries.view(id, actor.scope());
		List<CaseQueries.Stage> stages = this.queries.stages(id);
		return new Detail(v, stages, this.queries.targets(v, stages), this.queries.regions(id),
				this.queries.taskForce(id), this.queries.subjectIds(id), this.participants.totals(id),
				this.refunds.of(id));
	}

	@PostMapping
	@PreAuthorize("hasAuthority('casefile:case:edit')")
	ResponseEntity<Created> register(@RequestBody CaseForm form, Actor actor) {
		return ResponseEntity.status(HttpStatus.CREATED).body(new Created(this.registry.register(form, actor)));
	}

	@PostMapping("/{id}")
	@PreAuthorize("hasAuthority('casefile:case:edit')")
	Map<String, Object> update(@PathVariable long id, @RequestParam int version, @RequestBody CaseForm form,
			Actor actor) {
		this.registry.update(id, version, form, actor);
		return Map.of("id", id);
	}

	@PostMapping("/{id}/stages")
	@PreAuthorize("hasAuthority('casefile:case:edit')")
	Map<String, Object> stage(@PathVariable long id, @RequestBody StageMove move, Actor actor) {
		this.registry.advance(id, move.version(),
				new StageEntry(move.stage(), move.on(), move.docNumber(), move.unit(), move.note()), actor);
		return Map.of("id", id);
	}

	@PostMapping("/{id}/lead")
	@PreAuthorize("hasAuthority('casefile:case:supervise')")
	Map<String, Object> lead(@PathVariable long id, @RequestParam int version, @RequestBody KeyCases.Leadership body,
			Actor actor) {
		this.keyCases.lead(id, version, body, actor);
		return Map.of("id", id);
	}

	@PostMapping("/{id}/task-force")
	@PreAuthorize("hasAuthority('casefile:case:edit')")
	Map<String, Object> member(@PathVariable long id, @RequestParam int version, @RequestBody KeyCases.Member body,
			Actor actor) {
		this.keyCases.addMember(id, version, body, actor);
		return Map.of("id", id);
	}

	@PostMapping("/{id}/assets")
	@PreAuthorize("hasAuthority('casefile:case:edit')")
	ResponseEntity<Created> asset(@PathVariable long id, @RequestParam int version,
			@RequestBody CaseAssets.AssetForm body, Actor actor) {
		return ResponseEntity.status(HttpStatus.CREATED).body(new Created(this.assets.add(id, version, body, actor)));
	}

	@GetMapping("/{id}/participants")
	@PreAuthorize("hasAuthority('casefile:case:view')")
	PageOf<Participants.Participant> participants(@PathVariable long id, @RequestParam(required = false) String q,
			@RequestParam(required = false) ClaimStatus claim, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size, Actor actor) {
		return this.participants.search(id, q, claim, actor.scope(), PageRequest.of(page, size));
	}

	@PostMapping("/{id}/participants")
	@PreAuthorize("hasAuthority('casefile:case:edit')")
	ResponseEntity<Created> participant(@PathVariable long id, @RequestParam int version,
			@RequestBody Participants.ParticipantForm body, Actor actor) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new Created(this.participants.add(id, version, body, actor)));
	}

	/**
	 * Imports a register (.xlsx or CSV, the import template's columns); all rows or none.
	 */
	@PostMapping("/{id}/participants/import")
	@PreAuthorize("hasAuthority('casefile:case:edit')")
	Map<String, Object> importParticipants(@PathVariable long id, @RequestParam int version,
			@RequestParam(value = "file", required = false) MultipartFile file, Actor actor) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new Rejected("请选择要上传的 Excel(.xlsx) 或 CSV 文件");
		}
		try (InputStream in = file.getInputStream()) {
			return Map.of("imported", this.participants.importFile(id, version, file.getOriginalFilename(), in, actor));
		}
	}

	/** Accepts every claim still waiting (待核实). */
	@PostMapping("/{id}/participants/accept-waiting")
	@PreAuthorize("hasAuthority('casefile:case:edit')")
	Map<String, Object> acceptWaiting(@PathVariable long id, @RequestParam int version, Actor actor) {
		return Map.of("accepted", this.participants.acceptWaiting(id, version, actor));
	}

	@PostMapping("/{id}/participants/{participant}/claim")
	@PreAuthorize("hasAuthority('casefile:case:edit')")
	Map<String, Object> claim(@PathVariable long id, @PathVariable long participant, @RequestParam int version,
			@RequestParam(required = false) ClaimStatus claim, @RequestParam(required = false) String reason,
			Actor actor) {
		this.participants.decide(id, version, participant, claim, reason, actor);
		return Map.of("id", participant);
	}

	@PostMapping("/{id}/refunds")
	@PreAuthorize("hasAuthority('casefile:refund:manage')")
	ResponseEntity<Created> refund(@PathVariable long id, @RequestParam int version, @RequestParam String amount,
			@RequestParam(required = false) String note, Actor actor) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new Created(this.refunds.distribute(id, version, amount, note, actor)));
	}

	@GetMapping("/{id}/refunds/{batch}")
	@PreAuthorize("hasAuthority('casefile:case:view')")
	List<RefundBatches.Payment> payments(@PathVariable long id, @PathVariable long batch, Actor actor) {
		this.queries.view(id, actor.scope());
		this.refunds.batch(id, batch);
		return this.refunds.payments(batch, 10_000);
	}

	@PostMapping("/{id}/refunds/{batch}/paid")
	@PreAuthorize("hasAuthority('casefile:refund:manage')")
	Map<String, Object> paid(@PathVariable long id, @PathVariable long batch, @RequestParam int version,
			@RequestParam(required = false) Long participantId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paidOn,
			@RequestParam(required = false) String paidRef, Actor actor) {
		return Map.of("recorded",
				this.refunds.recordPayment(id, version, batch, participantId, paidOn, paidRef, actor));
	}

}
