package org.fangfei.app.casefile;

/**
 * A sensitive step of a case before which the social stability risk is assessed
 * (社会稳定风险评估; 004 task 24, "三同步": 依法处置、舆情引导、社会面管控 — 在采取强制措施、公开宣传口径、启动资金清退以及其他敏感处置环节和诉讼阶段).
 */
public enum SensitiveStep {

	COERCIVE_MEASURE("采取强制措施"), PUBLIC_STATEMENT("公开宣传口径(情况通报)"), REFUND_START("启动资金清退"), TRIAL("审判");

	private final String label;

	SensitiveStep(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** The sensitive step a stage move is, or null: 审判, and 清退 which starts refunds. */
	static SensitiveStep of(CaseStage stage) {
		return switch (stage) {
			case TRIAL -> TRIAL;
			case REFUND -> REFUND_START;
			default -> null;
		};
	}

}
