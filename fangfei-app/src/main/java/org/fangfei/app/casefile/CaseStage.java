package org.fangfei.app.casefile;

/**
 * 案件阶段: the stages of the administrative path (行政调查 → 认定 → 处罚/取缔 → 清退) and of the
 * criminal path (立案 → 侦查 → 审查起诉 → 审判 → 执行 → 清退), and the end of both (结案).
 */
public enum CaseStage {

	ADMIN_INVESTIGATION("行政调查"), ADMIN_DETERMINATION("认定"), PENALTY("处罚/取缔"), FILED("立案"), INVESTIGATION("侦查"),
	PROSECUTION("审查起诉"), TRIAL("审判"), ENFORCEMENT("执行"), REFUND("清退"), CLOSED("结案");

	private final String label;

	CaseStage(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
