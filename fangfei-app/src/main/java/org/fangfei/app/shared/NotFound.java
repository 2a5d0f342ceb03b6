package org.fangfei.app.shared;

/**
 * The record does not exist or lies outside the user's data scope; both answer 404 so
 * that a probe cannot tell which.
 */
public class NotFound extends RuntimeException {

	public NotFound(String what) {
		super(what + "不存在或不在您的管辖范围内");
	}

}
