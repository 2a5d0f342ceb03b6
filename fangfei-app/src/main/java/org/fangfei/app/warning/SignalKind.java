package org.fangfei.app.warning;

/**
 * The named signals of the risk index. Each contribution is weight × strength, and a
 * signal of a moment (a clue, an ad, a finding) fades with the half-life; a standing fact
 * (the sector, the words in the name) counts while it holds.
 */
enum SignalKind {

	CLUE("线索、举报", true), MONITORING("资金监测预警", true), AD("广告资讯命中", true), KEY_SECTOR("重点领域行业", false),
	STATUTORY_WORDS("法定禁用字样", false), LICENCE("证照异常", false), MANUAL("人工评定风险等级", false), PETITION("信访", true),
	PATROL("巡查发现问题", true), SWEEP("扫楼发现问题", true), LINK("关联高风险主体", false);

	private final String label;

	private final boolean decays;

	SignalKind(String label, boolean decays) {
		this.label = label;
		this.decays = decays;
	}

	public String label() {
		return this.label;
	}

	boolean decays() {
		return this.decays;
	}

}
