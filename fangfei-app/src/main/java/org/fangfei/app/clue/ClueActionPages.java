package org.fangfei.app.clue;

import java.time.LocalDate;
import java.util.Map;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Rejected;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The action forms of the clue page. Each posts the version the user saw; a refusal comes
 * back to the clue page with its message and what the user typed, so nothing is lost.
 */
@Controller
class ClueActionPages {

	private final ClueWorkflow workflow;

	ClueActionPages(ClueWorkflow workflow) {
		this.workflow = workflow;
	}

	/** The fields any action form may carry. */
	record ActionInput(int version, String note, String unit, Determination determination, String investigators,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate visitedOn, String findings, boolean reopen,
			String target, MeasureKind kind, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate takenOn,
			String docNumber, String amount, String result) {
	}

	@PostMapping("/clues/{id}/act/{action}")
	@PreAuthorize("hasAuthority('clue:clue:view')")
	String act(@PathVariable long id, @PathVariable Clue.Action action, ActionInput in, Actor actor,
			RedirectAttributes redirect) {
		try {
			perform(id, action, in, actor);
			redirect.addFlashAttribute("done", "已完成：" + action.label());
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
			redirect.addFlashAttribute("failedAction", action.name());
			redirect.addFlashAttribute("draft", in);
		}
		return "redirect:/clues/" + id;
	}

	@PostMapping("/clues/{id}/comment")
	@PreAuthorize("hasAuthority('clue:clue:view')")
	String comment(@PathVariable long id, @RequestParam(required = false) String note, Actor actor,
			RedirectAttributes redirect) {
		try {
			this.workflow.comment(id, note, actor);
		}
		catch (Rejected ex) {
			redirect.addFlashAttribute("actionError", ex.getMessage());
			redirect.addFlashAttribute("commentDraft", note);
		}
		return "redirect:/clues/" + id + "#timeline";
	}

	private void perform(long id, Clue.Action action, ActionInput in, Actor actor) {
		int v = in.version();
		switch (action) {
			case ACCEPT -> this.workflow.accept(id, v, actor);
			case REJECT -> this.workflow.reject(id, v, in.note(), actor);
			case MERGE -> this.workflow.merge(id, v, in.target(), actor);
			case DISPATCH -> this.workflow.dispatch(id, v, in.unit(), in.note(), actor);
			case RETURN -> this.workflow.returnToOffice(id, v, in.note(), actor);
			case RECEIVE -> this.workflow.receive(id, v, actor);
			case VERIFY -> this.workflow.verify(id, v,
					new VerificationForm(in.investigators(), in.visitedOn(), in.findings()), actor);
			case MORE -> this.workflow.requestMore(id, v, in.note(), actor);
			case DETERMINE -> this.workflow.determine(id, v, in.determination(), in.note(), actor);
			case DISPUTE -> this.workflow.dispute(id, v, in.note(), actor);
			case RESOLVE -> this.workflow.resolveDispute(id, v, in.determination(), in.note(), actor);
			case MEASURE -> this.workflow.recordMeasure(id, v,
					new MeasureForm(in.kind(), in.takenOn(), in.docNumber(), in.amount(), in.result()), actor);
			case FINISH -> this.workflow.finishDisposal(id, v, actor);
			case FEEDBACK -> this.workflow.giveFeedback(id, v, in.note(), actor);
			case CLOSE -> this.workflow.close(id, v, in.note(), actor);
			case LOOK_BACK -> this.workflow.lookBack(id, v, in.note(), in.reopen(), actor);
			default -> throw new Rejected("未知操作", Map.of());
		}
	}

}
