package org.fangfei.app.shared;

/**
 * Bound values for SQL {@code LIKE}: the user's text is matched literally, so {@code %}
 * and {@code _} typed into a search box are characters, not wildcards. PostgreSQL's
 * default escape character for LIKE is the backslash.
 */
public final class SqlLike {

	private SqlLike() {
	}

	public static String contains(String text) {
		return "%" + escape(text) + "%";
	}

	public static String startsWith(String text) {
		return escape(text) + "%";
	}

	static String escape(String text) {
		String t = text == null ? "" : text.trim();
		return t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
