package org.fangfei.app.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
