package org.fangfei.app.clue;

/**
 * Where a clue stands in the workflow. Every state except the three ends has a deadline
 * (办理时限) in working days, set per state and grade.
 */
public enum ClueState {

	REGISTERED("待受理"), ACCEPTED("待分派"), REJECTED("不予受理"), DISPATCHED("已分派待签收"), VERIFYING("核查中"), ASSESSING("待研判认定"),
	DISPUTED("认定争议待裁决"), DISPOSING("处置中"), FEEDBACK("待反馈销号"), CLOSED("已销号"), MERGED("已合并");

	private final String label;

	ClueState(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** Whether the clue still needs work: not rejected, closed or merged. */
	public boolean open() {
		return this != REJECTED && this != CLOSED && this != MERGED;
	}

	/**
	 * Where the matter stands, as coarsely as other modules need it: waiting to be taken
	 * on, in hand, finishing (found not illegal or disposed of, waiting for feedback and
	 * close-out) or concluded (rejected, closed, or merged into another clue).
	 */
	public ClueProgress progress() {
		return switch (this) {
			case REGISTERED -> ClueProgress.WAITING;
			case FEEDBACK -> ClueProgress.FINISHING;
			case REJECTED, CLOSED, MERGED -> ClueProgress.CONCLUDED;
			default -> ClueProgress.IN_HAND;
		};
	}

}
