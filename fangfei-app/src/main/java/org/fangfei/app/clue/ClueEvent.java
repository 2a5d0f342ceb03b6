package org.fangfei.app.clue;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What happened to a clue, for the other modules (tips, cases, early warning,
 * evaluation). Each event is raised by {@link Clue} beside its timeline entry (登记 by
 * {@link ClueIntake}) and published in the transaction that saves the move, through the
 * event publication registry, so a listener hears of every committed move, once it is
 * committed, and again after a failure. Events carry what listeners need, so that no
 * other module reads the clue's tables; {@link ClueRef} says how the clue stands after
 * the move, with the version the move wrote (a listener that must keep order ignores a
 * version older than one it has seen).
 */
public sealed interface ClueEvent {

	/** The clue after the event. */
	ClueRef clue();

	/** A clue as it stands after an event. */
	record ClueRef(long id, String code, String regionCode, String sectorCode, ClueGrade grade, ClueState state,
			int version) {

		/**
		 * Where the matter stands, for modules that do not follow the workflow's states.
		 */
		public ClueProgress progress() {
			return this.state.progress();
		}

	}

	/** 登记: from any channel. */
	record Registered(ClueRef clue, ClueSource source, String sourceRef, String title, Long amountFen,
			Integer peopleCount, List<Long> subjectIds, OffsetDateTime receivedAt) implements ClueEvent {
	}

	/** 受理. */
	record Accepted(ClueRef clue) implements ClueEvent {
	}

	/** 不予受理, with the reason the source is told. */
	record Rejected(ClueRef clue, String reason) implements ClueEvent {
	}

	/**
	 * 分派 to a township (region code) or a member department (id) as the lead unit, with
	 * the names of the assisting units (none when it handles the clue alone).
	 */
	record Dispatched(ClueRef clue, String handlerRegionCode, Long handlerDepartmentId, String handlerName,
			List<String> assistingNames) implements ClueEvent {
	}

	/** 协查: an assisting unit added its part of the verification. */
	record Assisted(ClueRef clue, String unitName, String what) implements ClueEvent {
	}

	/** 退回: the handling unit sent it back to the office. */
	record Returned(ClueRef clue, String reason) implements ClueEvent {
	}

	/** 签收: the handling unit took it and verification started. */
	record Received(ClueRef clue) implements ClueEvent {
	}

	/**
	 * 核查: the verification report was submitted, with the figures the clue stands on
	 * after it — those the handling unit verified, or the registered ones where it found
	 * none (null when unknown).
	 */
	record Verified(ClueRef clue, Long amountFen, Integer peopleCount) implements ClueEvent {
	}

	/** 补充核查: the office sent the verification back. */
	record MoreVerificationRequested(ClueRef clue, String reason) implements ClueEvent {
	}

	/**
	 * 认定, or a leader's ruling on a disputed determination ({@code ruling}), with the
	 * figures it was made on.
	 */
	record Determined(ClueRef clue, Determination determination, boolean ruling, Long amountFen,
			Integer peopleCount) implements ClueEvent {

		/** Whether the clue was found to be more than "not illegal". */
		public boolean illegal() {
			return this.determination.needsDisposal();
		}

	}

	/** 认定异议: the handling unit disputes the determination; a leader will rule. */
	record Disputed(ClueRef clue, Determination disputed) implements ClueEvent {
	}

	/**
	 * A disposal measure was recorded: taken on {@code takenOn} by the document
	 * {@code docNumber} (both null in events published before they were carried).
	 */
	record MeasureRecorded(ClueRef clue, MeasureKind kind, Long amountFen, java.time.LocalDate takenOn,
			String docNumber) implements ClueEvent {
	}

	/** 处置完毕. */
	record DisposalFinished(ClueRef clue, Determination determination, int measures) implements ClueEvent {
	}

	/**
	 * 反馈: the source was told the outcome, in these words (what a tip's reporter reads on
	 * the tracking page, what the grid worker whose patrol raised the clue is told).
	 */
	record FeedbackGiven(ClueRef clue, String feedback) implements ClueEvent {
	}

	/**
	 * 销号, at {@code closedAt} (null in events published before it was carried: the
	 * listener takes the time it receives them).
	 */
	record Closed(ClueRef clue, Determination determination, java.time.OffsetDateTime closedAt) implements ClueEvent {
	}

	/** 合并: this clue joined the open clue {@code targetId}, which goes on. */
	record Merged(ClueRef clue, long targetId, String targetCode) implements ClueEvent {
	}

	/** 回头看 found a relapse: the closed clue is verified again. */
	record Reopened(ClueRef clue, String reason) implements ClueEvent {
	}

	/** 回头看 found nothing: the clue stays closed. */
	record LookedBack(ClueRef clue, String result) implements ClueEvent {
	}

	/** 修改线索: the office corrected what the clue is about. */
	record Corrected(ClueRef clue, ClueGrade gradeBefore, Long amountFen, Integer peopleCount,
			String changes) implements ClueEvent {
	}

}
