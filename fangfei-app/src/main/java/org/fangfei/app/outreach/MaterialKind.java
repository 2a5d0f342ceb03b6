package org.fangfei.app.outreach;

/** What kind of outreach material a library entry is. */
public enum MaterialKind {

	LEAFLET("宣传单"), POSTER("海报"), BROCHURE("宣传手册"), VIDEO("视频"), BANNER("横幅标语"), OTHER("其他");

	private final String label;

	MaterialKind(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
