package org.fangfei.app.enquiry;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.detect.Alert;
import org.fangfei.detect.engine.AccountState;
import org.fangfei.detect.engine.Detector;
import org.fangfei.detect.engine.DetectorConfig;
import org.fangfei.detect.engine.Leg;
import org.fangfei.detect.io.Transfer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Runs the detector of {@code fangfei-detect} — the one the monitoring module runs over
 * bank exports — over all of a matter's flows in time order, after every load, and keeps
 * its alerts per account, so the graph shows which accounts behave like a scheme
 * (分散转入集中转出, 定期批量小额转出…). Time is the bank's local time read as UTC, as the detector
 * counts it. The detector runs after a load commits, in the background
 * ({@link StatementLoaded}), one run per matter at a time.
 */
@Component
class TraceAlerts {

	/** An alert as the graph shows it. */
	public record TraceAlert(long accountId, String pattern, String label, int score, LocalDateTime firstAt,
			LocalDateTime lastAt, String explanation) {
	}

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TraceAlerts.class);

	private final DetectorConfig config = DetectorConfig.defaults();

	private final JdbcClient jdbc;

	/** Reads a matter's flows a batch at a time, not all at once. */
	private final org.springframework.jdbc.core.JdbcTemplate fetching;

	TraceAlerts(JdbcClient jdbc, javax.sql.DataSource dataSource) {
		this.fetching = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
		this.fetching.setFetchSize(10_000);
		this.jdbc = jdbc;
	}

	/**
	 * A statement was loaded and committed: the matter's alerts are made again from all
	 * its flows, in a transaction of their own; the registry delivers the event again
	 * after a crash.
	 */
	@ApplicationModuleListener
	void on(StatementLoaded loaded) {
		long started = System.nanoTime();
		detect(new Matter(loaded.matterKind(), loaded.matterId(), "", ""));
		if (log.isDebugEnabled()) {
			log.debug("alerts of {} {}: detector {} ms, in {} ms after the load", loaded.matterKind(),
					loaded.matterId(), (System.nanoTime() - started) / 1_000_000,
					java.time.Duration.between(loaded.loadedAt(), java.time.Instant.now()).toMillis());
		}
	}

	/**
	 * Makes the matter's alerts again from all its flows, in the caller's transaction.
	 * Runs for one matter never interleave: the first waits for the matter's lock, held
	 * to the end of the transaction, so a run that starts after a load committed reads
	 * all the flows loaded so far and its delete and inserts are not mixed with another
	 * run's.
	 */
	void detect(Matter matter) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended('trace_alert:' || :k || ':' || :m, 0))")
			.param("k", matter.kind())
			.param("m", Long.toString(matter.id()))
			.query((rs, n) -> 1)
			.list();
		Detector detector = new Detector(this.config);
		Map<String, AccountState> states = new HashMap<>();
		// an account's id as text, made once per account, not twice per flow
		Map<Long, String> names = new HashMap<>();
		List<Alert> alerts = new ArrayList<>();
		Leg out = new Leg();
		Leg in = new Leg();
		// the million flows of a large statement sort in memory, not in temporary files
		this.jdbc.sql("set local work_mem = '64MB'").update();
		this.fetching.query("""
				select id, at, payer_id, payee_id, amount_fen, memo from trace_flow
				where matter_kind = ? and matter_id = ? order by at, id
				""", (rs) -> {
			long millis = rs.getObject(2, LocalDateTime.class).toEpochSecond(ZoneOffset.UTC) * 1000;
			String payer = names.computeIfAbsent(rs.getLong(3), (id) -> Long.toString(id));
			String payee = names.computeIfAbsent(rs.getLong(4), (id) -> Long.toString(id));
			Transfer t = new Transfer("F" + rs.getLong(1), millis, rs.getLong(1), payer, "", payee, "", rs.getLong(5),
					"", rs.getString(6));
			Leg.split(t, out, in);
			detector.onLeg(states.computeIfAbsent(payer, (a) -> new AccountState()), out, alerts::add);
			detector.onLeg(states.computeIfAbsent(payee, (a) -> new AccountState()), in, alerts::add);
		}, matter.kind(), matter.id());
		this.jdbc.sql("delete from trace_alert where matter_kind = :k and matter_id = :m")
			.param("k", matter.kind())
			.param("m", matter.id())
			.update();
		for (Alert a : alerts) {
			this.jdbc
				.sql("""
						insert into trace_alert (matter_kind, matter_id, account_id, pattern, score, first_at, last_at, explanation)
						values (:k, :m, :a, :p, :s, :f, :l, :e)
						""")
				.param("k", matter.kind())
				.param("m", matter.id())
				.param("a", Long.parseLong(a.account()))
				.param("p", a.pattern().name())
				.param("s", a.score())
				.param("f", LocalDateTime.ofEpochSecond(a.firstTime() / 1000, 0, ZoneOffset.UTC))
				.param("l", LocalDateTime.ofEpochSecond(a.lastTime() / 1000, 0, ZoneOffset.UTC))
				.param("e", a.explanation().length() > 1000 ? a.explanation().substring(0, 1000) : a.explanation())
				.update();
		}
	}

	List<TraceAlert> of(Matter matter) {
		return this.jdbc.sql("""
				select * from trace_alert where matter_kind = :k and matter_id = :m order by score desc, id
				""").param("k", matter.kind()).param("m", matter.id()).query((rs, n) -> {
			String pattern = rs.getString("pattern");
			return new TraceAlert(rs.getLong("account_id"), pattern,
					org.fangfei.detect.Pattern.valueOf(pattern).label(), rs.getInt("score"),
					rs.getObject("first_at", LocalDateTime.class), rs.getObject("last_at", LocalDateTime.class),
					rs.getString("explanation"));
		}).list();
	}

}
