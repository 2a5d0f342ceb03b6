package org.fangfei.app.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * Gathers the rows of a file as they are read: blank rows are dropped, the row that takes
 * the data rows (all but the first kept row, the header) over the limit stops the reading
 * with {@link TooManyRows}, and a row holding a NUL character refuses the file, naming
 * the row (PostgreSQL cannot store NUL in text).
 */
final class RowCollector {

	/**
	 * Most columns a row may have: a cell far to the right (column XFD is the 16,384th)
	 * would otherwise make every row that wide in memory.
	 */
	static final int MAX_COLUMNS = 200;

	private final int maxRows;

	private final List<TabularFile.Line> lines = new ArrayList<>();

	private int read;

	RowCollector(int maxRows) {
		this.maxRows = maxRows;
	}

	void add(int number, List<String> cells) {
		this.read++;
		if (cells.stream().allMatch(String::isEmpty)) {
			return;
		}
		if (this.lines.size() > this.maxRows) {
			throw new TooManyRows(this.maxRows, this.read);
		}
		if (cells.stream().anyMatch(cell -> cell.indexOf('\0') >= 0)) {
			throw new Rejected("第 " + number + " 行含有不允许的空字符(NUL)，请删除后重新上传");
		}
		this.lines.add(new TabularFile.Line(number, cells));
	}

	/**
	 * @throws Rejected when a row is wider than {@link #MAX_COLUMNS}, naming the row
	 */
	static void checkWidth(int number, int width) {
		if (width > MAX_COLUMNS) {
			throw new Rejected("第 " + number + " 行超过 " + MAX_COLUMNS + " 列，请删除多余的列(包括右侧远处的内容)后重新上传");
		}
	}

	/** Width of the header row, 0 before it was read. */
	int headerWidth() {
		return this.lines.isEmpty() ? 0 : this.lines.get(0).cells().size();
	}

	/**
	 * @throws Rejected when the file held no row at all
	 */
	List<TabularFile.Line> lines() {
		if (this.lines.isEmpty()) {
			throw new Rejected("文件是空的：第一行应为表头");
		}
		return this.lines;
	}

}
