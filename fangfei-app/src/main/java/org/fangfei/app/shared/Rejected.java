package org.fangfei.app.shared;

import java.util.Map;

/**
 * A request refused for a reason the user can fix; the message is Chinese and shown as
 * is. Thrown before anything is written, or inside the transaction so that nothing is.
 */
public class Rejected extends RuntimeException {

	private final Map<String, String> fieldErrors;

	public Rejected(String message) {
		this(message, Map.of());
	}

	public Rejected(String message, Map<String, String> fieldErrors) {
		super(message);
		this.fieldErrors = Map.copyOf(fieldErrors);
	}

	/** Field name to Chinese message, for forms; may be empty. */
	public Map<String, String> fieldErrors() {
		return this.fieldErrors;
	}

}
