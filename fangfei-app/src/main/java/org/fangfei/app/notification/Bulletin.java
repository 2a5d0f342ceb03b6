package org.fangfei.app.notification;

import java.time.OffsetDateTime;

/**
 * A bulletin (通报) as listed.
 *
 * @param units how many units it was sent to
 * @param unitsRead how many of them have opened it
 * @param readByMyUnit for a received bulletin, whether the reader's unit has opened it;
 * null in the sent list
 */
public record Bulletin(long id, String title, String body, BulletinLevel level, String levelLabel, String senderName,
		String senderRegionCode, OffsetDateTime sentAt, int units, int unitsRead, Boolean readByMyUnit) {
}
