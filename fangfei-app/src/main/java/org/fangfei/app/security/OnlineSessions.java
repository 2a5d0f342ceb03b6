package org.fangfei.app.security;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.session.AbstractSessionEvent;
import org.springframework.security.core.session.SessionIdChangedEvent;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.stereotype.Component;

/**
 * 在线用户: the signed-in sessions of this instance (Spring Security's session registry, fed
 * by the session management of {@link SecurityConfiguration}), with where each was signed
 * in from. A session marked expired here ends at its next request (强退). A session leaves
 * the registry when it is invalidated or times out.
 *
 * <p>
 * The registry is in memory: with several instances each lists and ends its own sessions
 * until sessions move into the database (Spring Session JDBC), whose registry takes this
 * one's place.
 */
@Component
class OnlineSessions extends SessionRegistryImpl {

	/**
	 * Where and when a session was signed in, and the handle that names it on the page: a
	 * session id itself is never shown, since whoever holds it holds the session.
	 */
	record Seen(String handle, OffsetDateTime signedInAt, String address, String browser) {
	}

	private final Map<String, Seen> seen = new ConcurrentHashMap<>();

	/** Called once the session of a successful sign-in has its final id. */
	void signedIn(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			this.seen.put(session.getId(), new Seen(UUID.randomUUID().toString(), OffsetDateTime.now(),
					request.getRemoteAddr(), browser(request.getHeader("User-Agent"))));
		}
	}

	Seen seen(String sessionId) {
		return this.seen.get(sessionId);
	}

	/** The id of the session a handle names. */
	Optional<String> sessionIdOf(String handle) {
		return this.seen.entrySet()
			.stream()
			.filter(e -> e.getValue().handle().equals(handle))
			.map(Map.Entry::getKey)
			.findFirst();
	}

	@Override
	public void removeSessionInformation(String sessionId) {
		super.removeSessionInformation(sessionId);
		this.seen.remove(sessionId);
	}

	@Override
	public void onApplicationEvent(AbstractSessionEvent event) {
		Seen moved = event instanceof SessionIdChangedEvent changed ? this.seen.get(changed.getOldSessionId()) : null;
		super.onApplicationEvent(event);
		if (moved != null) {
			this.seen.put(((SessionIdChangedEvent) event).getNewSessionId(), moved);
		}
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
