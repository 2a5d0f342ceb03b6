package org.fangfei.app.outreach;

/**
 * The age band a survey visitor picks — the only thing asked about them; older people are
 * the first target of outreach (seed 003 art. 8), so their awareness is shown apart.
 */
public enum AgeBand {

	UNDER_30("30岁以下"), FROM_30("30-44岁"), FROM_45("45-59岁"), FROM_60("60-69岁"), FROM_70("70岁及以上");

	private final String label;

	AgeBand(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
