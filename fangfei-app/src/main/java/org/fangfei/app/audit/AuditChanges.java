package org.fangfei.app.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An audit row's before and after, field by field, as the audit page shows them (字段 / 修改前
 * / 修改后). Modules write a record's {@code toString()} ({@code Subject[id=8,
 * kind=ENTERPRISE, …]}); this reads that form back into its fields, labels them and their
 * coded values in Chinese ({@link AuditLabels}) and, for a change, keeps the fields that
 * changed. Text that is not in that form (a state, a list, a setting's value) is one row.
 */
public final class AuditChanges {

	/** One field: its label and its value before and after, each null when absent. */
	public record Row(String field, String before, String after) {
	}

	private AuditChanges() {
	}

	/** The rows for a before and after text, either of which may be null. */
	public static List<Row> of(String before, String after) {
		if (before == null && after == null) {
			return List.of();
		}
		Map<String, String> was = fields(before);
		Map<String, String> is = fields(after);
		if ((before != null && was == null) || (after != null && is == null)) {
			return List.of(new Row("内容", plain(before), plain(after)));
		}
		List<Row> rows = new ArrayList<>();
		Set<String> names = new LinkedHashSet<>();
		if (was != null) {
			names.addAll(was.keySet());
		}
		if (is != null) {
			names.addAll(is.keySet());
		}
		for (String name : names) {
			String b = was == null ? null : was.get(name);
			String a = is == null ? null : is.get(name);
			if (was != null && is != null && Objects.equals(b, a)) {
				continue;
			}
			if ((was == null || is == null) && blank(was == null ? a : b)) {
				continue;
			}
			rows.add(new Row(AuditLabels.field(name), was == null ? null : AuditLabels.value(name, b),
					is == null ? null : AuditLabels.value(name, a)));
		}
		return rows;
	}

	private static boolean blank(String value) {
		return value == null || value.isEmpty() || value.equals("null") || value.equals("[]");
	}

	private static String plain(String text) {
		return text == null ? null : AuditLabels.value("", text);
	}

	/**
	 * The fields of a record's {@code toString()} form, in order; null when the text is
	 * not in that form.
	 */
	static Map<String, String> fields(String text) {
		if (text == null) {
			return null;
		}
		String t = text.strip();
		int open = t.indexOf('[');
		if (open <= 0 || !t.endsWith("]") || !t.substring(0, open).matches("[A-Z][A-Za-z0-9]*")) {
			return null;
		}
		Map<String, String> fields = new LinkedHashMap<>();
		String body = t.substring(open + 1, t.length() - 1);
		if (body.isBlank()) {
			return fields;
		}
		for (String part : split(body)) {
			int eq = part.indexOf('=');
			if (eq <= 0 || !part.substring(0, eq).matches("[a-z][A-Za-z0-9]*")) {
				return null;
			}
			fields.put(part.substring(0, eq), part.substring(eq + 1));
		}
		return fields;
	}

	/** Splits at ", name=" outside brackets. */
	private static List<String> split(String body) {
		List<String> parts = new ArrayList<>();
		int depth = 0;
		int start = 0;
		for (int i = 0; i < body.length(); i++) {
			char c = body.charAt(i);
			if (c == '[') {
				depth++;
			}
			else if (c == ']') {
				depth = Math.max(0, depth - 1);
			}
			else if (c == ',' && depth == 0 && body.startsWith(" ", i + 1) && startsField(body, i + 2)) {
				parts.add(body.substring(start, i));
				start = i + 2;
			}
		}
		parts.add(body.substring(start));
		return parts;
	}

	private static boolean startsField(String body, int at) {
		int i = at;
		while (i < body.length() && Character.isLetterOrDigit(body.charAt(i)) && body.charAt(i) < 128) {
			i++;
		}
		return i > at && i < body.length() && body.charAt(i) == '=' && Character.isLowerCase(body.charAt(at));
	}

}
