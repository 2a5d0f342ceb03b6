package org.fangfei.app.patrol;

import java.time.OffsetDateTime;
import java.util.List;

import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Times;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Findings of patrols marked "发现问题，上报线索", waiting for the clue workflow: one
 * {@code pending_finding} row per patrol and a {@link PatrolFindingRaised} event, written
 * in the patrol's transaction. The clue module takes a finding in by setting
 * {@code taken_at} and {@code clue_ref} (docs/patrols.md).
 */
@Component
public class PendingFindings {

	/** A finding still waiting for the clue workflow, as the clue module takes it in. */
	public record Untaken(long patrolId, Long subjectId, String regionCode, String summary, String worker) {
	}

	/** A photo of a patrol, as stored: upright and without EXIF (see {@link Photo}). */
	public record FindingPhoto(String contentType, byte[] bytes) {
	}

	/** An open finding as listed for the township and the county office. */
	record Finding(long id, long patrolId, Long subjectId, String regionCode, String regionName, String summary,
			String worker, OffsetDateTime createdAt) {
	}

	private static final int SUMMARY_MAX = 500;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	PendingFindings(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void raise(Patrol patrol) {
		String summary = summaryOf(patrol);
		this.jdbc.sql("""
				insert into pending_finding (patrol_id, subject_id, region_code, summary)
				values (:patrol, :subject, :region, :summary)
				""")
			.param("patrol", patrol.id())
			.param("subject", patrol.subjectId())
			.param("region", patrol.regionCode())
			.param("summary", summary)
			.update();
		this.events.publishEvent(new PatrolFindingRaised(patrol.id(), patrol.subjectId(), patrol.regionCode(), summary,
				patrol.worker()));
	}

	/** 走访某某发现：warning signs; then the worker's notes, cut to the column's length. */
	static String summaryOf(Patrol patrol) {
		List<String> warnings = patrol.warnings();
		StringBuilder summary = new StringBuilder("走访“").append(patrol.target()).append("”");
		summary.append(warnings.isEmpty() ? "，网格员认为存在问题" : "发现：" + String.join("；", warnings));
		if (patrol.notes() != null && !patrol.notes().isBlank()) {
			summary.append("。备注：").append(patrol.notes().strip());
		}
		return summary.length() <= SUMMARY_MAX ? summary.toString() : summary.substring(0, SUMMARY_MAX - 1) + "…";
	}

	/** Up to {@code limit} findings the clue workflow has not taken in, oldest first. */
	@Transactional(readOnly = true)
	public List<Untaken> untaken(int limit) {
		return this.jdbc.sql("""
				select f.patrol_id, f.subject_id, f.region_code, f.summary, p.worker from pending_finding f
				join patrol p on p.id = f.patrol_id where f.taken_at is null order by f.created_at, f.id limit :limit
				""")
			.param("limit", limit)
			.query((rs, n) -> new Untaken(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.list();
	}

	/**
	 * The photos of a patrol that raised a finding, oldest first, for the clue it becomes
	 * (already cleaned when the patrol was recorded); none for a patrol without a
	 * finding.
	 */
	@Transactional(readOnly = true)
	public List<FindingPhoto> photos(long patrolId) {
		return this.jdbc.sql("""
				select x.content_type, x.bytes from patrol_photo x
				where x.patrol_id = :p and exists (select 1 from pending_finding f where f.patrol_id = x.patrol_id)
				order by x.id
				""").param("p", patrolId).query((rs, n) -> new FindingPhoto(rs.getString(1), rs.getBytes(2))).list();
	}

	/** The username of the grid worker who recorded a patrol, if the patrol exists. */
	@Transactional(readOnly = true)
	public java.util.Optional<String> workerOf(long patrolId) {
		return this.jdbc.sql("select worker from patrol where id = :p")
			.param("p", patrolId)
			.query(String.class)
			.optional();
	}

	/** The clue workflow took the patrol's finding in as clue {@code clueRef}. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void take(long patrolId, String clueRef) {
		this.jdbc.sql("""
				update pending_finding set taken_at = now(), clue_ref = :ref where patrol_id = :p and taken_at is null
				""").param("ref", clueRef).param("p", patrolId).update();
	}

	/** Findings not yet taken in by the clue workflow, oldest first. */
	@Transactional(readOnly = true)
	PageOf<Finding> open(DataScope scope, PageRequest paging) {
		String where = """
				 from pending_finding f join patrol p on p.id = f.patrol_id join region r on r.code = f.region_code
				 left join patrol_subject s on s.subject_id = f.subject_id
				 where f.taken_at is null and f.region_code like :regionLike
				 and (not :sectorLimited or s.sector_code = any(:sectorCodes))
				""";
		long total = this.jdbc.sql("select count(*)" + where).params(scope.sqlParams()).query(Long.class).single();
		List<Finding> items = this.jdbc
			.sql("select f.*, r.name as region_name, p.worker" + where
					+ " order by f.created_at, f.id limit :size offset :offset")
			.params(scope.sqlParams())
			.param("size", paging.size())
			.param("offset", paging.offset())
			.query((rs, n) -> new Finding(rs.getLong("id"), rs.getLong("patrol_id"), (Long) rs.getObject("subject_id"),
					rs.getString("region_code"), rs.getString("region_name"), rs.getString("summary"),
					rs.getString("worker"), Times.local(rs.getObject("created_at", OffsetDateTime.class))))
			.list();
		return paging.pageOf(items, total);
	}

}
