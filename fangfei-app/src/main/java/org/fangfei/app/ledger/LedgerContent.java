package org.fangfei.app.ledger;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * A generated ledger or report as kept: its title block and its sections, each a table of
 * text cells, frozen as generated (a later change to the records never changes a
 * version).
 *
 * @param title e.g. "会师镇 2026-10 月度动态台账"
 * @param asAt the moment the content stands at, as text (the month's end)
 */
record LedgerContent(String title, String asAt, List<Section> sections) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A table: a heading, its column names and its rows. */
	record Section(String key, String title, List<String> header, List<List<String>> rows) {
	}

	Section section(String key) {
		return this.sections.stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
	}

	String json() {
		return JSON.writeValueAsString(this);
	}

	static LedgerContent of(String json) {
		return JSON.readValue(json, LedgerContent.class);
	}

}
