package org.fangfei.app.security;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Sign-in sessions in the database (Spring Session JDBC, V26; {@code spring.session.*} in
 * application.yml), shared by every instance: any instance serves any request, and a
 * restart signs no one out. Their attributes are Java-serialised.
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

	private static final Logger log = LoggerFactory.getLogger(SessionStore.class);

	/**
	 * The signed-in sessions of every instance, read from Spring Session's tables: a
	 * session marked ended here ends at its next request wherever it comes.
	 */
	@Bean
	SessionRegistry sessionRegistry(JdbcIndexedSessionRepository sessions) {
		return new SpringSessionBackedSessionRegistry<>(sessions);
	}

	/**
	 * PostgreSQL's upsert for session attributes, so two requests at once cannot clash.
	 */
	@Bean
	PostgreSqlJdbcIndexedSessionRepositoryCustomizer postgreSqlSessions() {
		return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
	}

	/**
	 * How often a session's last access is written back while nothing else about it
	 * changed: every request used to update the session's row, one durable commit each,
	 * and concurrent requests of one session queued on that row. A session therefore
	 * times out up to this much earlier than its idle limit.
	 */
	static final long TOUCH_EVERY_MILLIS = 60_000;

	/**
	 * The session row is written only when its id, idle limit or principal changed, or
	 * its last access is more than {@link #TOUCH_EVERY_MILLIS} older than this request's
	 * (the same six parameters as Spring Session's own statement, in its order).
	 * Otherwise the statement matches no row: no lock, no write, and the request's commit
	 * has nothing to flush.
	 */
	static final String UPDATE_SESSION = """
			UPDATE %TABLE_NAME% s SET SESSION_ID = v.session_id, LAST_ACCESS_TIME = v.last_access,
			  MAX_INACTIVE_INTERVAL = v.max_inactive, EXPIRY_TIME = v.expiry, PRINCIPAL_NAME = v.principal
			FROM (VALUES (cast(? as char(36)), cast(? as bigint), cast(? as integer), cast(? as bigint),
			  cast(? as varchar(100)), cast(? as char(36))))
			  AS v (session_id, last_access, max_inactive, expiry, principal, primary_id)
			WHERE s.PRIMARY_ID = v.primary_id
			AND (s.SESSION_ID <> v.session_id OR s.MAX_INACTIVE_INTERVAL <> v.max_inactive
			  OR s.PRINCIPAL_NAME IS DISTINCT FROM v.principal OR s.LAST_ACCESS_TIME < v.last_access - """
			+ TOUCH_EVERY_MILLIS + ")";

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> touchAtMostEveryMinute() {
		return repository -> repository.setUpdateSessionQuery(UPDATE_SESSION);
	}

	/**
	 * How session ids travel: Spring Session's cookie, written by the serializer Spring
	 * Boot configures from {@code server.servlet.session.cookie.*}.
	 */
	@Bean
	CookieHttpSessionIdResolver sessionIdResolver(CookieSerializer cookies) {
		CookieHttpSessionIdResolver resolver = new CookieHttpSessionIdResolver();
		resolver.setCookieSerializer(cookies);
		return resolver;
	}

	/**
	 * Spring Session's filter is replaced by one over {@link RequestSessions}: a request
	 * reads its session once and writes nothing back when nothing changed (Spring Boot
	 * configures the JDBC store only while no other session repository bean exists, so
	 * the store stays the repository bean and the filter is what changes).
	 */
	@Bean
	static BeanPostProcessor sessionsReadOncePerRequest(ObjectProvider<JdbcIndexedSessionRepository> store,
			ObjectProvider<CookieHttpSessionIdResolver> ids) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return (bean instanceof SessionRepositoryFilter<?>) ? RequestSessions.filter(store.getObject(),
						Duration.ofMillis(TOUCH_EVERY_MILLIS), ids.getObject()) : bean;
			}
		};
	}

	/**
	 * An attribute that a new release can no longer read (its class changed incompatibly)
	 * counts as absent instead of failing every request of the session: a sign-in is then
	 * simply asked for again.
	 */
	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> unreadableAttributesAreAbsent() {
		return repository -> {
			GenericConversionService conversion = new GenericConversionService();
			conversion.addConverter(Object.class, byte[].class, new SerializingConverter());
			DeserializingConverter read = new DeserializingConverter();
			conversion.addConverter(byte[].class, Object.class, bytes -> {
				try {
					return read.convert(bytes);
				}
				catch (SerializationFailedException ex) {
					log.warn("A session attribute could not be read and is taken as absent: {}", ex.getMessage());
					return null;
				}
			});
			repository.setConversionService(conversion);
		};
	}

}
