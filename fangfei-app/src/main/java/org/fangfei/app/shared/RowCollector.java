package org.fangfei.app.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

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

	/** Where the rows go when they are not kept (a streamed read), else null. */
	private final Consumer<TabularFile.Line> sink;

	private int read;

	private int kept;

	private int headerWidth;

	RowCollector(int maxRows) {
		this(maxRows, null);
	}

	/**
	 * A collector that hands each kept row to {@code sink} as it is read and keeps none,
	 * so that a file of any length is read in bounded memory.
	 */
	RowCollector(int maxRows, Consumer<TabularFile.Line> sink) {
		this.maxRows = maxRows;
		this.sink = sink;
	}

	void add(int number, List<String> cells) {
		this.read++;
		boolean blank = true;
		boolean nul = false;
		for (String cell : cells) {
			blank = blank && cell.isEmpty();
			nul = nul || cell.indexOf('\0') >= 0;
		}
		if (blank) {
			return;
		}
		if (this.kept > this.maxRows) {
			throw new TooManyRows(this.maxRows, this.read);
		}
		if (nul) {
			throw new Rejected("第 " + number + " 行含有不允许的空字符(NUL)，请删除后重新上传");
		}
		if (this.kept == 0) {
			this.headerWidth = cells.size();
		}
		this.kept++;
		TabularFile.Line line = new TabularFile.Line(number, cells);
		if (this.sink != null) {
			this.sink.accept(line);
		}
		else {
			this.lines.add(line);
		}
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
		return this.headerWidth;
	}

	/** Rows kept (handed on), the header included. */
	int kept() {
		return this.kept;
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
