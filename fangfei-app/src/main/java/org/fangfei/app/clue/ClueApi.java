package org.fangfei.app.clue;

import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.NotFound;
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
 * Clues as JSON: intake for other systems (hotline platform, bank reports, monitoring),
 * the scoped list, one clue with its timeline, and the workflow moves — with the same
 * checks as the pages. A repeated intake with the same {@code source} and
 * {@code sourceRef} answers 200 with the clue already registered instead of 201.
 */
@RestController
@RequestMapping("/api/v1/clues")
@Tag(name = "线索", description = "线索登记、查询与办理流程")
class ClueApi {

	/** A clue with what the caller may do and its timeline. */
	record ClueDetail(ClueView clue, Set<Clue.Action> actions, List<Clues.TimelineEntry> timeline) {
	}

	private final ClueIntake intake;

	private final ClueQueries queries;

	private final ClueWorkflow workflow;

	private final ClueMoves moves;

	private final Clues clues;

	ClueApi(ClueIntake intake, ClueQueries queries, ClueWorkflow workflow, ClueMoves moves, Clues clues) {
		this.intake = intake;
		this.queries = queries;
		this.workflow = workflow;
		this.moves = moves;
		this.clues = clues;
	}

	@PostMapping
	@PreAuthorize("hasAuthority('clue:clue:intake')")
	@Operation(summary = "登记线索", description = "201 新登记；200 为同一来源编号的重复提交，返回已有线索")
	ResponseEntity<ClueIntake.Registered> register(@RequestBody ClueForm form, Actor actor) {
		ClueIntake.Registered registered = this.intake.register(form, actor);
		return ResponseEntity.status(registered.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(registered);
	}

	@GetMapping
	@PreAuthorize("hasAuthority('clue:clue:view')")
	@Operation(summary = "线索列表(按管辖范围)")
	PageOf<ClueRow> list(@ModelAttribute ClueQuery q, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size, Actor actor) {
		return this.queries.search(q, actor, PageRequest.of(page, size));
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('clue:clue:view')")
	@Operation(summary = "线索详情、可执行操作与办理记录")
	ClueDetail get(@PathVariable long id, Actor actor) {
		return new ClueDetail(this.queries.view(id, actor), this.workflow.actions(id, actor), this.clues.timeline(id));
	}

	/**
	 * A move done on a clue that has left the caller's sight (e.g. returned by a
	 * department).
	 */
	record MovedAway(long id, boolean visible) {
	}

	@PostMapping("/{id}/moves/{action}")
	@PreAuthorize("hasAuthority('clue:clue:view')")
	@Operation(summary = "办理操作",
			description = "version 为读取时的版本；已被他人处理时返回 409。成功后返回线索详情；若操作后线索已不在调用者的管辖范围(如成员单位退回)，返回 visible=false")
	Object move(@PathVariable long id, @PathVariable Clue.Action action, @RequestBody MoveInput request, Actor actor) {
		this.moves.perform(id, action, request, actor);
		try {
			return get(id, actor);
		}
		catch (NotFound ex) {
			return new MovedAway(id, false);
		}
	}

}
