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
	 * loads it.
	 */
	public UserDetails ready(String username) {
		int updated = this.jdbc.sql("""
				update app_user set password_hash = :hash, must_change_password = false, failed_attempts = 0,
				locked_until = null, enabled = true where username = :u
				""").param("hash", this.encoder.encode(PASSWORD)).param("u", username).update();
		if (updated != 1) {
			throw new IllegalStateException("No account " + username);
		}
		return this.userDetails.loadUserByUsername(username);
	}

}
