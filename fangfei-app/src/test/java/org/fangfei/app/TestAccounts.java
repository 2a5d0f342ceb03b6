package org.fangfei.app;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Puts the first-start accounts into a known state for a test: a known password, no
 * forced change, not locked. Tests then act as these real accounts, with their real roles
 * and jurisdictions.
 */
public class TestAccounts {

	public static final String PASSWORD = "Tested#Pass2026";

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final UserDetailsService userDetails;

	TestAccounts(JdbcClient jdbc, PasswordEncoder encoder, UserDetailsService userDetails) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.userDetails = userDetails;
	}

	/**
	 * Ready to use, with {@link #PASSWORD}; returns the principal as the application
	 * loads it. A hash that already matches is kept, so that principals returned earlier
	 * stay valid (a session whose password hash changed ends, see AccountGate).
	 */
	public UserDetails ready(String username) {
		String current = this.jdbc.sql("select password_hash from app_user where username = :u")
			.param("u", username)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new IllegalStateException("No account " + username));
		String hash = matches(current) ? current : this.encoder.encode(PASSWORD);
		this.jdbc.sql("""
				update app_user set password_hash = :hash, must_change_password = false, failed_attempts = 0,
				locked_until = null, enabled = true where username = :u
				""").param("hash", hash).param("u", username).update();
		return this.userDetails.loadUserByUsername(username);
	}

	/**
	 * Whether a stored hash is {@link #PASSWORD}'s; a placeholder a test wrote is not.
	 */
	private boolean matches(String hash) {
		try {
			return this.encoder.matches(PASSWORD, hash);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
