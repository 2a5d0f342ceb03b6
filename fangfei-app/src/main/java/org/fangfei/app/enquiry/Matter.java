package org.fangfei.app.enquiry;

/**
 * The case or clue whose statements are traced together (CASE or CLUE with its id).
 */
record Matter(String kind, long id, String label, String regionCode) {

	String key() {
		return this.kind + "-" + this.id;
	}

}
