package org.fangfei.app.casefile;

/**
 * The case list's filters; each is optional.
 *
 * @param text part of the code or title
 * @param key only key cases ({@link KeyCaseRules})
 * @param supervised only cases under listed supervision
 */
record CaseQuery(String text, CasePath path, CaseStage stage, CaseOrigin origin, String regionCode, String sectorCode,
		Boolean key, Boolean supervised) {

	public boolean keyOnly() {
		return Boolean.TRUE.equals(this.key);
	}

	public boolean supervisedOnly() {
		return Boolean.TRUE.equals(this.supervised);
	}

}
