package org.fangfei.app.monitoring;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Times;
import org.fangfei.detect.Alert;
import org.fangfei.detect.Pattern;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored alerts within the caller's jurisdiction (an alert belongs to the region of
 * the account that uploaded its batch, or of the account the Flink job's token is bound
 * to), and each alert's evidence transfers.
 */
@Service
class Alerts {

	static final RowMapper<AlertRow> MAPPER = (rs, n) -> new AlertRow(rs.getLong("id"), rs.getString("alert_id"),
			rs.getString("source"), (Long) rs.getObject("batch_id"), rs.getString("region_code"),
			rs.getString("account"), rs.getString("holder_name"), Pattern.valueOf(rs.getString("pattern")),
			rs.getInt("score"), rs.getObject("first_time", LocalDateTime.class),
			rs.getObject("last_time", LocalDateTime.class), rs.getInt("tx_count"), rs.getLong("amount_in_fen"),
			rs.getLong("amount_out_fen"), rs.getInt("counterparties"), rs.getString("explanation"),
			AlertStatus.valueOf(rs.getString("status")), (Long) rs.getObject("clue_id"), rs.getString("clue_code"),
			rs.getString("dismiss_reason"), rs.getString("handled_by"),
			Times.local(rs.getObject("received_at", OffsetDateTime.class)));

	private static final String FILTERS = """
			 where a.region_code like :regionLike
			 and (cast(:pattern as varchar) is null or a.pattern = :pattern)
			 and (cast(:status as varchar) is null or a.status = :status)
			 and (cast(:minScore as integer) is null or a.score >= :minScore)
			 and (cast(:batch as bigint) is null or a.batch_id = :batch)
			""";

	/** Evidence shown per alert at most; hubs can have thousands of transfers. */
	static final int EVIDENCE_LIMIT = 500;

	private final JdbcClient jdbc;

	Alerts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores an alert unless its id is known already; joins the caller's transaction.
	 * @return the new row's id, or null when it was a repeat
	 */
	static Long insert(JdbcClient jdbc, Alert a, String source, Long batchId, String regionCode, String holderName,
			String receivedBy) {
		return jdbc.sql("""
				insert into monitoring_alert (alert_id, source, batch_id, region_code, account, holder_name, pattern,
				  score, first_time, last_time, tx_count, amount_in_fen, amount_out_fen, counterparties, explanation,
				  received_by, received_at)
				values (:alertId, :source, :batch, :region, :account, :holder, :pattern, :score, :first, :last, :tx,
				  :in, :out, :cp, :explanation, :by, :now)
				on conflict (alert_id) do nothing
				returning id
				""")
			.param("alertId", a.alertId())
			.param("source", source)
			.param("batch", batchId)
			.param("region", regionCode)
			.param("account", a.account())
			.param("holder", holderName)
			.param("pattern", a.pattern().name())
			.param("score", a.score())
			.param("first", Timestamp.valueOf(BatchWriter.localTime(a.firstTime())))
			.param("last", Timestamp.valueOf(BatchWriter.localTime(a.lastTime())))
			.param("tx", a.txCount())
			.param("in", a.amountInFen())
			.param("out", a.amountOutFen())
			.param("cp", a.counterparties())
			.param("explanation", MonitoringBatches.truncate(a.explanation(), 4000))
			.param("by", receivedBy)
			.param("now", Times.now())
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	@Transactional(readOnly = true)
	public PageOf<AlertRow> search(AlertQuery q, DataScope scope, PageRequest paging) {
		Map<String, Object> params = params(q, scope);
		long total = this.jdbc.sql("select count(*) from monitoring_alert a" + FILTERS)
			.params(params)
			.query(Long.class)
			.single();
		params.put("size", paging.size());
		params.put("offset", paging.offset());
		List<AlertRow> items = this.jdbc
			.sql("select a.* from monitoring_alert a" + FILTERS
					+ " order by a.score desc, a.id desc limit :size offset :offset")
			.params(params)
			.query(MAPPER)
			.list();
		return paging.pageOf(items, total);
	}

	private static Map<String, Object> params(AlertQuery q, DataScope scope) {
		Map<String, Object> params = scope.sqlParams();
		params.put("pattern", q.pattern() == null ? null : q.pattern().name());
		params.put("status", q.status() == null ? null : q.status().name());
		params.put("minScore", q.minScore());
		params.put("batch", q.batchId());
		return params;
	}

	@Transactional(readOnly = true)
	public AlertRow get(long id, DataScope scope) {
		return this.jdbc.sql("select a.* from monitoring_alert a where a.id = :id and a.region_code like :regionLike")
			.param("id", id)
			.param("regionLike", scope.regionLike())
			.query(MAPPER)
			.optional()
			.orElseThrow(() -> new NotFound("预警"));
	}

	/**
	 * The account's transfers in the alert's window: from its own upload, or for an alert
	 * from the Flink job, from any upload within the caller's jurisdiction.
	 */
	@Transactional(readOnly = true)
	public List<EvidenceTransfer> evidence(AlertRow alert, DataScope scope) {
		return this.jdbc.sql("""
				select * from (
				  select t.batch_id, t.line, t.tx_id, t.tx_time, true as inflow, t.payer_account as cp_account,
				    t.payer_name as cp_name, t.amount_fen, t.channel, t.memo
				  from monitoring_transfer t where t.payee_account = :account and t.tx_time between :first and :last
				  union all
				  select t.batch_id, t.line, t.tx_id, t.tx_time, false, t.payee_account, t.payee_name, t.amount_fen,
				    t.channel, t.memo
				  from monitoring_transfer t where t.payer_account = :account and t.tx_time between :first and :last
				) e
				where e.batch_id in (select b.id from monitoring_batch b where b.region_code like :regionLike
				  and (cast(:batch as bigint) is null or b.id = :batch))
				order by e.tx_time, e.batch_id, e.line limit :limit
				""")
			.param("account", alert.account())
			.param("first", Timestamp.valueOf(alert.firstTime()))
			.param("last", Timestamp.valueOf(alert.lastTime()))
			.param("regionLike", scope.regionLike())
			.param("batch", alert.batchId())
			.param("limit", EVIDENCE_LIMIT)
			.query((rs, n) -> new EvidenceTransfer(rs.getLong("batch_id"), rs.getInt("line"), rs.getString("tx_id"),
					rs.getObject("tx_time", LocalDateTime.class), rs.getBoolean("inflow"), rs.getString("cp_account"),
					rs.getString("cp_name"), rs.getLong("amount_fen"), rs.getString("channel"), rs.getString("memo")))
			.list();
	}

	/**
	 * The name the account's holder had in the latest upload within the scope, if any.
	 */
	@Transactional(readOnly = true)
	public String holderOf(String account, DataScope scope) {
		return this.jdbc.sql("""
				select name from (
				  select t.payer_name as name, t.tx_time from monitoring_transfer t
				    join monitoring_batch b on b.id = t.batch_id and b.region_code like :regionLike
				    where t.payer_account = :account and t.payer_name <> ''
				  union all
				  select t.payee_name, t.tx_time from monitoring_transfer t
				    join monitoring_batch b on b.id = t.batch_id and b.region_code like :regionLike
				    where t.payee_account = :account and t.payee_name <> ''
				) n order by tx_time desc limit 1
				""")
			.param("account", account)
			.param("regionLike", scope.regionLike())
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
