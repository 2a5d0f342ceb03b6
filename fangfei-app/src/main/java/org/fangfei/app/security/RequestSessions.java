package org.fangfei.app.security;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * The sessions as one request sees them, in front of the session store (Spring Session
 * JDBC): a request reads its session from the database once, and writes it back only when
 * something about it changed or its last access is older than {@code touchEvery}.
 * <p>
 * Spring Session's filter, after saving the session at the end of a request, looks the
 * session up again to decide whether to send its cookie (spring-session issue 1731): a
 * second read and deserialisation per request. Here a look-up of a session this request
 * already read or saved answers with that session; the memory is held only while
 * {@link #filter} handles a request and dropped when it ends, so no request ever sees
 * another's copy. Outside a request every call goes to the store.
 */
final class RequestSessions<S extends Session> implements SessionRepository<RequestSessions.Tracked<S>> {

	private final SessionRepository<S> store;

	private final Duration touchEvery;

	private final ThreadLocal<Map<String, Tracked<S>>> seen = new ThreadLocal<>();

	RequestSessions(SessionRepository<S> store, Duration touchEvery) {
		this.store = store;
		this.touchEvery = touchEvery;
	}

	/** Spring Session's filter over these sessions, holding their memory per request. */
	static <S extends Session> SessionRepositoryFilter<Tracked<S>> filter(SessionRepository<S> store,
			Duration touchEvery, HttpSessionIdResolver ids) {
		RequestSessions<S> sessions = new RequestSessions<>(store, touchEvery);
		SessionRepositoryFilter<Tracked<S>> filter = new SessionRepositoryFilter<>(sessions) {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				sessions.during(() -> super.doFilterInternal(request, response, chain));
			}
		};
		filter.setHttpSessionIdResolver(ids);
		return filter;
	}

	interface Work {

		void run() throws ServletException, IOException;

	}

	/** Runs {@code work} as one request: look-ups within it are remembered. */
	void during(Work work) throws ServletException, IOException {
		boolean outermost = this.seen.get() == null;
		if (outermost) {
			this.seen.set(new HashMap<>());
		}
		try {
			work.run();
		}
		finally {
			if (outermost) {
				this.seen.remove();
			}
		}
	}

	@Override
	public Tracked<S> createSession() {
		return new Tracked<>(this.store.createSession(), null);
	}

	@Override
	public void save(Tracked<S> session) {
		if (session.due(this.touchEvery)) {
			this.store.save(session.session);
			session.written();
		}
		Map<String, Tracked<S>> seen = this.seen.get();
		if (seen != null) {
			seen.values().remove(session);
			seen.put(session.getId(), session);
		}
	}

	@Override
	public Tracked<S> findById(String id) {
		Map<String, Tracked<S>> seen = this.seen.get();
		Tracked<S> known = (seen != null) ? seen.get(id) : null;
		if (known != null && id.equals(known.getId())) {
			return known;
		}
		S found = this.store.findById(id);
		if (found == null) {
			if (seen != null) {
				seen.remove(id);
			}
			return null;
		}
		Tracked<S> tracked = new Tracked<>(found, found.getLastAccessedTime());
		if (seen != null) {
			seen.put(id, tracked);
		}
		return tracked;
	}

	@Override
	public void deleteById(String id) {
		Map<String, Tracked<S>> seen = this.seen.get();
		if (seen != null) {
			seen.remove(id);
		}
		this.store.deleteById(id);
	}

	/**
	 * A session that knows whether anything but its last access changed since it was read
	 * or written, and when its last access was written.
	 */
	static final class Tracked<S extends Session> implements Session {

		private final S session;

		private Instant writtenAccess;

		private boolean changed;

		/**
		 * @param writtenAccess the last access as stored, null for a new session
		 */
		Tracked(S session, Instant writtenAccess) {
			this.session = session;
			this.writtenAccess = writtenAccess;
		}

		boolean due(Duration touchEvery) {
			return this.changed || this.writtenAccess == null
					|| Duration.between(this.writtenAccess, this.session.getLastAccessedTime())
						.compareTo(touchEvery) > 0;
		}

		void written() {
			this.changed = false;
			this.writtenAccess = this.session.getLastAccessedTime();
		}

		@Override
		public String getId() {
			return this.session.getId();
		}

		@Override
		public String changeSessionId() {
			this.changed = true;
			return this.session.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String name) {
			return this.session.getAttribute(name);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.session.getAttributeNames();
		}

		@Override
		public void setAttribute(String name, Object value) {
			this.changed = true;
			this.session.setAttribute(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			if (this.session.getAttribute(name) != null) {
				this.changed = true;
			}
			this.session.removeAttribute(name);
		}

		@Override
		public Instant getCreationTime() {
			return this.session.getCreationTime();
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			this.session.setLastAccessedTime(lastAccessedTime);
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.session.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			if (!interval.equals(this.session.getMaxInactiveInterval())) {
				this.changed = true;
			}
			this.session.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.session.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.session.isExpired();
		}

	}

}
