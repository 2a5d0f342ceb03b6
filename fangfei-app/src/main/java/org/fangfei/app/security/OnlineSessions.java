package org.fangfei.app.security;

import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.stereotype.Component;

/**
 * 在线用户: the signed-in sessions of every instance. Sessions live in the database (Spring
 * Session JDBC, tables {@code spring_session*}, V26), so a restart or another instance
 * behind the balancer keeps a user signed in, and this list is the same on every
 * instance. Where and when a session was signed in travels with it as a session attribute
 * ({@link Seen}). A session marked ended here (强退, Spring Session's session registry)
 * ends at its next request on any instance ({@link AccountGate}). Expired sessions are
 * deleted by one instance at a time.
 */
@Component
class OnlineSessions {

	/** The session attribute that says where and when the session was signed in. */
	static final String SEEN = OnlineSessions.class.getName() + ".SEEN";

	/**
	 * The attribute by which Spring Session's registry marks a session ended
	 * ({@code SpringSessionBackedSessionInformation.EXPIRED_ATTR}, package-private
	 * there).
	 */
	private static final String ENDED = "org.springframework.session.security.SpringSessionBackedSessionInformation.EXPIRED";

	/** Whether the session was ended on 在线用户 (强退); {@link AccountGate} ends it then. */
	static boolean ended(HttpSession session) {
		return Boolean.TRUE.equals(session.getAttribute(ENDED));
	}

	/**
	 * Where and when a session was signed in, and the handle that names it on the page: a
	 * session id itself is never shown, since whoever holds it holds the session.
	 */
	record Seen(String handle, OffsetDateTime signedInAt, String address, String browser) implements Serializable {
	}

	/** A signed-in session that has not ended. */
	record Live(String sessionId, CurrentUser user, Instant lastRequest, Seen seen) {
	}

	private final JdbcIndexedSessionRepository repository;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final SessionRegistry registry;

	private final JdbcClient jdbc;

	OnlineSessions(JdbcIndexedSessionRepository repository, SessionRegistry registry, JdbcClient jdbc) {
		this.repository = repository;
		this.sessions = repository;
		this.registry = registry;
		this.jdbc = jdbc;
	}

	/** Called once the session of a successful sign-in has its final id. */
	void signedIn(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.setAttribute(SEEN, new Seen(UUID.randomUUID().toString(), OffsetDateTime.now(),
					request.getRemoteAddr(), browser(request.getHeader("User-Agent"))));
		}
	}

	/** Every signed-in session of every instance that has neither expired nor ended. */
	List<Live> live() {
		List<String> names = this.jdbc.sql("""
				select distinct principal_name from spring_session
				where principal_name is not null and expiry_time > :now order by principal_name
				""").param("now", System.currentTimeMillis()).query(String.class).list();
		List<Live> live = new ArrayList<>();
		for (String name : names) {
			for (Session session : this.sessions.findByPrincipalName(name).values()) {
				SecurityContext context = session
					.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
				if (!session.isExpired() && !Boolean.TRUE.equals(session.getAttribute(ENDED)) && context != null
						&& context.getAuthentication() != null
						&& context.getAuthentication().getPrincipal() instanceof CurrentUser user) {
					live.add(
							new Live(session.getId(), user, session.getLastAccessedTime(), session.getAttribute(SEEN)));
				}
			}
		}
		return live;
	}

	/** The live session a handle names. */
	Optional<Live> byHandle(String handle) {
		return live().stream().filter(s -> s.seen() != null && s.seen().handle().equals(handle)).findFirst();
	}

	/**
	 * Marks the session ended: its next request, on whichever instance, signs it out.
	 * @return false when it had already gone
	 */
	boolean end(String sessionId) {
		SessionInformation info = this.registry.getSessionInformation(sessionId);
		if (info == null || info.isExpired()) {
			return false;
		}
		info.expireNow();
		return true;
	}

	/** Deletes the sessions that timed out: one instance at a time. */
	@Scheduled(initialDelayString = "${fangfei.security.session-cleanup-initial-delay:PT1M}",
			fixedDelayString = "${fangfei.security.session-cleanup-every:PT1M}")
	@SchedulerLock(name = "session-cleanup", lockAtLeastFor = "${fangfei.security.session-cleanup-every:PT1M}",
			lockAtMostFor = "PT5M")
	void cleanUp() {
		this.repository.cleanUpExpiredSessions();
	}

	/** The browser and system named by a User-Agent header, roughly. */
	static String browser(String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return "未知";
		}
		String ua = userAgent;
		String name = ua.contains("MicroMessenger") ? "微信"
				: ua.contains("Edg/") ? "Edge"
						: ua.contains("Firefox/") ? "Firefox"
								: ua.contains("Chrome/") || ua.contains("Chromium/") ? "Chrome" : ua.contains("Safari/")
										? "Safari" : ua.contains("Trident/") || ua.contains("MSIE") ? "IE" : "其他浏览器";
		String system = ua.contains("Windows") ? "Windows"
				: ua.contains("Android") ? "Android" : ua.contains("iPhone") || ua.contains("iPad") ? "iOS"
						: ua.contains("Mac OS X") ? "macOS" : ua.contains("Linux") ? "Linux" : "";
		return system.isEmpty() ? name : name + " / " + system;
	}

}
