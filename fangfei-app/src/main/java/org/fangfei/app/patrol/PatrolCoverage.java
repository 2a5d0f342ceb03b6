package org.fangfei.app.patrol;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How well the grids are covered by patrols (走访巡查制度, 会宁县网格化实施意见 §四): counts by grid and
 * by worker for a period, and the level-2 grids nobody has patrolled lately.
 */
@Service
class PatrolCoverage {

	/** Patrols counted under a grid or a worker. */
	record Count(Long gridId, String name, long patrols, long findings, OffsetDateTime lastVisit) {
	}

	/**
	 * A level-2 grid without a recent patrol; {@code lastVisit} null when never
	 * patrolled.
	 */
	record Unpatrolled(long gridId, String code, String name, String regionName, OffsetDateTime lastVisit) {
	}

	/** A grid as offered in a filter. */
	record GridRef(long id, String code, String name, String regionName) {
	}

	static final int DEFAULT_DAYS = 30;

	private final JdbcClient jdbc;

	PatrolCoverage(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Patrols per grid between the two dates (inclusive), most first. */
	@Transactional(readOnly = true)
	public List<Count> byGrid(LocalDate from, LocalDate to, DataScope scope) {
		return count("p.grid_id, coalesce(g.name, '未归入网格')", from, to, scope);
	}

	/** Patrols per worker between the two dates (inclusive), most first. */
	@Transactional(readOnly = true)
	public List<Count> byWorker(LocalDate from, LocalDate to, DataScope scope) {
		return count("cast(null as bigint), p.worker", from, to, scope);
	}

	/**
	 * @param groupBy one of this class's two fixed column pairs, never user text
	 */
	private List<Count> count(String groupBy, LocalDate from, LocalDate to, DataScope scope) {
		checkPeriod(from, to);
		return this.jdbc.sql("select " + groupBy + ", count(*), count(*) filter (where p.raise_clue), max(p.visited_at)"
				+ " from patrol p left join grid g on g.id = p.grid_id left join patrol_subject s on s.subject_id = p.subject_id"
				+ " where" + Patrols.SCOPE + " and p.visited_at >= :from and p.visited_at < :to"
				+ " group by 1, 2 order by 3 desc, 2")
			.params(scope.sqlParams())
			.param("from", from.atStartOfDay(Patrols.ZONE).toOffsetDateTime())
			.param("to", to.plusDays(1).atStartOfDay(Patrols.ZONE).toOffsetDateTime())
			.query((rs, n) -> new Count((Long) rs.getObject(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
					Times.local(rs.getObject(5, OffsetDateTime.class))))
			.list();
	}

	/**
	 * Enabled level-2 grids in scope with no patrol in the last {@code days} days, those
	 * never patrolled first.
	 */
	@Transactional(readOnly = true)
	public PageOf<Unpatrolled> notPatrolled(int days, DataScope scope, PageRequest paging) {
		if (days < 1 || days > 365) {
			throw new Rejected("天数应在1到365之间", Map.of("days", "天数应在1到365之间"));
		}
		String from = """
				 from grid g join region r on r.code = g.region_code
				 left join (select grid_id, max(visited_at) as last_visit from patrol group by grid_id) v on v.grid_id = g.id
				 where g.level = 2 and g.enabled and g.region_code like :regionLike
				 and (v.last_visit is null or v.last_visit < :since)
				""";
		OffsetDateTime since = OffsetDateTime.now(Patrols.ZONE).minusDays(days);
		long total = this.jdbc.sql("select count(*)" + from)
			.param("regionLike", scope.regionLike())
			.param("since", since)
			.query(Long.class)
			.single();
		List<Unpatrolled> items = this.jdbc
			.sql("select g.id, g.code, g.name, r.name as region_name, v.last_visit" + from
					+ " order by v.last_visit nulls first, g.code limit :size offset :offset")
			.param("regionLike", scope.regionLike())
			.param("since", since)
			.param("size", paging.size())
			.param("offset", paging.offset())
			.query((rs, n) -> new Unpatrolled(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
					rs.getString("region_name"), Times.local(rs.getObject("last_visit", OffsetDateTime.class))))
			.list();
		return paging.pageOf(items, total);
	}

	/** Level-2 grids in scope, for the list's grid filter. */
	@Transactional(readOnly = true)
	public List<GridRef> grids(DataScope scope) {
		return this.jdbc.sql("""
				select g.id, g.code, g.name, r.name as region_name from grid g join region r on r.code = g.region_code
				where g.level = 2 and g.region_code like :regionLike order by g.code
				""")
			.param("regionLike", scope.regionLike())
			.query((rs, n) -> new GridRef(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
					rs.getString("region_name")))
			.list();
	}

	static void checkPeriod(LocalDate from, LocalDate to) {
		if (from.isAfter(to)) {
			throw new Rejected("开始日期不能晚于结束日期", Map.of("from", "开始日期不能晚于结束日期"));
		}
		if (from.isBefore(to.minusYears(5))) {
			throw new Rejected("统计期间不能超过5年", Map.of("from", "统计期间不能超过5年"));
		}
	}

}
