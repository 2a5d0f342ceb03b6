package org.fangfei.app.clue;

/**
 * Where a clue's matter stands, for other modules that must not depend on the workflow's
 * states ({@link ClueState#progress()}): a tip's reporter is told this and nothing more.
 */
public enum ClueProgress {

	/** Registered, not yet taken on by the office. */
	WAITING,
	/** Accepted and being dispatched, verified, determined or disposed of. */
	IN_HAND,
	/**
	 * Found not illegal or disposed of: the source is being told the outcome and the clue
	 * waits to be closed out (待反馈销号) — not yet concluded.
	 */
	FINISHING,
	/** Rejected, closed, or merged into another clue. */
	CONCLUDED

}
