package org.fangfei.app.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Passwords an attacker tries first: the 10,000 most frequent leaked passwords plus
 * Chinese pinyin and number classics ({@code security/common-passwords.txt}), also when
 * decorated with digits or symbols before or after ({@code Password1},
 * {@code P@ssw0rd!}), a short group repeated ({@code Aa1!Aa1!}), and runs along the
 * keyboard, the alphabet or the digits ({@code qwer1234}, {@code 1qaz@WSX}). Comparisons
 * ignore case.
 */
@Component
class CommonPasswords {

	/** Why a password is refused. */
	enum Weakness {

		COMMON, REPEATED, SEQUENCE

	}

	/** Keyboard rows and columns (US layout, unshifted), the alphabet and the digits. */
	private static final List<String> RUNS = List.of("1234567890-=", "qwertyuiop[]", "asdfghjkl;'", "zxcvbnm,./",
			"1qaz", "2wsx", "3edc", "4rfv", "5tgb", "6yhn", "7ujm", "8ik,", "9ol.", "0p;/",
			"abcdefghijklmnopqrstuvwxyz", "01234567890");

	private static final String SHIFTED = "!@#$%^&*()_+{}:\"<>?";

	private static final String UNSHIFTED = "1234567890-=[];',./";

	private static final int SHORTEST_RUN = 3;

	private static final int SHORTEST_WORD = 4;

	private final Set<String> words;

	CommonPasswords() {
		this.words = load("security/common-passwords.txt");
	}

	/** Why the password is easy to guess, or {@code null} when it is not. */
	Weakness weakness(String password) {
		String lower = password.toLowerCase(Locale.ROOT);
		String core = core(lower);
		if (this.words.contains(lower) || listed(core) || listed(deLeet(lower)) || listed(core(deLeet(lower)))) {
			return Weakness.COMMON;
		}
		if (repeated(lower) || (core.length() >= SHORTEST_WORD && repeated(core))) {
			return Weakness.REPEATED;
		}
		String plain = unshift(lower);
		if (runs(plain) || runs(core(plain)) || runs(unshift(core))) {
			return Weakness.SEQUENCE;
		}
		return null;
	}

	private boolean listed(String s) {
		return s.length() >= SHORTEST_WORD && this.words.contains(s);
	}

	/** Without the digits and symbols before and after the letters. */
	static String core(String s) {
		int start = 0;
		int end = s.length();
		while (start < end && !Character.isLetter(s.charAt(start))) {
			start++;
		}
		while (end > start && !Character.isLetter(s.charAt(end - 1))) {
			end--;
		}
		return s.substring(start, end);
	}

	static String deLeet(String s) {
		StringBuilder sb = new StringBuilder(s.length());
		for (char c : s.toCharArray()) {
			sb.append(switch (c) {
				case '@', '4' -> 'a';
				case '0' -> 'o';
				case '1', '!' -> 'i';
				case '3' -> 'e';
				case '$', '5' -> 's';
				case '7' -> 't';
				default -> c;
			});
		}
		return sb.toString();
	}

	/** The whole string is one group of characters written two or more times. */
	static boolean repeated(String s) {
		int n = s.length();
		for (int unit = 1; unit <= n / 2; unit++) {
			if (n % unit == 0 && s.substring(unit).equals(s.substring(0, n - unit))) {
				return true;
			}
		}
		return false;
	}

	static String unshift(String s) {
		StringBuilder sb = new StringBuilder(s.length());
		for (char c : s.toCharArray()) {
			int i = SHIFTED.indexOf(c);
			sb.append(i >= 0 ? UNSHIFTED.charAt(i) : c);
		}
		return sb.toString();
	}

	/**
	 * The whole string is made of runs of at least three characters, each forwards or
	 * backwards along one keyboard row or column, the alphabet or the digits.
	 */
	static boolean runs(String s) {
		int n = s.length();
		if (n < SHORTEST_RUN) {
			return false;
		}
		boolean[] coveredTo = new boolean[n + 1];
		coveredTo[0] = true;
		for (int start = 0; start < n; start++) {
			if (!coveredTo[start]) {
				continue;
			}
			for (int end = start + SHORTEST_RUN; end <= n; end++) {
				if (onOneRun(s.substring(start, end))) {
					coveredTo[end] = true;
				}
			}
		}
		return coveredTo[n];
	}

	private static boolean onOneRun(String part) {
		String reversed = new StringBuilder(part).reverse().toString();
		for (String run : RUNS) {
			if (run.contains(part) || run.contains(reversed)) {
				return true;
			}
		}
		return false;
	}

	private static Set<String> load(String resource) {
		Set<String> words = new HashSet<>();
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				String word = line.strip().toLowerCase(Locale.ROOT);
				if (!word.isEmpty() && !word.startsWith("#")) {
					words.add(word);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Set.copyOf(words);
	}

}
