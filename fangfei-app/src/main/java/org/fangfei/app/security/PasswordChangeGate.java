package org.fangfei.app.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until an account has replaced its one-time password, it can do nothing but change it:
 * pages redirect to the change form and the API answers 403.
 */
class PasswordChangeGate extends OncePerRequestFilter {

	private final Users users;

	PasswordChangeGate(Users users) {
		this.users = users;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof CurrentUser user && !exempt(request)
				&& this.users.get(user.id()).mustChangePassword()) {
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				response.sendError(HttpServletResponse.SC_FORBIDDEN, "请先修改初始密码");
			}
			else {
				response.sendRedirect(request.getContextPath() + "/password");
			}
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean exempt(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/password") || path.equals("/logout") || path.startsWith("/webjars/")
				|| path.startsWith("/css/") || path.startsWith("/js/") || path.equals("/error");
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return true;
	}

}
