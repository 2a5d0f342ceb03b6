package org.fangfei.app.petition;

import java.time.LocalDate;

import org.fangfei.app.calendar.WorkingDays;

/**
 * The petition deadlines of the 信访工作条例 (2022), counted here in working days of the work
 * calendar: whether a petition is accepted is decided and told to the petitioner within
 * 15 days of receipt (art. 32), an accepted petition is finished within 60 days of
 * acceptance (art. 35), and a complicated one may be extended once by at most 30 days
 * ({@link OneExtensionOfUpToThirtyDays}). The day of receipt or acceptance is not
 * counted.
 */
final class PetitionDeadlines {

	static final int ACCEPT_DAYS = 15;

	static final int FINISH_DAYS = 60;

	private PetitionDeadlines() {
	}

	/** The last day to accept (or refuse) a petition received on {@code receivedOn}. */
	static LocalDate acceptBy(WorkingDays days, LocalDate receivedOn) {
		return days.plus(receivedOn, ACCEPT_DAYS);
	}

	/** The last day to finish a petition accepted on {@code acceptedOn}. */
	static LocalDate finishBy(WorkingDays days, LocalDate acceptedOn) {
		return days.plus(acceptedOn, FINISH_DAYS);
	}

	/** The last day to finish after an extension of {@code extension} working days. */
	static LocalDate extendedTo(WorkingDays days, LocalDate finishBy, int extension) {
		return days.plus(finishBy, extension);
	}

	/** Whether a petition in {@code status} is past its deadline on {@code today}. */
	static boolean overdue(PetitionStatus status, LocalDate acceptDueOn, LocalDate finishDueOn, LocalDate today) {
		return switch (status) {
			case RECEIVED -> today.isAfter(acceptDueOn);
			case ACCEPTED -> finishDueOn != null && today.isAfter(finishDueOn);
			default -> false;
		};
	}

}
