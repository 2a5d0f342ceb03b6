package org.fangfei.app.monitoring;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import org.fangfei.app.shared.Times;
import org.fangfei.detect.Alert;
import org.fangfei.detect.io.Transfer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a detected batch in one transaction: all its transfers (the evidence of any of
 * its alerts), its alerts (an alert id already known is kept as it was), the counts, and
 * drops the uploaded file. Transfers whose id an earlier batch of the same source (same
 * jurisdiction, same header) already stored are stored again — each batch is the whole
 * evidence of its file and is detected on its own — and counted, so the page can say the
 * file overlaps an earlier upload.
 */
@Component
class BatchWriter {

	private static final int CHUNK = 1_000;

	private final JdbcTemplate template;

	private final JdbcClient jdbc;

	private final RaisedAlerts alerts;

	BatchWriter(JdbcTemplate template, JdbcClient jdbc, RaisedAlerts alerts) {
		this.template = template;
		this.jdbc = jdbc;
		this.alerts = alerts;
	}

	@Transactional
	public void write(long batchId, List<Transfer> transfers, int duplicates, List<Alert> alerts,
			IntConsumer progress) {
		Map<String, Object> batch = this.jdbc
			.sql("select region_code, uploaded_by, header_signature from monitoring_batch where id = :id")
			.param("id", batchId)
			.query()
			.singleRow();
		int earlier = storedEarlier(batchId, batch, transfers);
		Map<String, String> holders = new HashMap<>();
		for (int from = 0; from < transfers.size(); from += CHUNK) {
			List<Transfer> chunk = transfers.subList(from, Math.min(transfers.size(), from + CHUNK));
			this.template.batchUpdate("""
					insert into monitoring_transfer (batch_id, line, tx_id, tx_time, payer_account, payer_name,
					  payee_account, payee_name, amount_fen, channel, memo) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					""", chunk, chunk.size(), (ps, t) -> {
				ps.setLong(1, batchId);
				ps.setInt(2, (int) t.seq());
				ps.setString(3, t.txId());
				ps.setTimestamp(4, Timestamp.valueOf(localTime(t.time())));
				ps.setString(5, t.payerAccount());
				ps.setString(6, t.payerName());
				ps.setString(7, t.payeeAccount());
				ps.setString(8, t.payeeName());
				ps.setLong(9, t.amountFen());
				ps.setString(10, t.channel());
				ps.setString(11, t.memo());
			});
			for (Transfer t : chunk) {
				remember(holders, t.payerAccount(), t.payerName());
				remember(holders, t.payeeAccount(), t.payeeName());
			}
			progress.accept(from + chunk.size());
		}
		int fresh = 0;
		for (Alert a : alerts) {
			fresh += this.alerts.store(a, "UPLOAD", batchId, (String) batch.get("region_code"),
					holders.get(a.account()), (String) batch.get("uploaded_by"));
		}
		int done = this.jdbc.sql("""
				update monitoring_batch set status = 'DONE', phase = '完成', progress = 100, transfer_count = :t,
				  alert_count = :a, new_alert_count = :n, duplicate_count = :d, earlier_count = :e,
				  finished_at = :now
				where id = :id and status = 'RUNNING'
				""")
			.param("t", transfers.size())
			.param("a", alerts.size())
			.param("n", fresh)
			.param("d", duplicates)
			.param("e", earlier)
			.param("now", Times.now())
			.param("id", batchId)
			.update();
		if (done == 0) {
			// failed meanwhile (its runner was taken for gone): roll everything back
			throw new IllegalStateException("Batch " + batchId + " is no longer running");
		}
		this.jdbc.sql("delete from monitoring_batch_file where batch_id = :id").param("id", batchId).update();
	}

	/**
	 * Distinct transfer ids of the file already stored by other batches of its source.
	 */
	private int storedEarlier(long batchId, Map<String, Object> batch, List<Transfer> transfers) {
		String[] ids = transfers.stream()
			.filter(TransferRows::hasOwnId)
			.map(Transfer::txId)
			.distinct()
			.toArray(String[]::new);
		if (ids.length == 0) {
			return 0;
		}
		return this.jdbc.sql("""
				select count(distinct t.tx_id) from monitoring_transfer t join monitoring_batch b on b.id = t.batch_id
				where t.tx_id = any(:ids) and b.id <> :id and b.region_code = :region and b.header_signature = :sig
				""")
			.param("ids", ids)
			.param("id", batchId)
			.param("region", batch.get("region_code"))
			.param("sig", batch.get("header_signature"))
			.query(Integer.class)
			.single();
	}

	private static void remember(Map<String, String> holders, String account, String name) {
		if (name != null && !name.isBlank()) {
			holders.putIfAbsent(account, name);
		}
	}

	/** The detector counts local time as epoch millis read as UTC. */
	static LocalDateTime localTime(long epochMillis) {
		return LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000),
				(int) Math.floorMod(epochMillis, 1000) * 1_000_000, ZoneOffset.UTC);
	}

}
