package org.fangfei.app.outreach;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The county's yearly outreach plan (统一宣传教育规划, seed 001 task 12): activities and people
 * to reach per township, against what the activities of the year (in the township and its
 * villages) did.
 */
@Service
class Plans {

	static final String EDIT = "outreach:plan:edit";

	/** One township's plan and what was done, for the year. */
	record PlanRow(String regionCode, String regionName, int plannedCount, int plannedReach, int doneCount,
			int doneReach, int venues) {

		/**
		 * Done as a share of the planned activities, in percent; 0 when nothing planned.
		 */
		public int percent() {
			return this.plannedCount == 0 ? 0
					: (int) Math.min(999, Math.round(100.0 * this.doneCount / this.plannedCount));
		}

	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	Plans(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * Every township of the caller's jurisdiction, planned or not, with the year's
	 * figures.
	 */
	@Transactional(readOnly = true)
	List<PlanRow> year(int year, DataScope scope) {
		return this.jdbc.sql("""
				select t.code, t.name, coalesce(p.planned_count, 0) as planned_count,
				  coalesce(p.planned_reach, 0) as planned_reach,
				  count(a.id) as done_count, coalesce(sum(a.people_reached), 0) as done_reach,
				  count(distinct a.venue) as venues
				from region t
				left join outreach_plan p on p.region_code = t.code and p.year = :year
				left join outreach_activity a on a.region_code like substr(t.code, 1, 9) || '%'
				  and a.held_on >= :from and a.held_on < :to
				where t.level = 'TOWNSHIP' and t.enabled and t.code like :regionLike
				group by t.code, t.name, p.planned_count, p.planned_reach
				order by t.code
				""")
			.param("year", year)
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.param("regionLike",
					scope.regionLike().length() > 9 ? scope.regionLike().substring(0, 9) + "%" : scope.regionLike())
			.query((rs, n) -> new PlanRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
					rs.getInt(6), rs.getInt(7)))
			.list();
	}

	/** Activities of the year per 七进 venue within the scope. */
	@Transactional(readOnly = true)
	Map<Venue, Integer> venues(int year, DataScope scope) {
		Map<Venue, Integer> counts = new LinkedHashMap<>();
		for (Venue v : Venue.values()) {
			counts.put(v, 0);
		}
		this.jdbc.sql("""
				select venue, count(*) from outreach_activity where region_code like :regionLike
				and held_on >= :from and held_on < :to group by venue
				""")
			.param("regionLike", scope.regionLike())
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.query((rs, n) -> counts.put(Venue.valueOf(rs.getString(1)), rs.getInt(2)))
			.list();
		return counts;
	}

	/** Sets a township's plan for the year (the county office's task). */
	@Transactional
	void set(int year, String regionCode, Integer plannedCount, Integer plannedReach, Actor actor) {
		if (!actor.can(EDIT)) {
			throw new org.springframework.security.access.AccessDeniedException("无权制定宣传教育计划");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		if (year < 2000 || year > 2099) {
			errors.put("year", "年度应在2000至2099之间");
		}
		boolean township = regionCode != null
				&& this.jdbc.sql("select count(*) from region where code = :c and level = 'TOWNSHIP'")
					.param("c", regionCode.strip())
					.query(Long.class)
					.single() > 0;
		if (!township) {
			errors.put("regionCode", "请选择乡镇(街道)");
		}
		else if (!actor.scope().covers(regionCode.strip())) {
			errors.put("regionCode", "乡镇不在您的管辖范围内");
		}
		Checks.count(plannedCount, "plannedCount", "计划活动场次", 100_000, true, errors);
		Checks.count(plannedReach, "plannedReach", "计划覆盖人数", 10_000_000, true, errors);
		Checks.done(errors);
		this.jdbc.sql("""
				insert into outreach_plan (year, region_code, planned_count, planned_reach, updated_by)
				values (:year, :region, :count, :reach, :by)
				on conflict (year, region_code) do update set planned_count = excluded.planned_count,
				  planned_reach = excluded.planned_reach, updated_by = excluded.updated_by, updated_at = now()
				""")
			.param("year", year)
			.param("region", regionCode.strip())
			.param("count", plannedCount)
			.param("reach", plannedReach)
			.param("by", actor.username())
			.update();
		this.audit.success("OUTREACH_PLAN", "outreach_plan", null,
				year + "年宣传教育计划 " + regionCode.strip() + "：" + plannedCount + " 场，覆盖 " + plannedReach + " 人", null,
				null);
	}

}
