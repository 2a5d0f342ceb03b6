package org.fangfei.app.notification;

import java.time.OffsetDateTime;

/**
 * A notice as one reader sees it.
 *
 * @param read whether this reader has opened it
 * @param open whether it still needs this reader: not resolved, and either it asks for
 * action or the reader has not read it yet
 */
public record Notice(long id, NoticeKind kind, String kindLabel, String title, String body, String link,
		OffsetDateTime createdAt, boolean read, OffsetDateTime resolvedAt, boolean open) {

	public boolean resolved() {
		return this.resolvedAt != null;
	}

}
