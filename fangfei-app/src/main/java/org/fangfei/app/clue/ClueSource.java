package org.fangfei.app.clue;

/**
 * 线索来源: the channel a clue came in by. Channels with someone to answer expect feedback
 * (反馈) before close-out.
 */
public enum ClueSource {

	TIP("群众举报", true), HOTLINE("热线电话(12345/110/举报电话)", true), PATROL("网格走访发现", false), REFERRAL("部门移交", true),
	ASSIGNED("上级交办", true), MEDIA("媒体曝光", false), MONITORING("监测预警", false), BANK_REPORT("金融机构可疑交易报告", true),
	ASSOCIATION("行业协会报送", true), PETITION("信访件", true), OTHER("其他", false);

	private final String label;

	private final boolean feedbackExpected;

	ClueSource(String label, boolean feedbackExpected) {
		this.label = label;
		this.feedbackExpected = feedbackExpected;
	}

	public String label() {
		return this.label;
	}

	/** Whether the source is told the outcome before the clue is closed out. */
	public boolean feedbackExpected() {
		return this.feedbackExpected;
	}

}
