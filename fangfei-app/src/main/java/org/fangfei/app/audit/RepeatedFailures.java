package org.fangfei.app.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PreDestroy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;

import org.fangfei.app.shared.Times;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Audits failures that anyone can cause without signing in (a bogus API token, a refused
 * sign-in attempt) without letting a flood of them fill the permanent audit log: per
 * action and address, the first failure of a window (10 minutes) is written at once, the
 * others of that window are counted in memory, and when the window closes one more row
 * says how many there were in all, first and last time and the latest request. So an
 * address writes at most two rows per window however fast it sends. Windows are closed
 * every minute, when the application stops, and when more than 10,000 are open (the
 * oldest first). The windows are in each instance's memory, so every instance closes its
 * own (this job takes no scheduler lock); with several instances an address writes at
 * most two rows per window on each.
 */
@Service
public class RepeatedFailures {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final long MAX_OPEN = 10_000;

	private final AuditLog audit;

	private final Duration window;

	private final Clock clock;

	private final Cache<String, Tally> open;

	@Autowired
	RepeatedFailures(AuditLog audit, @Value("${fangfei.audit.failure-window:PT10M}") Duration window) {
		this(audit, window, Times.clock());
	}

	RepeatedFailures(AuditLog audit, Duration window, Clock clock) {
		this.audit = audit;
		this.window = window;
		this.clock = clock;
		this.open = Caffeine.newBuilder()
			.maximumSize(MAX_OPEN)
			.executor(Runnable::run)
			.evictionListener((String key, Tally tally, RemovalCause cause) -> {
				if (tally != null) {
					close(tally);
				}
			})
			.build();
	}

	/**
	 * Counts one failure by {@code address}; writes the audit row now when it is the
	 * first of its window.
	 * @param summary what was attempted, in Chinese, without secrets (no token, no
	 * password) and without a query string
	 */
	public void record(String action, String targetType, String address, String summary) {
		long now = this.clock.millis();
		List<Tally> closed = new ArrayList<>(1);
		Tally[] opened = new Tally[1];
		this.open.asMap().compute(action + "|" + address, (key, tally) -> {
			if (tally != null && now - tally.first < this.window.toMillis()) {
				tally.add(now, summary);
				return tally;
			}
			if (tally != null) {
				closed.add(tally);
			}
			opened[0] = new Tally(action, targetType, address, now, summary);
			return opened[0];
		});
		closed.forEach(this::close);
		if (opened[0] != null) {
			this.audit.failureFrom(address, action, targetType, summary);
		}
	}

	/** Closes the windows that have ended. */
	@Scheduled(fixedDelayString = "${fangfei.audit.failure-close-every:PT1M}")
	public void closeEnded() {
		long now = this.clock.millis();
		for (Map.Entry<String, Tally> e : List.copyOf(this.open.asMap().entrySet())) {
			if (now - e.getValue().first >= this.window.toMillis()
					&& this.open.asMap().remove(e.getKey(), e.getValue())) {
				close(e.getValue());
			}
		}
	}

	/** Closes every open window now: when the application stops. */
	@PreDestroy
	public void closeAll() {
		for (String key : List.copyOf(this.open.asMap().keySet())) {
			Tally tally = this.open.asMap().remove(key);
			if (tally != null) {
				close(tally);
			}
		}
	}

	private void close(Tally tally) {
		int count;
		long last;
		String latest;
		synchronized (tally) {
			count = tally.count;
			last = tally.last;
			latest = tally.latest;
		}
		if (count > 1) {
			this.audit.failureFrom(tally.address, tally.action, tally.targetType,
					"同一地址 " + count + " 次(首次 " + format(tally.first) + "，末次 " + format(last) + ")，最近一次：" + latest);
		}
	}

	private String format(long millis) {
		return TIME.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), this.clock.getZone()));
	}

	/** The failures of one action from one address within a window. */
	private static final class Tally {

		final String action;

		final String targetType;

		final String address;

		final long first;

		int count = 1;

		long last;

		String latest;

		Tally(String action, String targetType, String address, long first, String summary) {
			this.action = action;
			this.targetType = targetType;
			this.address = address;
			this.first = first;
			this.last = first;
			this.latest = summary;
		}

		synchronized void add(long at, String summary) {
			this.count++;
			this.last = at;
			this.latest = summary;
		}

	}

}
