package org.fangfei.app.clue;

/**
 * 处置措施 (条例 ch. 4).
 */
public enum MeasureKind {

	WARNING_INTERVIEW("警示约谈"), RECTIFICATION_ORDER("责令整改"), STOP_ORDER("责令停止活动"), SEIZURE("查封扣押冻结"),
	SUPERVISED_REFUND("监督清退集资资金"), ADMIN_PENALTY("行政处罚"), POLICE_TRANSFER("移送公安"), REGULARISATION("规范整改后纳入正常监管");

	private final String label;

	MeasureKind(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
