package org.fangfei.app.shared;

/**
 * A file refused because it holds more data rows than one upload may; thrown as soon as
 * the first row over the limit is read, so the rest of the file is never parsed.
 */
public class TooManyRows extends Rejected {

	private final int limit;

	private final int rowsRead;

	TooManyRows(int limit, int rowsRead) {
		super("一次最多导入 " + limit + " 行，请拆分文件");
		this.limit = limit;
		this.rowsRead = rowsRead;
	}

	/** The most data rows accepted. */
	public int limit() {
		return this.limit;
	}

	/**
	 * Rows taken from the file (header and blank rows included) before reading stopped.
	 */
	public int rowsRead() {
		return this.rowsRead;
	}

}
