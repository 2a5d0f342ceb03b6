package org.fangfei.app.building;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import org.fangfei.app.shared.Times;

import org.springframework.stereotype.Component;

/**
 * Today and the current month as the county counts them (Asia/Shanghai), whatever the
 * server's own time zone.
 */
@Component
class SweepCalendar {

	static final ZoneId CHINA = Times.zone();

	private final Clock clock = Times.clock();

	LocalDate today() {
		return LocalDate.now(this.clock);
	}

	YearMonth thisMonth() {
		return YearMonth.from(today());
	}

}
