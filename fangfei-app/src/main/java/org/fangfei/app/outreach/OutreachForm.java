package org.fangfei.app.outreach;

/** How an activity reached people; an activity uses one or more forms. */
public enum OutreachForm {

	LECTURE("讲座"), BOARD("展板"), LEAFLET("发放传单"), BANNER("横幅"), LED("LED屏"), NEW_MEDIA("新媒体"), CONSULTATION("现场咨询");

	private final String label;

	OutreachForm(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
