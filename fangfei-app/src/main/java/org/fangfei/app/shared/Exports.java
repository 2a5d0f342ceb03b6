package org.fangfei.app.shared;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The one way a list page becomes an Excel file: the list's own search, with its filters
 * and the caller's scope, read page by page up to {@link #MAX_ROWS}; times and file names
 * in the county's time zone ({@link Times}). Each ledger's export turns its rows into
 * Chinese labels (never enum codes) and audits itself; the workbook is written by
 * {@link TabularFile#writeXlsx}, which streams its rows to disk.
 */
public final class Exports {

	/** More rows than this are refused: narrow the filters and export in parts. */
	public static final int MAX_ROWS = 10_000;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private Exports() {
	}

	/**
	 * Every row the search finds, reading pages of {@link PageRequest#MAX_SIZE}.
	 * @param search the list's search for one page, with the list's filters and scope
	 * @param noun what the rows are, for the refusal (“线索”)
	 * @throws Rejected when more than {@link #MAX_ROWS} rows match
	 */
	public static <T> List<T> all(Function<PageRequest, PageOf<T>> search, String noun) {
		PageOf<T> first = search.apply(PageRequest.of(1, PageRequest.MAX_SIZE));
		if (first.total() > MAX_ROWS) {
			throw new Rejected("符合条件的" + noun + "超过 " + MAX_ROWS + " 条，无法一次导出。请增加筛选条件后分批导出。");
		}
		List<T> rows = new ArrayList<>(first.items());
		for (int page = 2; page <= first.pages() && rows.size() < MAX_ROWS; page++) {
			List<T> items = search.apply(PageRequest.of(page, PageRequest.MAX_SIZE)).items();
			if (items.isEmpty()) {
				break;
			}
			rows.addAll(items);
		}
		return rows;
	}

	/** 线索台账-20261123.xlsx, dated in the county's time zone. */
	public static String filename(String what) {
		return what + "-" + LocalDate.now(Times.zone()).format(DateTimeFormatter.BASIC_ISO_DATE) + ".xlsx";
	}

	/** 2026-11-23 09:05 in the county's time zone (shared.Times); blank for none. */
	public static String time(OffsetDateTime at) {
		return at == null ? "" : at.atZoneSameInstant(Times.zone()).format(TIME);
	}

	/** 是 or 否. */
	public static String yesNo(boolean value) {
		return value ? "是" : "否";
	}

	/** The text of a value, blank for none. */
	public static String text(Object value) {
		return value == null ? "" : value.toString();
	}

}
