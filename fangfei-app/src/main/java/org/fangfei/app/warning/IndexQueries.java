package org.fangfei.app.warning;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads of the index within the caller's scope: a subject's index with every contribution
 * down to its record, the list by tier (the cockpit's counts come from
 * {@link CockpitTallies}).
 */
@Service
class IndexQueries {

	/** A subject's index. */
	record Index(long subjectId, String name, String regionCode, String regionName, int score, Tier tier,
			OffsetDateTime computedAt) {
	}

	/** One contribution as of now: its points after weight, strength and decay. */
	record Contribution(SignalKind kind, String label, String link, OffsetDateTime at, double strength, double points) {
	}

	/** One history row. */
	record Point(OffsetDateTime at, int score, Tier tier) {
	}

	private static final String SCOPE = " ws.region_code like :regionLike and (not :sectorLimited or ws.sector_code = any(:sectorCodes)) ";

	private final JdbcClient jdbc;

	private final WarningSettings settings;

	IndexQueries(JdbcClient jdbc, WarningSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	Optional<Index> find(long subjectId, DataScope scope) {
		Map<String, Object> p = scope.sqlParams();
		p.put("id", subjectId);
		return this.jdbc.sql("""
				select ws.subject_id, ws.name, ws.region_code, r.name, ws.score, ws.tier, ws.computed_at
				from warning_subject ws left join region r on r.code = ws.region_code
				where ws.subject_id = :id and""" + SCOPE).params(p).query(IndexQueries::index).optional();
	}

	Index get(long subjectId, DataScope scope) {
		return find(subjectId, scope).orElseThrow(() -> new NotFound("主体的风险指数"));
	}

	List<Contribution> contributions(long subjectId) {
		WarningSettings.Config c = this.settings.config();
		OffsetDateTime now = Times.now();
		return this.jdbc
			.sql("""
					select kind, label, link, at, strength, decays from warning_signal where subject_id = :id order by at desc, id desc
					""")
			.param("id", subjectId)
			.query((rs, n) -> {
				SignalKind kind = SignalKind.valueOf(rs.getString(1));
				OffsetDateTime at = rs.getObject(4, OffsetDateTime.class);
				double strength = rs.getDouble(5);
				double decay = rs.getBoolean(6) ? Math.pow(0.5,
						Math.max(0, now.toEpochSecond() - at.toEpochSecond()) / 86400.0 / c.halfLifeDays()) : 1;
				double points = Math.round(c.weights().get(kind) * strength * decay * 10) / 10.0;
				return new Contribution(kind, rs.getString(2), rs.getString(3), Times.local(at), strength, points);
			})
			.list();
	}

	List<Point> history(long subjectId) {
		return this.jdbc.sql("select at, score, tier from warning_index_history where subject_id = :id order by at")
			.param("id", subjectId)
			.query((rs, n) -> new Point(Times.local(rs.getObject(1, OffsetDateTime.class)), rs.getInt(2),
					Tier.valueOf(rs.getString(3))))
			.list();
	}

	/** Subjects by index, highest first, optionally of one tier or township. */
	PageOf<Index> search(DataScope scope, Tier tier, String township, PageRequest page) {
		Map<String, Object> p = scope.sqlParams();
		p.put("tier", tier == null ? null : tier.name());
		p.put("town", township == null || township.isBlank() ? "%"
				: township.substring(0, Math.min(9, township.length())) + "%");
		p.put("limit", page.size());
		p.put("offset", page.offset());
		String where = " where" + SCOPE
				+ " and (cast(:tier as varchar) is null or ws.tier = :tier) and ws.region_code like :town";
		long total = this.jdbc.sql("select count(*) from warning_subject ws" + where)
			.params(p)
			.query(Long.class)
			.single();
		List<Index> items = this.jdbc
			.sql("""
					select ws.subject_id, ws.name, ws.region_code, r.name, ws.score, ws.tier, ws.computed_at
					from warning_subject ws left join region r on r.code = ws.region_code""" + where
					+ " order by ws.score desc, ws.subject_id limit :limit offset :offset")
			.params(p)
			.query(IndexQueries::index)
			.list();
		return page.pageOf(items, total);
	}

	private static Index index(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Index(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
				Tier.valueOf(rs.getString(6)), Times.local(rs.getObject(7, OffsetDateTime.class)));
	}

}
