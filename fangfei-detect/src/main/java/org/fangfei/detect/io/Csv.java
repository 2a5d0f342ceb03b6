package org.fangfei.detect.io;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.fangfei.detect.BadInputException;

/**
 * Small String-based CSV helpers for the side files (alerts, truth); the hot path uses
 * TransferParser.
 */
public final class Csv {

	private Csv() {
	}

	/**
	 * The fields of one line (RFC 4180 quoting).
	 * @param n the line's number, for the message
	 * @throws BadInputException for an unterminated quote
	 */
	public static List<String> split(String line, long n) {
		List<String> out = new ArrayList<>();
		StringBuilder cur = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char ch = line.charAt(i);
			if (quoted) {
				if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					cur.append('"');
					i++;
				}
				else if (ch == '"') {
					quoted = false;
				}
				else {
					cur.append(ch);
				}
			}
			else if (ch == '"') {
				quoted = true;
			}
			else if (ch == ',') {
				out.add(cur.toString());
				cur.setLength(0);
			}
			else {
				cur.append(ch);
			}
		}
		if (quoted) {
			throw new BadInputException(n, "unterminated quote");
		}
		out.add(cur.toString());
		return out;
	}

	static long time(String s, long n) {
		TransferParser p = one(s, TransferParser.TIME, n);
		return p.timeMillis();
	}

	static long fen(String s, long n) {
		return one(s, TransferParser.AMOUNT, n).amountFen();
	}

	private static TransferParser one(String s, int field, long n) {
		TransferParser p = new TransferParser();
		p.b = s.getBytes(StandardCharsets.UTF_8);
		p.line = n;
		p.start[field] = 0;
		p.end[field] = p.b.length;
		return p;
	}

}
