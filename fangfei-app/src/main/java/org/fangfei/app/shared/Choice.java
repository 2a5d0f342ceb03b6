package org.fangfei.app.shared;

/**
 * One entry a picker offers (a region, grid, subject, building or person): what the form
 * sends, what people read, a line that tells two alike apart, and whether it has entries
 * under it (a region with townships or villages) to open in the tree.
 *
 * @param value what the form field sends (a region code, an id, a username)
 * @param label the name people read
 * @param detail where it is or what it is (the region path, the credit code)
 * @param more whether it has children to open
 */
public record Choice(String value, String label, String detail, boolean more) {

	/** A leaf: nothing under it. */
	public static Choice of(String value, String label, String detail) {
		return new Choice(value, label, detail, false);
	}

}
