package org.fangfei.app.ad;

import java.time.OffsetDateTime;

/**
 * A screened text with its verdict, its subject and clue when it has them, and how many
 * posts of the batch's scope carry the same text ({@code repeats}, 1 for a single post).
 */
public record AdPost(long id, long batchId, String regionCode, String url, String title, String body,
		OffsetDateTime publishedAt, int score, boolean flagged, String explanation, Long subjectId, String subjectName,
		Long clueId, String clueCode, OffsetDateTime createdAt, int repeats) {

	/** The first characters of the text, for lists. */
	public String excerpt() {
		String s = this.body.replaceAll("\\s+", " ").strip();
		return s.length() > 80 ? s.substring(0, 80) + "…" : s;
	}

	/** The time shown: published, or screened when the source gave none. */
	public OffsetDateTime shownAt() {
		return this.publishedAt != null ? this.publishedAt : this.createdAt;
	}

}
