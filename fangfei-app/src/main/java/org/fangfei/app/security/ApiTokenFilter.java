package org.fangfei.app.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.fangfei.app.audit.RepeatedFailures;
import org.fangfei.app.shared.ClientAddress;
import org.fangfei.app.shared.LogText;
import org.fangfei.app.shared.Throttle;
import org.fangfei.app.shared.Throttles;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates JSON API calls that carry {@code Authorization: Bearer <token>} as the
 * token's account ({@link ApiClients}), for this request only: nothing is kept in a
 * session, and CSRF does not apply because a bearer token is never sent by a browser on
 * its own. An unknown, revoked or malformed token is answered 401; the request goes no
 * further. Failed tokens are limited per address ({@value #FAILURES} per 10 minutes, then
 * 429 until the bucket refills, whatever the token; counted in the database by every
 * instance alike, {@link Throttles}) and audited through {@link RepeatedFailures}, so a
 * flood writes a bounded number of audit rows.
 */
class ApiTokenFilter extends OncePerRequestFilter {

	/** Set on a request authenticated by token. */
	static final String BY_TOKEN = ApiTokenFilter.class.getName() + ".token";

	/** API requests that carry a bearer token. */
	static final RequestMatcher BEARER = request -> request.getRequestURI()
		.startsWith(request.getContextPath() + "/api/") && bearer(request).isPresent();

	/** Failed tokens allowed per address at once, and per 10 minutes. */
	static final int FAILURES = 20;

	private static final int MAX_URI = 120;

	private final ApiClients clients;

	private final Roles roles;

	private final RepeatedFailures failures;

	private final Throttle throttle;

	ApiTokenFilter(ApiClients clients, Roles roles, RepeatedFailures failures, Throttles throttles) {
		this.clients = clients;
		this.roles = roles;
		this.failures = failures;
		this.throttle = throttles.of("api-token", Throttle.Limit.of(FAILURES, FAILURES, Duration.ofMinutes(10)));
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !BEARER.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String address = request.getRemoteAddr();
		String key = ClientAddress.key(address);
		// taken before the token is checked, so a burst cannot slip through together;
		// given back when the token is good
		if (!this.throttle.take(key)) {
			this.failures.record("API_TOKEN", "api_client", address, "无效的接入令牌过多，已拒绝：" + attempted(request));
			tooMany(response, this.throttle.secondsToWait(key));
			return;
		}
		Optional<UserAccount> account = this.clients.authenticate(bearer(request).orElse(""));
		if (account.isEmpty()) {
			this.failures.record("API_TOKEN", "api_client", address, "无效的接入令牌：" + attempted(request));
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
		this.throttle.giveBack(key);
		CurrentUser user = new CurrentUser(account.get(), this.roles.permissionsOf(account.get().roles()));
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		request.setAttribute(BY_TOKEN, Boolean.TRUE);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/** Method and path, without the query string, cut short and on one line. */
	private static String attempted(HttpServletRequest request) {
		String uri = request.getRequestURI();
		if (uri.length() > MAX_URI) {
			uri = uri.substring(0, MAX_URI) + "…";
		}
		return LogText.oneLine(request.getMethod() + " " + uri);
	}

	private static void tooMany(HttpServletResponse response, long retryAfterSeconds) throws IOException {
		response.setStatus(429);
		response.setHeader("Retry-After", String.valueOf(Math.max(1, retryAfterSeconds)));
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setContentType("application/problem+json");
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"请求过于频繁\",\"status\":429," + "\"detail\":\"无效接入令牌的请求过多，请 "
					+ Math.max(1, retryAfterSeconds) + " 秒后再试\"}");
	}

	private static Optional<String> bearer(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
				? Optional.of(header.substring(7).strip()) : Optional.empty();
	}

}
