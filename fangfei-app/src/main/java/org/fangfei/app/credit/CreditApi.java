package org.fangfei.app.credit;

import java.util.List;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;

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
 * The credit list as JSON: the list, one entry, the department query (the door other
 * systems use with a 接入系统 token, logged as such), repair applications and decisions, the
 * query log. Same rules, scope, masking and audit as the pages.
 */
@RestController
@RequestMapping("/api/v1/credit")
class CreditApi {

	private final CreditEntries entries;

	private final CreditRepairs repairs;

	private final CreditLookups lookups;

	CreditApi(CreditEntries entries, CreditRepairs repairs, CreditLookups lookups) {
		this.entries = entries;
		this.repairs = repairs;
		this.lookups = lookups;
	}

	record Created(long id) {
	}

	record Detail(CreditRow entry, List<CreditRepairs.Repair> repairs) {
	}

	record Application(String reason, String docNumber) {
	}

	record Decision(boolean approve, String note) {
	}

	record Question(KeyKind key, String value) {
	}

	@GetMapping("/entries")
	@PreAuthorize("hasAuthority('credit:entry:view')")
	PageOf<CreditRow> list(@ModelAttribute CreditQuery q, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size, Actor actor) {
		return this.entries.search(q, actor.scope(), PageRequest.of(page, size));
	}

	@GetMapping("/entries/{id}")
	@PreAuthorize("hasAuthority('credit:entry:view')")
	Detail get(@PathVariable long id, Actor actor) {
		return new Detail(this.entries.get(id, actor.scope()), this.repairs.ofEntry(id));
	}

	/**
	 * 查询: {@code key} NAME, CREDIT_CODE or ID_NUMBER, {@code value} what is asked;
	 * posted, so an ID number never stands in a URL or an access log.
	 */
	@PostMapping("/query")
	@PreAuthorize("hasAuthority('credit:entry:query')")
	CreditLookups.Answer query(@RequestBody Question body, Actor actor) {
		return this.lookups.ask(body.key(), body.value(), actor, "API");
	}

	@PostMapping("/entries/{id}/repairs")
	@PreAuthorize("hasAuthority('credit:repair:apply')")
	ResponseEntity<Created> apply(@PathVariable long id, @RequestBody Application body, Actor actor) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new Created(this.repairs.apply(id, body.reason(), body.docNumber(), actor)));
	}

	@PostMapping("/repairs/{id}/decision")
	@PreAuthorize("hasAuthority('credit:repair:approve')")
	ResponseEntity<Void> decide(@PathVariable long id, @RequestBody Decision body, Actor actor) {
		this.repairs.decide(id, body.approve(), body.note(), actor);
		return ResponseEntity.ok().build();
	}

	@GetMapping("/log")
	@PreAuthorize("hasAuthority('credit:log:view')")
	PageOf<CreditLookups.Logged> log(@RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size, Actor actor) {
		return this.lookups.log(actor.scope(), PageRequest.of(page, size));
	}

}
