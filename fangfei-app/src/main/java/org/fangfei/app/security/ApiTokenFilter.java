package org.fangfei.app.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.fangfei.app.audit.AuditLog;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates JSON API calls that carry {@code Authorization: Bearer <token>} as the
 * token's account ({@link ApiClients}), for this request only: nothing is kept in a
 * session, and CSRF does not apply because a bearer token is never sent by a browser on
 * its own. An unknown, revoked or malformed token is answered 401 and audited; the
 * request goes no further.
 */
class ApiTokenFilter extends OncePerRequestFilter {

	/** Set on a request authenticated by token. */
	static final String BY_TOKEN = ApiTokenFilter.class.getName() + ".token";

	/** API requests that carry a bearer token. */
	static final RequestMatcher BEARER = request -> request.getRequestURI()
		.startsWith(request.getContextPath() + "/api/") && bearer(request).isPresent();

	private final ApiClients clients;

	private final Roles roles;

	private final AuditLog audit;

	ApiTokenFilter(ApiClients clients, Roles roles, AuditLog audit) {
		this.clients = clients;
		this.roles = roles;
		this.audit = audit;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !BEARER.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<UserAccount> account = this.clients.authenticate(bearer(request).orElse(""));
		if (account.isEmpty()) {
			this.audit.failure("API_TOKEN", "api_client", null,
					"无效的接入令牌：" + request.getMethod() + " " + request.getRequestURI());
			response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
			return;
		}
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

	private static Optional<String> bearer(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
				? Optional.of(header.substring(7).strip()) : Optional.empty();
	}

}
