package org.fangfei.app.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.fangfei.app.audit.RepeatedFailures;
import org.fangfei.app.shared.LogText;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stops a sign-in attempt that {@link SignInThrottle} does not allow before its password
 * is even checked, with the same answer for every name ({@code /login?error=wait}); these
 * refusals are audited through {@link RepeatedFailures}, a bounded number of rows per
 * address.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

	private final SignInThrottle throttle;

	private final RepeatedFailures failures;

	SignInThrottleFilter(SignInThrottle throttle, RepeatedFailures failures) {
		this.throttle = throttle;
		this.failures = failures;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod())
				&& request.getRequestURI().equals(request.getContextPath() + "/login"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String address = request.getRemoteAddr();
		String username = request.getParameter("username");
		if (this.throttle.tryAttempt(address, username)) {
			chain.doFilter(request, response);
			return;
		}
		this.failures.record("LOGIN_THROTTLED", "user", address,
				"登录尝试过于频繁，已暂缓：" + LogText.oneLine(username == null ? "" : username.strip()));
		response.sendRedirect(request.getContextPath() + "/login?error=wait");
	}

}
