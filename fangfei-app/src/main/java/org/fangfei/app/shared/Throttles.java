package org.fangfei.app.shared;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The one way Fangfei limits rates (sign-in tries, API tokens, the tip portal): Bucket4j
 * token buckets kept in PostgreSQL ({@code rate_limit_bucket}, V27) through Bucket4j's
 * PostgreSQL proxy manager, which takes a bucket's row lock ({@code select … for update})
 * for each try. Every instance on the database counts against the same buckets, a restart
 * forgets nothing, and the number of keys is bounded by the database, not by memory, so
 * rotating addresses empties no one's bucket.
 * <p>
 * A row expires when its bucket would be full again (plus a minute); only then does
 * {@link #removeExpired} delete it, on one instance at a time, so deleting a key is the
 * same as a full bucket and never a gift.
 */
@Component
public class Throttles {

	private static final int EXPIRY_BATCH = 10_000;

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

	private final TimeMeter clock;

	@Autowired
	Throttles(DataSource dataSource) {
		this(dataSource, TimeMeter.SYSTEM_MILLISECONDS);
	}

	/** Tests: buckets that read the time from {@code clock}. */
	public Throttles(DataSource dataSource, TimeMeter clock) {
		this.clock = clock;
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("rate_limit_bucket")
			.idColumn("id")
			.stateColumn("state")
			.expiresAtColumn("expires_at")
			.expirationAfterWrite(
					ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
			.clientClock(clock)
			.build();
	}

	/**
	 * The buckets of one kind, each with all of {@code limits}.
	 * @param kind short and unique, the first part of every key; a changed limit needs a
	 * new kind, since a stored bucket keeps the limits it was made with
	 */
	public Throttle of(String kind, Throttle.Limit... limits) {
		return new Throttle(kind, this.buckets, this.clock, List.of(limits), Throttle.MAX_REFUSED);
	}

	/** Tests: buckets whose instance remembers at most {@code maxRefused} empty keys. */
	Throttle of(String kind, long maxRefused, Throttle.Limit... limits) {
		return new Throttle(kind, this.buckets, this.clock, List.of(limits), maxRefused);
	}

	@Scheduled(initialDelayString = "${fangfei.rate-limits.expiry-initial-delay:PT10M}",
			fixedDelayString = "${fangfei.rate-limits.expiry-every:PT10M}")
	@SchedulerLock(name = "rate-limit-expiry", lockAtLeastFor = "${fangfei.rate-limits.expiry-every:PT10M}")
	void scheduled() {
		removeExpired();
	}

	/**
	 * Deletes the buckets that are full again and idle (scheduled on one instance at a
	 * time).
	 * @return how many
	 */
	public int removeExpired() {
		int removed = 0;
		int batch;
		do {
			batch = this.buckets.removeExpired(EXPIRY_BATCH);
			removed += batch;
		}
		while (batch == EXPIRY_BATCH);
		return removed;
	}

}
