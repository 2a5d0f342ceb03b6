package org.fangfei.app.casefile;

/**
 * Where a participant's self-registered claim stands, with what the participant reads on
 * the tracking page.
 */
enum ClaimReview {

	SUBMITTED("待核实", "登记已收到，办案单位正在核实，请留意本页结果。"), ACCEPTED("已认可", "办案单位已核实认可您登记的金额，清退时按认可金额参与分配。"),
	CORRECTED("已更正认可", "办案单位核实后更正了金额，清退时按更正后的金额参与分配，更正理由见下。"), REFUSED("不予认可", "办案单位核实后不予认可，理由见下。如有异议，可在补充登记期间补充材料。");

	private final String label;

	private final String explanation;

	ClaimReview(String label, String explanation) {
		this.label = label;
		this.explanation = explanation;
	}

	public String label() {
		return this.label;
	}

	public String explanation() {
		return this.explanation;
	}

}
