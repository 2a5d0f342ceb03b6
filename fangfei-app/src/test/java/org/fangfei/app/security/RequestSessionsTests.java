package org.fangfei.app.security;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Within one request a session is read from the store once and written back only when
 * something changed or its last access is a minute old; between requests nothing is
 * remembered. The store is Spring Session's own in-memory repository, counting its calls.
 */
class RequestSessionsTests {

	static final class CountingStore extends MapSessionRepository {

		int finds;

		int saves;

		CountingStore() {
			super(new HashMap<>());
		}

		@Override
		public MapSession findById(String id) {
			this.finds++;
			return super.findById(id);
		}

		@Override
		public void save(MapSession session) {
			this.saves++;
			super.save(session);
		}

	}

	final CountingStore store = new CountingStore();

	final RequestSessions<MapSession> sessions = new RequestSessions<>(this.store, Duration.ofMinutes(1));

	@Test
	void aRequestThatChangesNothingReadsOnceAndWritesNothing() throws Exception {
		String id = stored(Instant.now());
		this.sessions.during(() -> {
			RequestSessions.Tracked<MapSession> session = this.sessions.findById(id);
			session.setLastAccessedTime(session.getLastAccessedTime().plusSeconds(5));
			session.getAttribute("SPRING_SECURITY_CONTEXT");
			this.sessions.save(session);
			// Spring Session's filter looks the session up again after saving it
			assertThat(this.sessions.findById(id)).isSameAs(session);
		});
		assertThat(this.store.finds).as("one read").isEqualTo(1);
		assertThat(this.store.saves).as("no write").isZero();
	}

	@Test
	void aChangedAttributeOrAnOldLastAccessIsWritten() throws Exception {
		String id = stored(Instant.now());
		this.sessions.during(() -> {
			RequestSessions.Tracked<MapSession> session = this.sessions.findById(id);
			session.setAttribute("user", "hepan");
			this.sessions.save(session);
		});
		assertThat(this.store.saves).isEqualTo(1);
		assertThat((String) this.store.findById(id).getAttribute("user")).isEqualTo("hepan");

		String old = stored(Instant.now().minusSeconds(90));
		assertThat(this.store.saves).isZero();
		this.sessions.during(() -> {
			RequestSessions.Tracked<MapSession> session = this.sessions.findById(old);
			session.setLastAccessedTime(Instant.now());
			this.sessions.save(session);
		});
		assertThat(this.store.saves).as("a last access older than the minute is written").isEqualTo(1);
	}

	@Test
	void newSessionsAndChangedIdsAreWritten() throws Exception {
		AtomicReference<String> created = new AtomicReference<>();
		this.sessions.during(() -> {
			RequestSessions.Tracked<MapSession> session = this.sessions.createSession();
			this.sessions.save(session);
			created.set(session.getId());
		});
		assertThat(this.store.saves).isEqualTo(1);

		String before = created.get();
		this.sessions.during(() -> {
			RequestSessions.Tracked<MapSession> session = this.sessions.findById(before);
			String after = session.changeSessionId();
			this.sessions.save(session);
			assertThat(this.sessions.findById(before)).as("the old id is gone").isNull();
			assertThat(this.sessions.findById(after)).isSameAs(session);
		});
		assertThat(this.store.saves).isEqualTo(2);
	}

	@Test
	void nothingIsRememberedBetweenRequestsOrOutsideThem() throws Exception {
		String id = stored(Instant.now());
		this.sessions.during(() -> this.sessions.findById(id));
		this.sessions.during(() -> this.sessions.findById(id));
		assertThat(this.store.finds).as("each request reads its own copy").isEqualTo(2);

		this.sessions.findById(id);
		this.sessions.findById(id);
		assertThat(this.store.finds).as("outside a request every look-up reads").isEqualTo(4);
	}

	@Test
	void aDeletedSessionIsNotFoundAgainInTheSameRequest() throws Exception {
		String id = stored(Instant.now());
		this.sessions.during(() -> {
			this.sessions.findById(id);
			this.sessions.deleteById(id);
			assertThat(this.sessions.findById(id)).isNull();
		});
	}

	private String stored(Instant lastAccess) {
		MapSession session = new MapSession();
		session.setLastAccessedTime(lastAccess);
		this.store.save(session);
		this.store.saves = 0;
		return session.getId();
	}

}
