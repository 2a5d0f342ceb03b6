package org.fangfei.app.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * How an uploaded table's header is matched to the fields an importer knows, the one way
 * for bank files (monitoring's transfer lists, the statements of account enquiries):
 * cells compare without spaces, full-width brackets or case; a field's column is guessed
 * from the header names that mean it; and a header is remembered by its
 * {@link #signature}, so the next file with the same header maps by itself.
 */
public final class HeaderNames {

	private HeaderNames() {
	}

	/** A header cell as compared: no white space, ASCII brackets, lower case. */
	public static String normalise(String header) {
		return header.replace('（', '(').replace('）', ')').replaceAll("\\s+", "").toLowerCase();
	}

	/**
	 * The first guess of each field's column (0-based): for each field in order, the
	 * first of its names found in the header in a column no earlier field took. Fields
	 * without a column are left out.
	 */
	public static <F> Map<F, Integer> guess(List<String> header, List<F> fields, Function<F, List<String>> names) {
		Map<F, Integer> found = new LinkedHashMap<>();
		for (F field : fields) {
			for (String name : names.apply(field)) {
				int at = indexOf(header, name, found);
				if (at >= 0) {
					found.put(field, at);
					break;
				}
			}
		}
		return found;
	}

	private static int indexOf(List<String> header, String name, Map<?, Integer> taken) {
		String wanted = normalise(name);
		for (int i = 0; i < header.size(); i++) {
			if (normalise(header.get(i)).equals(wanted) && !taken.containsValue(i)) {
				return i;
			}
		}
		return -1;
	}

	/** SHA-256 of the normalised header cells: the same bank's file has the same one. */
	public static String signature(List<String> header) {
		StringBuilder text = new StringBuilder();
		for (String cell : header) {
			text.append(normalise(cell)).append('\u0001');
		}
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
