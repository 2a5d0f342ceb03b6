package org.fangfei.app.petition;

/**
 * The petition list's filters: text is a code, words of the request, a petitioner's name,
 * or a petitioner's full ID number or phone (matched exactly through the blind index).
 */
record PetitionQuery(String text, Channel channel, PetitionStatus status, LevelReached level, String regionCode,
		Boolean overdue, Boolean collective, Long caseId) {

	public boolean overdueOnly() {
		return Boolean.TRUE.equals(this.overdue);
	}

	public boolean collectiveOnly() {
		return Boolean.TRUE.equals(this.collective);
	}

	static PetitionQuery none() {
		return new PetitionQuery(null, null, null, null, null, null, null, null);
	}

}
