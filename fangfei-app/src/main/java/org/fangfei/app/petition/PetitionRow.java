package org.fangfei.app.petition;

import java.time.LocalDate;

/** A petition as the list, the export and the API show it. */
record PetitionRow(long id, String code, Channel channel, LocalDate receivedOn, String regionCode, String regionName,
		LevelReached level, int petitionersCount, boolean collective, String petitioner, Long caseId, String caseCode,
		Long subjectId, String request, PetitionStatus status, LocalDate acceptDueOn, LocalDate finishDueOn,
		Integer extensionDays, LocalDate repliedOn, Satisfaction satisfaction, boolean overdue, int version) {

	/** The deadline that applies now: accept and tell, or finish; none once done. */
	public LocalDate dueOn() {
		return switch (this.status) {
			case RECEIVED -> this.acceptDueOn;
			case ACCEPTED -> this.finishDueOn;
			default -> null;
		};
	}

}
