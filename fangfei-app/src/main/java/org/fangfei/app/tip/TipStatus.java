package org.fangfei.app.tip;

import org.fangfei.app.clue.ClueProgress;

/**
 * What the reporter is told about progress — deliberately coarse, so the tracking page
 * says nothing about who handles the matter or what was found.
 */
enum TipStatus {

	RECEIVED("已收到", "您的举报已收到，正在登记受理。"), CHECKING("核查处理中", "您的举报已受理，有关部门正在核查处理。"),
	FINISHING("处理完毕待办结", "有关部门已完成核查处理，正在向您反馈办理结果(见下方消息)并办理销号。"), HANDLED("已办结", "您反映的问题已处理完毕。感谢您的支持！");

	private final String label;

	private final String explanation;

	TipStatus(String label, String explanation) {
		this.label = label;
		this.explanation = explanation;
	}

	public String label() {
		return this.label;
	}

	public String explanation() {
		return this.explanation;
	}

	/**
	 * From the progress of the clue the tip became (after following merges), as the tip
	 * module keeps it ({@code tip.clue_progress}, fed by the clue module's events).
	 */
	static TipStatus of(String clueProgress) {
		return switch (ClueProgress.valueOf(clueProgress)) {
			case WAITING -> RECEIVED;
			case IN_HAND -> CHECKING;
			case FINISHING -> FINISHING;
			case CONCLUDED -> HANDLED;
		};
	}

}
