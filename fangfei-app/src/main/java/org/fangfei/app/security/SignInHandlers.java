package org.fangfei.app.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.fangfei.app.audit.AuditLog;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * Audits every sign-in, gives a successful attempt's try back to the
 * {@link SignInThrottle} (which took it before the password was checked: a slow-down per
 * address and account, never a lock by name), and sets the idle timeout of the new
 * session from the security settings, and notes where it was signed in from (在线用户). A
 * wrong password reads the same for every name, existing or not; that an account is
 * locked or disabled is told only to whoever gave its right password.
 */
@Component
class SignInHandlers extends SavedRequestAwareAuthenticationSuccessHandler implements AuthenticationFailureHandler {

	private final Users users;

	private final SecuritySettings settings;

	private final SignInThrottle throttle;

	private final AuditLog audit;

	private final OnlineSessions online;

	SignInHandlers(Users users, SecuritySettings settings, SignInThrottle throttle, AuditLog audit,
			OnlineSessions online) {
		this.users = users;
		this.settings = settings;
		this.throttle = throttle;
		this.audit = audit;
		this.online = online;
		setDefaultTargetUrl("/");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		this.users.recordSuccess(authentication.getName());
		this.throttle.succeeded(request.getRemoteAddr(), authentication.getName());
		this.audit.signIn(authentication.getName(), true, "登录成功");
		request.getSession().setMaxInactiveInterval(this.settings.sessionIdleMinutes() * 60);
		this.online.signedIn(request);
		super.onAuthenticationSuccess(request, response, authentication);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String username = request.getParameter("username");
		username = username == null ? "" : username.trim();
		String reason;
		if (exception instanceof LockedException) {
			reason = "locked";
			this.audit.signIn(username, false, "登录失败：账号已锁定");
		}
		else if (exception instanceof DisabledException) {
			reason = "disabled";
			this.audit.signIn(username, false, "登录失败：账号已停用");
		}
		else {
			reason = "bad";
			this.audit.signIn(username, false, "登录失败：用户名或密码错误");
		}
		response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
	}

}
