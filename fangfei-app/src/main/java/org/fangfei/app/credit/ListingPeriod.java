package org.fangfei.app.credit;

import java.time.LocalDate;

import org.fangfei.app.shared.Rejected;

/**
 * How long a subject stays on the list: a whole number of years (1 to 10) counted from
 * the date of the basis document, the county's default per kind of basis
 * ({@link CreditSettings}); an entry leaves the list on the day its period ends (期满自动移出).
 */
final class ListingPeriod {

	static final int MIN_YEARS = 1;

	static final int MAX_YEARS = 10;

	private ListingPeriod() {
	}

	/** The day the entry leaves the list. */
	static LocalDate expiresOn(LocalDate basisOn, int years) {
		check(years);
		return basisOn.plusYears(years);
	}

	/**
	 * Whether an entry ending on {@code expiresOn} is due to leave the list on
	 * {@code today}.
	 */
	static boolean due(LocalDate expiresOn, LocalDate today) {
		return !expiresOn.isAfter(today);
	}

	static void check(int years) {
		if (years < MIN_YEARS || years > MAX_YEARS) {
			throw new Rejected("列入期限应为 " + MIN_YEARS + " 到 " + MAX_YEARS + " 年");
		}
	}

}
