package org.fangfei.app;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session cookie, carried by a test from one request to the next as a browser does:
 * sessions are in the database (Spring Session JDBC) and found by this cookie, not by the
 * servlet container's session.
 */
public final class SessionCookie {

	/** Spring Session's cookie name. */
	public static final String NAME = "SESSION";

	private SessionCookie() {
	}

	/** The session cookie the response set; fails the test when it set none. */
	public static Cookie of(MvcResult result) {
		Cookie cookie = result.getResponse().getCookie(NAME);
		assertThat(cookie).as("the response sets the session cookie").isNotNull();
		return cookie;
	}

	/** The id of the session the cookie names (Spring Session writes it in Base64). */
	public static String sessionId(Cookie cookie) {
		return new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
	}

}
