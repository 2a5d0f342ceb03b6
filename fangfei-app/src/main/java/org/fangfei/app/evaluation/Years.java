package org.fangfei.app.evaluation;

import java.util.Map;

import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

/** The evaluation year as typed: from 2000 to the current year. */
final class Years {

	private Years() {
	}

	static int parse(String text) {
		if (text == null || text.isBlank()) {
			return Times.today().getYear();
		}
		try {
			return check(Integer.parseInt(text.strip()));
		}
		catch (NumberFormatException ex) {
			throw new Rejected("考核年度须为四位数字的年份，如2026", Map.of("year", "年度无效"));
		}
	}

	static int check(int year) {
		if (year < 2000 || year > Times.today().getYear()) {
			throw new Rejected("考核年度须在2000年到" + Times.today().getYear() + "年之间", Map.of("year", "年度无效"));
		}
		return year;
	}

}
