package org.fangfei.app.clue;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A clue as a line of the list; serializable, since it may wait in the session as a flash
 * attribute.
 */
public record ClueRow(long id, String code, ClueSource source, OffsetDateTime receivedAt, String title,
		String regionName, String sectorLabel, ClueGrade grade, ClueState state, String handlerName, LocalDate dueOn,
		boolean overdue, boolean supervised) implements Serializable {
}
