package org.fangfei.app.security;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Rejected;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The security administrator's view of who is signed in, and 强退: ending a session at once
 * (at its next request), audited.
 */
@Service
class OnlineUsers {

	/** One signed-in session, as the page lists it. */
	record Online(String handle, boolean own, String username, String displayName, String unit,
			OffsetDateTime signedInAt, OffsetDateTime lastRequestAt, String address, String browser) {
	}

	private final OnlineSessions sessions;

	private final Users users;

	private final AuditLog audit;

	OnlineUsers(OnlineSessions sessions, Users users, AuditLog audit) {
		this.sessions = sessions;
		this.users = users;
		this.audit = audit;
	}

	/** The live sessions, most recently active first. */
	List<Online> list(String ownSessionId) {
		return this.sessions.getAllPrincipals()
			.stream()
			.filter(CurrentUser.class::isInstance)
			.flatMap(p -> this.sessions.getAllSessions(p, false).stream())
			.map(info -> online(info, ownSessionId))
			.filter(Objects::nonNull)
			.sorted(Comparator.comparing(Online::lastRequestAt).reversed())
			.toList();
	}

	private Online online(SessionInformation info, String ownSessionId) {
		CurrentUser user = (CurrentUser) info.getPrincipal();
		UserAccount account;
		try {
			account = this.users.get(user.id());
		}
		catch (NotFound ex) {
			return null;
		}
		OnlineSessions.Seen seen = this.sessions.seen(info.getSessionId());
		String unit = account.departmentName() != null ? account.departmentName()
				: account.regionName() != null ? account.regionName() : "—";
		return new Online(seen == null ? null : seen.handle(), info.getSessionId().equals(ownSessionId),
				account.username(), account.displayName(), unit, seen == null ? null : seen.signedInAt(),
				OffsetDateTime.ofInstant(info.getLastRequest().toInstant(), ZoneId.systemDefault()),
				seen == null ? "—" : seen.address(), seen == null ? "—" : seen.browser());
	}

	/** Ends the session a handle names at its next request; not one's own. */
	@Transactional(noRollbackFor = Rejected.class)
	void forceLogout(String handle, String ownSessionId) {
		String sessionId = handle == null ? null : this.sessions.sessionIdOf(handle).orElse(null);
		SessionInformation info = sessionId == null ? null : this.sessions.getSessionInformation(sessionId);
		String problem = null;
		if (info == null || info.isExpired()) {
			problem = "该会话已结束";
		}
		else if (sessionId.equals(ownSessionId)) {
			problem = "不能强退自己的会话，请使用“退出”";
		}
		if (problem != null) {
			this.audit.failure("FORCE_LOGOUT", "session", null, "强退被拒绝：" + problem);
			throw new Rejected(problem);
		}
		CurrentUser user = (CurrentUser) info.getPrincipal();
		info.expireNow();
		OnlineSessions.Seen seen = this.sessions.seen(sessionId);
		this.audit.success("FORCE_LOGOUT", "user", user.id(),
				"强退在线用户 " + user.getUsername() + (seen == null ? "" : "(登录地址 " + seen.address() + ")"), null, null);
	}

}
