package org.fangfei.app.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.fangfei.app.shared.Rejected;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password rules from the security settings: a minimum length and a minimum number of
 * character classes (upper case, lower case, digits, symbols); the username may not
 * appear in the password; no common password or keyboard, sequence or repeat pattern
 * ({@link CommonPasswords}); none of the account's last few passwords again (setting
 * {@code password.history}, the current one included).
 */
@Component
class PasswordPolicy {

	private static final String ALPHABET_UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final String ALPHABET_LOWER = "abcdefghijkmnpqrstuvwxyz";

	private static final String ALPHABET_DIGIT = "23456789";

	private static final String ALPHABET_SYMBOL = "@#%+=!";

	private final SecuritySettings settings;

	private final CommonPasswords common;

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final SecureRandom random = new SecureRandom();

	PasswordPolicy(SecuritySettings settings, CommonPasswords common, JdbcClient jdbc, PasswordEncoder encoder) {
		this.settings = settings;
		this.common = common;
		this.jdbc = jdbc;
		this.encoder = encoder;
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
		else {
			problem = weakness(password);
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

	private String weakness(String password) {
		CommonPasswords.Weakness weakness = this.common.weakness(password);
		if (weakness == null) {
			return null;
		}
		return switch (weakness) {
			case COMMON -> "密码过于常见(常见密码，或常见密码前后加数字、符号)，容易被猜中";
			case REPEATED -> "密码不能由同一组字符重复构成(如 Aa1!Aa1!)";
			case SEQUENCE -> "密码不能由键盘上或字母、数字中连续的字符构成(如 qwer1234、1qaz@WSX)";
		};
	}

	/**
	 * Refuses a new password equal to the current one or to one of the last
	 * {@code password.history} passwords the account chose (the newest of which is the
	 * current one, unless it was handed over after a reset).
	 */
	void checkNotReused(long userId, String password) {
		int last = this.settings.passwordHistory();
		List<String> hashes = new ArrayList<>();
		hashes.add(this.jdbc.sql("select password_hash from app_user where id = :id")
			.param("id", userId)
			.query(String.class)
			.single());
		hashes.addAll(this.jdbc
			.sql("select password_hash from password_history where user_id = :id order by changed_at desc, id desc"
					+ " limit :n")
			.param("id", userId)
			.param("n", last)
			.query(String.class)
			.list());
		if (hashes.stream().anyMatch(hash -> this.encoder.matches(password, hash))) {
			String problem = "新密码不能与最近 " + last + " 次使用过的密码相同";
			throw new Rejected(problem, Map.of("newPassword", problem));
		}
	}

	/**
	 * Remembers a password the account chose (its hash), keeping as many as the largest
	 * allowed setting.
	 */
	void remember(long userId, String passwordHash) {
		this.jdbc.sql("insert into password_history (user_id, password_hash) values (:id, :h)")
			.param("id", userId)
			.param("h", passwordHash)
			.update();
		this.jdbc.sql("""
				delete from password_history where user_id = :id and id not in
				(select id from password_history where user_id = :id order by changed_at desc, id desc limit :keep)
				""").param("id", userId).param("keep", SecuritySettings.MAX_PASSWORD_HISTORY).update();
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

	/** A random one-time password of 14 characters (first start's accounts). */
	String oneTimePassword() {
		return oneTimePassword(14);
	}

	/**
	 * One of the two halves of a one-time password handed over by two administrators
	 * ({@link HandOver}): 8 characters, all four classes.
	 */
	String oneTimeHalf() {
		return oneTimePassword(8);
	}

	/**
	 * A random one-time password of the given length from all four classes, unambiguous
	 * to read.
	 */
	String oneTimePassword(int length) {
		String all = ALPHABET_UPPER + ALPHABET_LOWER + ALPHABET_DIGIT + ALPHABET_SYMBOL;
		StringBuilder sb = new StringBuilder();
		sb.append(pick(ALPHABET_UPPER))
			.append(pick(ALPHABET_LOWER))
			.append(pick(ALPHABET_DIGIT))
			.append(pick(ALPHABET_SYMBOL));
		while (sb.length() < length) {
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
