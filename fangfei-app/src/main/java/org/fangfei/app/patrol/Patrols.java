package org.fangfei.app.patrol;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.building.Buildings;
import org.fangfei.app.shared.AccountNames;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patrol ledger. A patrol lies in the region of the subject or building visited, and
 * every read and write is limited to the caller's {@link DataScope} by that region; for
 * department users also by the sector of the subject visited. A grid worker therefore
 * sees the patrols of their own village only.
 */
@Service
class Patrols {

	/** Times are entered and shown in the server's zone. */
	static final ZoneId ZONE = Times.zone();

	/** How far back a visit may be entered (补录). */
	static final Duration MAX_AGE = Duration.ofDays(30);

	/** Allowance for a phone clock slightly ahead of the server's. */
	private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	private static final String SELECT = """
			select p.*, r.name as region_name, g.name as grid_name, s.name as subject_name,
			  f.taken_at as finding_taken_at, f.clue_ref,
			  array(select x.id from patrol_photo x where x.patrol_id = p.id order by x.id) as photo_ids
			from patrol p join region r on r.code = p.region_code left join grid g on g.id = p.grid_id
			left join patrol_subject s on s.subject_id = p.subject_id
			left join pending_finding f on f.patrol_id = p.id
			""";

	/**
	 * The caller's scope over patrols {@code p} joined to their subjects {@code s} in
	 * {@code patrol_subject}.
	 */
	static final String SCOPE = " p.region_code like :regionLike"
			+ " and (not :sectorLimited or s.sector_code = any(:sectorCodes))";

	private static final String FILTERS = """
			 and (cast(:grid as bigint) is null or p.grid_id = :grid)
			 and (not :byWorker or p.worker = any(:workers))
			 and (cast(:from as timestamptz) is null or p.visited_at >= :from)
			 and (cast(:to as timestamptz) is null or p.visited_at < :to)
			 and (not :withFinding or p.raise_clue)
			 and (cast(:subject as bigint) is null or p.subject_id = :subject)
			""";

	private static final RowMapper<Patrol> MAPPER = Patrols::map;

	private final JdbcClient jdbc;

	private final PatrolTargets targets;

	private final PendingFindings findings;

	private final AuditLog audit;

	private final Buildings buildings;

	private final AccountNames names;

