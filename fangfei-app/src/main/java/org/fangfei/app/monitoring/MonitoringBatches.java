package org.fangfei.app.monitoring;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Uploads of bank exports (银行流水): checks the file, decides whether its columns need
 * mapping (the standard header and remembered headers go straight through), remembers a
 * chosen mapping by header signature, and shows batches within the caller's jurisdiction.
 * The detection itself runs in {@link BatchRunner}.
 */
@Service
class MonitoringBatches {

	static final RowMapper<Batch> MAPPER = (rs, n) -> new Batch(rs.getLong("id"), rs.getString("file_name"),
			rs.getString("file_kind"), rs.getString("region_code"), rs.getString("uploaded_by"),
			Times.local(rs.getObject("uploaded_at", OffsetDateTime.class)), BatchStatus.valueOf(rs.getString("status")),
			rs.getString("phase"), rs.getInt("progress"), rs.getInt("row_count"), rs.getInt("transfer_count"),
			rs.getInt("alert_count"), rs.getInt("new_alert_count"), rs.getInt("duplicate_count"),
			rs.getInt("earlier_count"), rs.getString("error"), (Integer) rs.getObject("error_line"),
			(Double) rs.getObject("seconds"));

	private static final String SELECT = """
			select b.*, extract(epoch from (b.finished_at - b.started_at))::float8 as seconds
			from monitoring_batch b
			""";

	/** The mapping form: the header, a few sample rows and the suggested columns. */
	record MappingView(Batch batch, List<String> header, List<List<String>> samples, ColumnMapping suggested) {
	}

	/**
	 * An upload waiting for its column mapping, as the page lists it.
	 *
	 * @param bytes size of the stored file
	 * @param expiresAt when {@link #expirePending} deletes its file
	 */
	record PendingUpload(long id, String fileName, String uploadedBy, OffsetDateTime uploadedAt, long bytes,
			OffsetDateTime expiresAt) {

		public String size() {
			return this.bytes < 1024 * 1024 ? Math.max(1, this.bytes / 1024) + " KB"
					: String.format("%.1f MB", this.bytes / 1024.0 / 1024);
		}

	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Duration pendingExpiry;

	MonitoringBatches(JdbcClient jdbc, AuditLog audit,
			@Value("${fangfei.monitoring.pending-expiry:PT24H}") Duration pendingExpiry) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.pendingExpiry = pendingExpiry;
	}

	/**
	 * Stores an upload as a batch of the actor's jurisdiction: queued when its columns
	 * are known (standard header, or a header mapped before), else waiting for the
	 * mapping.
	 * @throws Rejected when the file is missing, of the wrong type, empty or too large
	 */
	@Transactional
	public Batch upload(String filename, byte[] bytes, Actor actor) {
		if (actor.regionCode() == null) {
			throw new Rejected("您的账号没有所属区划，不能上传银行流水");
		}
		BankExport export = BankExport.read(filename, bytes);
		String signature = ColumnMapping.signature(export.header());
		ColumnMapping known = ColumnMapping.isStandard(export.header()) ? ColumnMapping.standard()
				: remembered(signature, export.header().size()).orElse(null);
		String name = (filename == null || filename.isBlank()) ? "未命名文件" : truncate(filename.strip(), 200);
		long id = this.jdbc.sql("""
				insert into monitoring_batch (file_name, file_kind, header_signature, mapping, region_code, uploaded_by,
				  status, phase, row_count, uploaded_at)
				values (:name, :kind, :sig, :mapping, :region, :by, :status, :phase, :rows, :now) returning id
				""")
			.param("name", name)
			.param("kind", export.kind().name())
			.param("sig", signature)
			.param("mapping", known == null ? null : known.encode())
			.param("region", actor.regionCode())
			.param("by", actor.username())
			.param("status", (known == null ? BatchStatus.MAPPING : BatchStatus.QUEUED).name())
			.param("phase", known == null ? "请确认各列的含义" : "排队等待处理")
			.param("rows", export.rows().size())
			.param("now", Times.now())
			.query(Long.class)
			.single();
		this.jdbc.sql("insert into monitoring_batch_file (batch_id, content) values (:id, :c)")
			.param("id", id)
			.param("c", bytes)
			.update();
		this.audit.success("MONITORING_UPLOAD", "monitoring_batch", id,
				"上传银行流水 " + name + "(" + export.rows().size() + " 行)", null, null);
		return get(id, actor.scope());
	}

