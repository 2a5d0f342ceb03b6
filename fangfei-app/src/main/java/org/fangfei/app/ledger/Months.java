package org.fangfei.app.ledger;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

/**
 * The months a ledger or report is for: only an ended month can be generated (a month
 * under way has no end to stand at), never a future one; due by the 5th of the next month
 * (seed 004: 每月5日前报送动态台账).
 */
final class Months {

	/** The day of the next month a ledger is due by. */
	static final int DUE_DAY = 5;

	private Months() {
	}

	/**
	 * A month that has ended, from YYYY-MM.
	 * @throws Rejected for a malformed, future or unfinished month
	 */
	static YearMonth ended(String text) {
		YearMonth month = parse(text);
		YearMonth now = YearMonth.from(Times.today());
		if (month.isAfter(now)) {
			throw new Rejected("不能生成未来月份（" + month + "）的台账", Map.of("month", "不能是未来月份"));
		}
		if (month.equals(now)) {
			throw new Rejected(month + " 尚未结束，月末之后才能生成该月台账", Map.of("month", "该月尚未结束"));
		}
		return month;
	}

	static YearMonth parse(String text) {
		if (text == null || !text.strip().matches("[0-9]{4}-[0-9]{2}")) {
			throw new Rejected("月份格式应为 YYYY-MM，例如 " + lastEnded(), Map.of("month", "格式应为 YYYY-MM"));
		}
		try {
			return YearMonth.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new Rejected("月份不正确：" + text.strip(), Map.of("month", "月份不正确"));
		}
	}

	/** The last month that has ended. */
	static YearMonth lastEnded() {
		return YearMonth.from(Times.today()).minusMonths(1);
	}

	/** The first moment of the month in the county's zone. */
	static OffsetDateTime start(YearMonth month) {
		return month.atDay(1).atStartOfDay(Times.zone()).toOffsetDateTime();
	}

	/** The month's end: the first moment of the next month. */
	static OffsetDateTime end(YearMonth month) {
		return start(month.plusMonths(1));
	}

	static LocalDate dueOn(YearMonth month) {
		return month.plusMonths(1).atDay(DUE_DAY);
	}

}
