package org.fangfei.app.outreach;

/**
 * 七进 (seed 003 art. 8, seed 004 task 27): where an outreach activity went — 进机关、进企业、进学校、
 * 进社区、进农村、进家庭、进广场(集市) — and the bank branches where savers are met.
 */
public enum Venue {

	AGENCY("进机关"), ENTERPRISE("进企业(工厂)"), SCHOOL("进学校"), COMMUNITY("进社区"), VILLAGE("进农村(村镇)"), FAMILY("进家庭"),
	SQUARE("进广场(集市)"), BANK("金融网点"), OTHER("其他");

	private final String label;

	Venue(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