	/**
	 * A remembered mapping that still fits a header of this width and covers every
	 * required field.
	 */
	Optional<ColumnMapping> remembered(String signature, int width) {
		return this.jdbc.sql("select mapping from monitoring_mapping where header_signature = :s")
			.param("s", signature)
			.query(String.class)
			.optional()
			.map(ColumnMapping::decode)
			.filter((m) -> m.missing().isEmpty() && m.columns().values().stream().allMatch((c) -> c < width));
	}

	@Transactional(readOnly = true)
	public Batch get(long id, DataScope scope) {
		return this.jdbc.sql(SELECT + " where b.id = :id and b.region_code like :regionLike")
			.param("id", id)
			.param("regionLike", scope.regionLike())
			.query(MAPPER)
			.optional()
			.orElseThrow(() -> new NotFound("上传批次"));
	}

	@Transactional(readOnly = true)
	public List<Batch> recent(DataScope scope, int limit) {
		return this.jdbc.sql(SELECT + " where b.region_code like :regionLike order by b.id desc limit :limit")
			.param("regionLike", scope.regionLike())
			.param("limit", limit)
			.query(MAPPER)
			.list();
	}

	/** The mapping form of a batch still waiting for it. */
	@Transactional(readOnly = true)
	public MappingView mappingView(long id, DataScope scope) {
		Batch batch = waitingForMapping(id, scope);
		BankExport export = BankExport.read(batch.fileName(), content(id));
		List<List<String>> samples = export.rows().stream().limit(3).map((l) -> l.cells()).toList();
		return new MappingView(batch, export.header(), samples, ColumnMapping.guess(export.header()));
	}

	/**
	 * Applies the columns the user chose, remembers them for this header (for everyone)
	 * and queues the batch.
	 * @throws Rejected when a required field has no column or a column is used twice, or
	 * the upload expired or was deleted meanwhile
	 */
	@Transactional
	public Batch map(long id, Map<TransferField, Integer> chosen, Actor actor) {
		Batch batch = waitingForMapping(id, actor.scope());
		BankExport export = BankExport.read(batch.fileName(), content(id));
		ColumnMapping mapping = ColumnMapping.chosen(chosen, export.header().size());
		String signature = ColumnMapping.signature(export.header());
		// expired or deleted meanwhile (by the periodic job or another user): nothing is
		// written
		int queued = this.jdbc.sql("""
				update monitoring_batch set mapping = :m, status = 'QUEUED', phase = '排队等待处理'
				where id = :id and status = 'MAPPING'
				""").param("m", mapping.encode()).param("id", id).update();
		if (queued == 0) {
			throw new Rejected("这个上传已失效，请重新上传");
		}
		this.jdbc.sql("""
				insert into monitoring_mapping (header_signature, header, mapping, saved_by) values (:s, :h, :m, :by)
				on conflict (header_signature) do update set mapping = excluded.mapping, saved_by = excluded.saved_by,
				  saved_at = now()
				""")
			.param("s", signature)
			.param("h", truncate(String.join(",", export.header()), 4000))
			.param("m", mapping.encode())
			.param("by", actor.username())
			.update();
		this.audit.success("MONITORING_MAPPING", "monitoring_batch", id,
				"确认银行流水列对应 " + batch.fileName() + "：" + mapping.encode(), null, null);
		return get(id, actor.scope());
	}

