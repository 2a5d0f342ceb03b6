package org.fangfei.app.notification;

/**
 * The kind of a bulletin (通报), a fixed list rather than a dictionary because the pages
 * and the notices word each one.
 */
public enum BulletinLevel {

	WORK("工作通报"), RISK_ALERT("风险提示"), COMMENDATION("通报表扬"), CRITICISM("通报批评");

	private final String label;

	BulletinLevel(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
