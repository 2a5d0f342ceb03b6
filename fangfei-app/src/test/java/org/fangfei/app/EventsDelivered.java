package org.fangfei.app;

import java.time.Duration;

import org.awaitility.Awaitility;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For tests that look at what listeners did after a change committed (inbox notices, a
 * tip's progress): waits until the event publication registry holds no event still being
 * delivered. Tests run one at a time, so nothing else publishes meanwhile.
 */
public final class EventsDelivered {

	private EventsDelivered() {
	}

	public static void await(JdbcClient jdbc) {
		Awaitility.await("events delivered")
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> undelivered(jdbc) == 0);
	}

	/** How many events are still being delivered. */
	public static long undelivered(JdbcClient jdbc) {
		return jdbc
			.sql("""
					select count(*) from event_publication
					where completion_date is null and coalesce(status, 'PUBLISHED') in ('PUBLISHED', 'PROCESSING', 'RESUBMITTED')
					""")
			.query(Long.class)
			.single();
	}

}
