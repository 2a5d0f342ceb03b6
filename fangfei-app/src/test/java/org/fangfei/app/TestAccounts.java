package org.fangfei.app;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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

	/**
	 * An API token for a new client bound to {@code username}, handed over as an
	 * administrator would: the security administrator issues it on /api-clients (the
	 * first half), the system administrator approves it on /approvals (the second half).
	 */
	public String apiToken(MockMvc mvc, String clientName, String username) throws Exception {
		String first = textOf(mvc
			.perform(post("/api-clients").with(user(ready("secadmin")))
				.with(csrf())
				.param("name", clientName)
				.param("username", username))
			.andReturn()
			.getResponse()
			.getContentAsString(), "issued-token");
		long approval = this.jdbc.sql("""
				select a.id from account_approval a join api_client c on c.id = a.api_client_id
				where c.name = :n and a.status = 'PENDING'
				""").param("n", clientName).query(Long.class).single();
		String second = textOf(
				mvc.perform(post("/approvals/{id}/approve", approval).with(user(ready("sysadmin"))).with(csrf()))
					.andReturn()
					.getResponse()
					.getContentAsString(),
				"second-half");
		return first + second;
	}

	/** The text of the element with that id on a rendered page. */
	public static String textOf(String page, String id) {
		String marker = "id=\"" + id + "\">";
		int at = page.indexOf(marker);
		if (at < 0) {
			throw new IllegalStateException("No " + marker + " on the page");
		}
		at += marker.length();
		return page.substring(at, page.indexOf('<', at));
	}

}
