package org.fangfei.detect;

/**
 * A row of the input is wrong; the message names the line. Nothing is skipped silently.
 */
public class BadInputException extends RuntimeException {

	private final long line;

	public BadInputException(long line, String problem) {
		super("line " + line + ": " + problem);
		this.line = line;
	}

	/** The 1-based line number in the input (the header is line 1). */
	public long line() {
		return this.line;
	}

}
