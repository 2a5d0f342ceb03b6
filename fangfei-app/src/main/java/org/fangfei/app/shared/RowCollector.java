package org.fangfei.app.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * Gathers the rows of a file as they are read: blank rows are dropped, and the row that
 * takes the data rows (all but the first kept row, the header) over the limit stops the
 * reading with {@link TooManyRows}.
 */
final class RowCollector {

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
		this.lines.add(new TabularFile.Line(number, cells));
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
