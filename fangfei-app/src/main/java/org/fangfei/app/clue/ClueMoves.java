package org.fangfei.app.clue;

import java.util.Map;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Rejected;

import org.springframework.stereotype.Component;

/**
 * One entry point for every workflow move, shared by the clue page's forms and the JSON
 * API, so both take the same input and run the same checks.
 */
@Component
class ClueMoves {

	private final ClueWorkflow workflow;

	ClueMoves(ClueWorkflow workflow) {
		this.workflow = workflow;
	}

	void perform(long id, Clue.Action action, MoveInput in, Actor actor) {
		int v = in.version();
		switch (action) {
			case ACCEPT -> this.workflow.accept(id, v, actor);
			case REJECT -> this.workflow.reject(id, v, in.note(), actor);
			case MERGE -> this.workflow.merge(id, v, in.target(), actor);
			case DISPATCH -> this.workflow.dispatch(id, v, in.unit(), in.assist(), in.note(), actor);
			case RETURN -> this.workflow.returnToOffice(id, v, in.note(), actor);
			case RECEIVE -> this.workflow.receive(id, v, actor);
			case VERIFY -> this.workflow.verify(id, v, new VerificationForm(in.investigators(), in.visitedOn(),
					in.findings(), in.amount(), in.peopleCount()), actor);
			case MORE -> this.workflow.requestMore(id, v, in.note(), actor);
			case DETERMINE -> this.workflow.determine(id, v, in.determination(), in.note(), actor);
			case DISPUTE -> this.workflow.dispute(id, v, in.note(), actor);
			case RESOLVE -> this.workflow.resolveDispute(id, v, in.determination(), in.note(), actor);
			case MEASURE -> this.workflow.recordMeasure(id, v,
					new MeasureForm(in.kind(), in.takenOn(), in.docNumber(), in.amount(), in.result()), actor);
			case FINISH -> this.workflow.finishDisposal(id, v, actor);
			case FEEDBACK -> this.workflow.giveFeedback(id, v, in.note(), actor);
			case CLOSE -> this.workflow.close(id, v, in.note(), actor);
			case ASSIST -> this.workflow.assist(id, v, in.note(), actor);
			case LOOK_BACK -> this.workflow.lookBack(id, v, in.note(), Boolean.TRUE.equals(in.reopen()), actor);
			default -> throw new Rejected("未知操作", Map.of());
		}
	}

}
