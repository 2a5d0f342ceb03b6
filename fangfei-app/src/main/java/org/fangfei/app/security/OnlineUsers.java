package org.fangfei.app.security;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

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

	/** The live sessions of every instance, most recently active first. */
	List<Online> list(String ownSessionId) {
		return this.sessions.live()
			.stream()
			.map(live -> online(live, ownSessionId))
			.filter(Objects::nonNull)
			.sorted(Comparator.comparing(Online::lastRequestAt).reversed())
			.toList();
	}

	private Online online(OnlineSessions.Live live, String ownSessionId) {
		UserAccount account;
		try {
			account = this.users.get(live.user().id());
		}
		catch (NotFound ex) {
			return null;
		}
		OnlineSessions.Seen seen = live.seen();
		String unit = account.departmentName() != null ? account.departmentName()
				: account.regionName() != null ? account.regionName() : "—";
		return new Online(seen == null ? null : seen.handle(), live.sessionId().equals(ownSessionId),
				account.username(), account.displayName(), unit, seen == null ? null : Times.local(seen.signedInAt()),
				Times.local(live.lastRequest()), seen == null ? "—" : seen.address(),
				seen == null ? "—" : seen.browser());
	}

	/**
	 * Ends the session a handle names at its next request, on whichever instance it
	 * comes; not one's own.
	 */
	@Transactional(noRollbackFor = Rejected.class)
	void forceLogout(String handle, String ownSessionId) {
		OnlineSessions.Live live = handle == null ? null : this.sessions.byHandle(handle).orElse(null);
		String problem = null;
		if (live == null) {
			problem = "该会话已结束";
		}
		else if (live.sessionId().equals(ownSessionId)) {
			problem = "不能强退自己的会话，请使用“退出”";
		}
		else if (!this.sessions.end(live.sessionId())) {
			problem = "该会话已结束";
		}
		if (problem != null) {
			this.audit.failure("FORCE_LOGOUT", "session", null, "强退被拒绝：" + problem);
			throw new Rejected(problem);
		}
		this.audit.success("FORCE_LOGOUT", "user", live.user().id(), "强退在线用户 " + live.user().getUsername()
				+ (live.seen() == null ? "" : "(登录地址 " + live.seen().address() + ")"), null, null);
	}

}
