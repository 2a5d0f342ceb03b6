package org.fangfei.app.casefile;

/**
 * The five duties of 三统两分 for a cross-region case (开县 task 10, 枣庄 task 20): three held
 * once for the whole case and two held by each region involved for its own part.
 */
enum Duty {

	COMMAND("统一指挥协调", true), REQUIREMENTS("统一办案要求", true), ASSET_POLICY("统一资产处置政策", true),
	INVESTIGATION("分别立案侦查诉讼", false), STABILITY("分别落实维稳属地责任", false);

	private final String label;

	private final boolean unified;

	Duty(String label, boolean unified) {
		this.label = label;
		this.unified = unified;
	}

	public String label() {
		return this.label;
	}

	/** Held by one region for the whole case (统一); otherwise by each region (分别). */
	public boolean unified() {
		return this.unified;
	}

}
