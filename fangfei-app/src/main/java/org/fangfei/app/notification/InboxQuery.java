package org.fangfei.app.notification;

/**
 * The inbox filter.
 *
 * @param kind one kind, or null for all
 * @param state {@code open} (default), {@code done} or {@code all}
 */
record InboxQuery(NoticeKind kind, String state) {

	String stateOrDefault() {
		return "done".equals(this.state) || "all".equals(this.state) ? this.state : "open";
	}

}
