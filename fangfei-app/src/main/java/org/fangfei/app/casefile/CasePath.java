package org.fangfei.app.casefile;

import java.util.List;

/**
 * How a case is handled: by the administrative path of the 条例 (行政调查, 认定, 处罚或取缔, 清退) or by
 * the criminal path (立案 to 执行, then 清退). Both end with 结案.
 */
public enum CasePath {

	ADMINISTRATIVE("行政处置",
			List.of(CaseStage.ADMIN_INVESTIGATION, CaseStage.ADMIN_DETERMINATION, CaseStage.PENALTY, CaseStage.REFUND,
					CaseStage.CLOSED)),
	CRIMINAL("刑事办理", List.of(CaseStage.FILED, CaseStage.INVESTIGATION, CaseStage.PROSECUTION, CaseStage.TRIAL,
			CaseStage.ENFORCEMENT, CaseStage.REFUND, CaseStage.CLOSED));

	private final String label;

	private final List<CaseStage> stages;

	CasePath(String label, List<CaseStage> stages) {
		this.label = label;
		this.stages = stages;
	}

	public String label() {
		return this.label;
	}

	/** The stages in order, the first one opening the case. */
	public List<CaseStage> stages() {
		return this.stages;
	}

	public boolean has(CaseStage stage) {
		return this.stages.contains(stage);
	}

	/** The stage after {@code stage} on this path, or null after the last. */
	CaseStage after(CaseStage stage) {
		int at = this.stages.indexOf(stage);
		return at < 0 || at + 1 >= this.stages.size() ? null : this.stages.get(at + 1);
	}

	/** Whether {@code stage} is reached once {@code current} is (same or later). */
	boolean reached(CaseStage current, CaseStage stage) {
		int here = this.stages.indexOf(current);
		int there = this.stages.indexOf(stage);
		return here >= 0 && there >= 0 && here >= there;
	}

}
