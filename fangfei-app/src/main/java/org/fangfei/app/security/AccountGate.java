package org.fangfei.app.security;

import java.io.IOException;
import java.util.Objects;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads the signed-in account on every request, so that what the security
 * administrator does takes effect at once: a session ended on 在线用户 (强退) ends, a disabled
 * account's session ends, an account with a one-time password can do nothing but change
 * it (pages redirect to the change form, the API answers 403), and changed roles or role
 * permissions replace the authorities the session signed in with. A session signed in
 * with a password that has since been changed by its owner or replaced by an approved
 * reset ends too: the password hash the session signed in with is compared with the
 * account's. The account read here is kept on the request for {@link ScopeOfRequest}.
 */
class AccountGate extends OncePerRequestFilter {

	static final String ACCOUNT = AccountGate.class.getName() + ".account";

	private final Users users;

	private final Roles roles;

	AccountGate(Users users, Roles roles) {
		this.users = users;
		this.roles = roles;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof CurrentUser user) {
			HttpSession session = request.getSession(false);
			if (session != null && OnlineSessions.ended(session)) {
				new SecurityContextLogoutHandler().logout(request, response, auth);
				deny(request, response, HttpServletResponse.SC_UNAUTHORIZED, "/login?error=ended");
				return;
			}
			UserAccount account = this.users.get(user.id());
			if (!account.enabled()) {
				new SecurityContextLogoutHandler().logout(request, response, auth);
				deny(request, response, HttpServletResponse.SC_UNAUTHORIZED, "/login?error=disabled");
				return;
			}
			if (request.getAttribute(ApiTokenFilter.BY_TOKEN) == null
					&& !Objects.equals(user.getPassword(), account.passwordHash())) {
				new SecurityContextLogoutHandler().logout(request, response, auth);
				deny(request, response, HttpServletResponse.SC_UNAUTHORIZED, "/login?error=credentials");
				return;
			}
			if (account.mustChangePassword() && !exempt(request)
					&& request.getAttribute(ApiTokenFilter.BY_TOKEN) == null) {
				deny(request, response, HttpServletResponse.SC_FORBIDDEN, "/password");
				return;
			}
			Set<String> permissions = this.roles.permissionsOf(account.roles());
			if (!user.holds(account.roles(), permissions)) {
				CurrentUser now = new CurrentUser(account, permissions);
				SecurityContextHolder.getContext()
					.setAuthentication(
							UsernamePasswordAuthenticationToken.authenticated(now, null, now.getAuthorities()));
			}
			request.setAttribute(ACCOUNT, account);
		}
		chain.doFilter(request, response);
	}

	static void deny(HttpServletRequest request, HttpServletResponse response, int apiStatus, String page)
			throws IOException {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			response.sendError(apiStatus);
		}
		else {
			response.sendRedirect(request.getContextPath() + page);
		}
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
