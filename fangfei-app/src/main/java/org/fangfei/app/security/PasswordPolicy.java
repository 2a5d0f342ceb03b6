package org.fangfei.app.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;

import org.fangfei.app.shared.Rejected;

import org.springframework.stereotype.Component;

/**
 * Password rules from the security settings: a minimum length and a minimum number of
 * character classes (upper case, lower case, digits, symbols); the username may not
 * appear in the password.
 */
@Component
class PasswordPolicy {

	private static final String ALPHABET_UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final String ALPHABET_LOWER = "abcdefghijkmnpqrstuvwxyz";

	private static final String ALPHABET_DIGIT = "23456789";

	private static final String ALPHABET_SYMBOL = "@#%+=!";

	private final SecuritySettings settings;

	private final SecureRandom random = new SecureRandom();

	PasswordPolicy(SecuritySettings settings) {
		this.settings = settings;
	}

	void check(String username, String password) {
		checkBcryptLimit(password);
		int minLength = this.settings.passwordMinLength();
		int minClasses = this.settings.passwordMinClasses();
		String problem = null;
		if (password == null || password.length() < minLength) {
			problem = "密码至少 " + minLength + " 位";
		}
		else if (password.length() > 64) {
			problem = "密码不能超过64位";
		}
		else if (classes(password) < minClasses) {
			problem = "密码至少包含大写字母、小写字母、数字、符号中的 " + minClasses + " 类";
		}
		else if (username != null && password.toLowerCase().contains(username.toLowerCase())) {
			problem = "密码不能包含用户名";
		}
		if (problem != null) {
			throw new Rejected(problem, Map.of("newPassword", problem));
		}
	}

	/**
	 * bcrypt reads at most 72 bytes of a password (Spring Security refuses more): a
	 * longer one, easily reached with Chinese characters of 3 UTF-8 bytes each, is
	 * refused here with a reason instead of failing when hashed.
	 */
	static void checkBcryptLimit(String password) {
		if (password != null && password.getBytes(StandardCharsets.UTF_8).length > BoundedPasswordEncoder.MAX_BYTES) {
			String problem = "密码过长：不能超过72字节(字母、数字、符号各1字节，汉字各3字节)";
			throw new Rejected(problem, Map.of("newPassword", problem));
		}
	}

	static int classes(String password) {
		boolean upper = false;
		boolean lower = false;
		boolean digit = false;
		boolean other = false;
		for (char c : password.toCharArray()) {
			if (c >= 'A' && c <= 'Z') {
				upper = true;
			}
			else if (c >= 'a' && c <= 'z') {
				lower = true;
			}
			else if (c >= '0' && c <= '9') {
				digit = true;
			}
			else {
				other = true;
			}
		}
		return (upper ? 1 : 0) + (lower ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
	}

	/**
	 * A random one-time password of 14 characters from all four classes, unambiguous to
	 * read.
	 */
	String oneTimePassword() {
		String all = ALPHABET_UPPER + ALPHABET_LOWER + ALPHABET_DIGIT + ALPHABET_SYMBOL;
		StringBuilder sb = new StringBuilder();
		sb.append(pick(ALPHABET_UPPER))
			.append(pick(ALPHABET_LOWER))
			.append(pick(ALPHABET_DIGIT))
			.append(pick(ALPHABET_SYMBOL));
		while (sb.length() < 14) {
			sb.append(pick(all));
		}
		for (int i = sb.length() - 1; i > 0; i--) {
			int j = this.random.nextInt(i + 1);
			char t = sb.charAt(i);
			sb.setCharAt(i, sb.charAt(j));
			sb.setCharAt(j, t);
		}
		return sb.toString();
	}

	private char pick(String alphabet) {
		return alphabet.charAt(this.random.nextInt(alphabet.length()));
	}

}
