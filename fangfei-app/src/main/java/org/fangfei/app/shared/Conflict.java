package org.fangfei.app.shared;

/**
 * A request refused because the record is not in a state that allows it — someone else
 * acted first, or the move does not exist from here. Answered with 409; the message is
 * Chinese and says what the record's state is now.
 */
public class Conflict extends Rejected {

	public Conflict(String message) {
		super(message);
	}

}
