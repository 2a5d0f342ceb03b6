package org.fangfei.app.security;

import jakarta.servlet.http.Cookie;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.SessionCookie;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A session's row is written back when something about it changed, and its last access at
 * most once a minute: requests in between leave the row alone (no lock, no durable
 * commit), so concurrent requests of one session do not queue on it.
 */
@IntegrationTest
class SessionTouchTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Test
	void theLastAccessIsWrittenAtMostOnceAMinute() throws Exception {
		this.accounts.ready("hepan");
		Cookie session = SessionCookie.of(this.mvc
			.perform(post("/login").with(csrf()).param("username", "hepan").param("password", TestAccounts.PASSWORD))
			.andExpect(redirectedUrl("/"))
			.andReturn());
		String id = SessionCookie.sessionId(session);
		long signedIn = lastAccess(id);
		assertThat(principalOf(id)).as("the sign-in is written at once").isEqualTo("hepan");

		this.mvc.perform(get("/inbox").cookie(session)).andExpect(status().isOk());
		assertThat(lastAccess(id)).as("a request within the minute leaves the row").isEqualTo(signedIn);

		// as if the last write were two minutes old
		this.jdbc.sql("update spring_session set last_access_time = last_access_time - 120000 where session_id = :id")
			.param("id", id)
			.update();
		this.mvc.perform(get("/inbox").cookie(session)).andExpect(status().isOk());
		assertThat(lastAccess(id)).as("written again after the minute").isGreaterThan(signedIn);
		assertThat(this.jdbc.sql("select expiry_time - last_access_time from spring_session where session_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).as("the expiry moves with it").isEqualTo(30 * 60 * 1000L);
	}

	private long lastAccess(String id) {
		return this.jdbc.sql("select last_access_time from spring_session where session_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
	}

	private String principalOf(String id) {
		return this.jdbc.sql("select principal_name from spring_session where session_id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

}