	Patrols(JdbcClient jdbc, PatrolTargets targets, PendingFindings findings, AuditLog audit, Buildings buildings,
			AccountNames names) {
		this.jdbc = jdbc;
		this.names = names;
		this.buildings = buildings;
		this.targets = targets;
		this.findings = findings;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public Patrol get(long id, DataScope scope) {
		return this.jdbc.sql(SELECT + " where p.id = :id and" + SCOPE)
			.params(scope.sqlParams())
			.param("id", id)
			.query(MAPPER)
			.optional()
			.map(p -> withBuildingNames(List.of(p)).get(0))
			.orElseThrow(() -> new NotFound("走访记录"));
	}

	/** A page of patrols, latest visit first. */
	@Transactional(readOnly = true)
	public PageOf<Patrol> search(PatrolQuery q, DataScope scope, PageRequest paging) {
		Map<String, Object> params = filterParams(q, scope);
		String where = " where" + SCOPE + FILTERS;
		long total = this.jdbc
			.sql("select count(*) from patrol p left join patrol_subject s on s.subject_id = p.subject_id" + where)
			.params(params)
			.query(Long.class)
			.single();
		params.put("size", paging.size());
		params.put("offset", paging.offset());
		List<Patrol> items = withBuildingNames(
				this.jdbc.sql(SELECT + where + " order by p.visited_at desc, p.id desc limit :size offset :offset")
					.params(params)
					.query(MAPPER)
					.list());
		return paging.pageOf(items, total);
	}

	/**
	 * The patrols with their buildings' names, asked of the building module in one call.
	 */
	private List<Patrol> withBuildingNames(List<Patrol> patrols) {
		List<Long> ids = patrols.stream().map(Patrol::buildingId).filter(Objects::nonNull).distinct().toList();
		if (ids.isEmpty()) {
			return patrols;
		}
		Map<Long, String> names = this.buildings.namesOf(ids);
		return patrols.stream()
			.map(p -> p.buildingId() == null ? p : p.withBuildingName(names.get(p.buildingId())))
			.toList();
	}

	/**
	 * The filters as parameters. The worker is asked for by name (or picked, which sends
	 * the login name): a text matches the patrols of every account in scope whose name
	 * contains it.
	 */
	private Map<String, Object> filterParams(PatrolQuery q, DataScope scope) {
		Map<String, Object> params = scope.sqlParams();
		params.put("grid", q.gridId());
		boolean byWorker = q.worker() != null && !q.worker().isBlank();
		java.util.Set<String> workers = new java.util.LinkedHashSet<>();
		if (byWorker) {
			workers.add(q.worker().strip());
			workers.addAll(this.names.usernamesMatching(q.worker(), scope));
		}
		params.put("byWorker", byWorker);
		params.put("workers", workers.toArray(String[]::new));
		params.put("from", q.from() == null ? null : q.from().atStartOfDay(ZONE).toOffsetDateTime());
		params.put("to", q.to() == null ? null : q.to().plusDays(1).atStartOfDay(ZONE).toOffsetDateTime());
		params.put("withFinding", Boolean.TRUE.equals(q.withFinding()));
		params.put("subject", q.subjectId());
		return params;
	}

	/** A photo of a patrol the caller may see. */
	@Transactional(readOnly = true)
	public Photo photo(long patrolId, long photoId, DataScope scope) {
		get(patrolId, scope);
		return this.jdbc.sql("select content_type, bytes from patrol_photo where id = :id and patrol_id = :patrol")
			.param("id", photoId)
			.param("patrol", patrolId)
			.query((rs, n) -> new Photo(rs.getString("content_type"), rs.getBytes("bytes")))
			.optional()
			.orElseThrow(() -> new NotFound("照片"));
	}

	/**
	 * Records a visit with its photos; registers the subject first when it is new, and
	 * raises a pending finding when the worker asked for a clue. All or nothing.
	 */
	@Transactional
	public Patrol record(PatrolForm form, List<Photo> photos, DataScope scope, String actor) {
		OffsetDateTime visitedAt = checkTime(form.visitedAt());
		checkAnswers(form);
		PatrolTargets.Target target = this.targets.resolve(form, scope, actor);
		long id = insert(form, target, visitedAt, actor);
		for (Photo photo : photos) {
			this.jdbc
				.sql("""
						insert into patrol_photo (patrol_id, content_type, bytes, size) values (:patrol, :type, :bytes, :size)
						""")
				.param("patrol", id)
				.param("type", photo.contentType())
				.param("bytes", photo.bytes())
				.param("size", photo.bytes().length)
				.update();
		}
		Patrol patrol = get(id, scope);
		this.audit.success("CREATE", "patrol", id, "登记走访 " + patrol.target() + "：" + patrol.summary(), null,
				patrol.toString());
		if (form.raisesClue()) {
			this.findings.raise(patrol);
		}
		return patrol;
	}

	private long insert(PatrolForm form, PatrolTargets.Target target, OffsetDateTime visitedAt, String actor) {
		return this.jdbc
			.sql("""
					insert into patrol (region_code, grid_id, subject_id, building_id, worker, visited_at, place,
					  legally_registered, fundraising_approved, solicits_public, promises_high_returns,
					  hides_behind_legal_form, ads_or_stalls_seen, notes, raise_clue, created_at)
					values (:region, :grid, :subject, :building, :worker, :at, :place, :q1, :q2, :q3, :q4, :q5, :q6, :notes, :clue,
					  :now)
					returning id
					""")
			.param("region", target.regionCode())
			.param("grid", target.gridId())
			.param("subject", target.subjectId())
			.param("building", target.buildingId())
			.param("worker", actor)
			.param("at", visitedAt)
			.param("place", form.place().trim())
			.param("q1", form.legallyRegistered().name())
			.param("q2", form.fundraisingApproved().name())
			.param("q3", form.solicitsPublic().name())
			.param("q4", form.promisesHighReturns().name())
			.param("q5", form.hidesBehindLegalForm().name())
			.param("q6", form.adsOrStallsSeen().name())
			.param("notes", form.notes() == null || form.notes().isBlank() ? null : form.notes().trim())
			.param("clue", form.raisesClue())
			.param("now", Times.now())
			.query(Long.class)
			.single();
	}

	/** Not in the future, not older than {@link #MAX_AGE}. */
	static OffsetDateTime checkTime(LocalDateTime visitedAt) {
		OffsetDateTime at = visitedAt.atZone(ZONE).toOffsetDateTime();
		OffsetDateTime now = Times.now();
		if (at.isAfter(now.plus(CLOCK_SKEW))) {
			throw new Rejected("走访时间不能晚于现在", Map.of("visitedAt", "走访时间不能晚于现在"));
		}
		if (at.isBefore(now.minus(MAX_AGE))) {
			throw new Rejected("只能补录30天以内的走访", Map.of("visitedAt", "只能补录30天以内的走访"));
		}
		return at;
	}

	/** 不涉及 answers only whether fundraising was approved. */
	static void checkAnswers(PatrolForm form) {
		form.answers().forEach((q, a) -> {
			if (!q.choices().contains(a)) {
				String message = "“" + q.label() + "”不能回答“" + a.label() + "”";
				throw new Rejected(message, Map.of(q.field(), message));
			}
		});
	}

	private static Patrol map(ResultSet rs, int n) throws SQLException {
		return new Patrol(rs.getLong("id"), rs.getString("region_code"), rs.getString("region_name"),
				(Long) rs.getObject("grid_id"), rs.getString("grid_name"), (Long) rs.getObject("subject_id"),
				rs.getString("subject_name"), (Long) rs.getObject("building_id"), null, rs.getString("worker"),
				Times.local(rs.getObject("visited_at", OffsetDateTime.class)), rs.getString("place"),
				Answer.valueOf(rs.getString("legally_registered")),
				Answer.valueOf(rs.getString("fundraising_approved")), Answer.valueOf(rs.getString("solicits_public")),
				Answer.valueOf(rs.getString("promises_high_returns")),
				Answer.valueOf(rs.getString("hides_behind_legal_form")),
				Answer.valueOf(rs.getString("ads_or_stalls_seen")), rs.getString("notes"), rs.getBoolean("raise_clue"),
				ids(rs.getArray("photo_ids")), Times.local(rs.getObject("finding_taken_at", OffsetDateTime.class)),
				rs.getString("clue_ref"), Times.local(rs.getObject("created_at", OffsetDateTime.class)));
	}

	private static List<Long> ids(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
	}

}
