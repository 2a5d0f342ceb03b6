package org.fangfei.app.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

/**
 * A statistical period: from one date to another, both included, in the county's time
 * zone. It ends today at the latest (a form for a period not yet over would change under
 * the reader) and spans at most three years.
 */
public record Period(LocalDate from, LocalDate to) {

	static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

	static final long MAX_DAYS = 3 * 366;

	/** Reads and checks the two dates as typed in a form or a link. */
	public static Period parse(String from, String to) {
		LocalDate f = date(from, "from", "开始日期");
		LocalDate t = date(to, "to", "截止日期");
		return of(f, t);
	}

	/** Checks a period, refusing it with the reason in Chinese. */
	public static Period of(LocalDate from, LocalDate to) {
		if (from.isBefore(EARLIEST)) {
			throw new Rejected("开始日期不能早于2000年1月1日", Map.of("from", "开始日期不能早于2000年1月1日"));
		}
		if (to.isBefore(from)) {
			throw new Rejected("截止日期不能早于开始日期", Map.of("to", "截止日期不能早于开始日期"));
		}
		if (to.isAfter(Times.today())) {
			throw new Rejected("截止日期不能晚于今天：统计期间须已开始且不含未来的日子", Map.of("to", "截止日期不能晚于今天"));
		}
		if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
			throw new Rejected("统计期间不能超过三年", Map.of("to", "统计期间不能超过三年"));
		}
		return new Period(from, to);
	}

	/** The calendar month {@code months} before the current one (1 = last month). */
	public static Period monthsAgo(int months) {
		LocalDate first = Times.today().withDayOfMonth(1).minusMonths(months);
		return new Period(first, first.plusMonths(1).minusDays(1));
	}

	/** The current month up to today. */
	public static Period thisMonth() {
		return new Period(Times.today().withDayOfMonth(1), Times.today());
	}

	/** The first moment of the period in the county. */
	public OffsetDateTime fromAt() {
		return this.from.atStartOfDay(Times.zone()).toOffsetDateTime();
	}

	/** The first moment after the period in the county. */
	public OffsetDateTime untilAt() {
		return this.to.plusDays(1).atStartOfDay(Times.zone()).toOffsetDateTime();
	}

	/** 2026-11-01 至 2026-11-30. */
	public String label() {
		return this.from + " 至 " + this.to;
	}

	private static LocalDate date(String text, String field, String label) {
		if (text == null || text.isBlank()) {
			throw new Rejected("请填写" + label, Map.of(field, "请填写" + label));
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new Rejected(label + "不是有效日期(格式：2026-11-30)", Map.of(field, label + "不是有效日期"));
		}
	}

}