	private Batch waitingForMapping(long id, DataScope scope) {
		Batch batch = get(id, scope);
		if (batch.status() == BatchStatus.FAILED) {
			throw new Rejected("这个上传已失效：" + batch.error());
		}
		if (batch.status() != BatchStatus.MAPPING) {
			throw new Rejected("这个文件已确认过列对应(" + batch.statusLabel() + ")");
		}
		return batch;
	}

	/** Uploads within the scope still waiting for their column mapping, oldest first. */
	@Transactional(readOnly = true)
	public List<PendingUpload> pending(DataScope scope) {
		return this.jdbc.sql("""
				select b.id, b.file_name, b.uploaded_by, b.uploaded_at, coalesce(octet_length(f.content), 0) as bytes
				from monitoring_batch b left join monitoring_batch_file f on f.batch_id = b.id
				where b.status = 'MAPPING' and b.region_code like :regionLike order by b.uploaded_at limit 200
				""").param("regionLike", scope.regionLike()).query((rs, n) -> {
			OffsetDateTime at = Times.local(rs.getObject("uploaded_at", OffsetDateTime.class));
			return new PendingUpload(rs.getLong("id"), rs.getString("file_name"), rs.getString("uploaded_by"), at,
					rs.getLong("bytes"), at.plus(this.pendingExpiry));
		}).list();
	}

	/**
	 * Deletes an upload still waiting for its column mapping, with its file.
	 * @throws Rejected when it is no longer waiting
	 */
	@Transactional
	public void deletePending(long id, Actor actor) {
		Batch batch = waitingForMapping(id, actor.scope());
		this.jdbc.sql("delete from monitoring_batch where id = :id and status = 'MAPPING'").param("id", id).update();
		this.audit.success("MONITORING_PENDING_DELETE", "monitoring_batch", id,
				"删除待确认列对应的银行流水 " + batch.fileName() + "(" + batch.uploadedBy() + " 上传)", null, null);
	}

	/**
	 * Fails the uploads that waited for their column mapping longer than the configured
	 * time and deletes their files. Scheduled on one instance at a time
	 * ({@link BatchUpkeep}); two runs at once would still expire each upload once, since
	 * the update takes each row's lock and skips a row already failed.
	 * @return how many expired
	 */
	@Transactional
	public int expirePending() {
		String error = "上传后超过 " + hours(this.pendingExpiry) + "未确认列对应，上传的文件已自动删除；如仍需检测请重新上传";
		List<Map<String, Object>> expired = this.jdbc
			.sql("""
					update monitoring_batch set status = 'FAILED', phase = '已过期', error = :e, finished_at = clock_timestamp()
					where status = 'MAPPING' and uploaded_at < clock_timestamp() - :secs * interval '1 second'
					returning id, file_name, uploaded_by
					""")
			.param("e", error)
			.param("secs", this.pendingExpiry.toSeconds())
			.query()
			.listOfRows();
		for (Map<String, Object> b : expired) {
			this.jdbc.sql("delete from monitoring_batch_file where batch_id = :id").param("id", b.get("id")).update();
			this.audit.success("MONITORING_PENDING_EXPIRED", "monitoring_batch", b.get("id"),
					"待确认列对应的银行流水 " + b.get("file_name") + "(" + b.get("uploaded_by") + " 上传)已过期，文件已删除", null, null);
		}
		return expired.size();
	}

	private static String hours(Duration d) {
		return d.toMinutes() % 60 == 0 ? d.toHours() + " 小时" : d.toMinutes() + " 分钟";
	}

	byte[] content(long id) {
		return this.jdbc.sql("select content from monitoring_batch_file where batch_id = :id")
			.param("id", id)
			.query(byte[].class)
			.optional()
			.orElseThrow(() -> new Rejected("上传的文件已不在，请重新上传"));
	}

	static String truncate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}

}
