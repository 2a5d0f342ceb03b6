package org.fangfei.app.building;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Times;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.SqlLike;
import org.fangfei.app.subject.Subjects;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The building ledger (楼宇台账). Every read and write is limited to the caller's
 * jurisdiction; a building outside it does not exist for the caller.
 */
@Service
public class Buildings {

	static final String SELECT = """
			select b.*, r.name as region_name, g.name as grid_name,
			  (select max(w.swept_on) from building_sweep w where w.building_id = b.id) as last_swept_on
			from building b join region r on r.code = b.region_code left join grid g on g.id = b.grid_id
			""";

	/** Whether building {@code b} has a sweep dated within [:monthStart, :monthEnd). */
	static final String SWEPT_IN_MONTH = """
			exists (select 1 from building_sweep w where w.building_id = b.id
			  and w.swept_on >= :monthStart and w.swept_on < :monthEnd)""";

	/** A building without its tenants, which {@link #withTenants} adds. */
	static final RowMapper<Building> MAPPER = (rs, n) -> new Building(rs.getLong("id"), rs.getString("name"),
			BuildingKind.valueOf(rs.getString("kind")), rs.getString("address"), rs.getString("region_code"),
			rs.getString("region_name"), (Long) rs.getObject("grid_id"), rs.getString("grid_name"),
			(Integer) rs.getObject("floors"), rs.getString("notes"), rs.getBoolean("enabled"), 0,
			rs.getObject("last_swept_on", LocalDate.class));

	private static final String FILTERS = """
			where b.region_code like :regionLike
			and (cast(:kind as varchar) is null or b.kind = :kind)
			and (cast(:text as varchar) is null or b.name like :textLike or b.address like :textLike)
			and (not :unswept or (b.enabled and not\s""" + SWEPT_IN_MONTH + "))\n";

	private final JdbcClient jdbc;

	private final BuildingRules rules;

	private final SweepCalendar calendar;

	private final AuditLog audit;

	private final Subjects subjects;

	private final BuildingFacts facts;

	Buildings(JdbcClient jdbc, BuildingRules rules, SweepCalendar calendar, AuditLog audit, Subjects subjects,
			BuildingFacts facts) {
		this.jdbc = jdbc;
		this.subjects = subjects;
		this.facts = facts;
		this.rules = rules;
		this.calendar = calendar;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public Building get(long id, DataScope scope) {
		return find(id, scope).orElseThrow(() -> new NotFound("楼宇"));
	}

	@Transactional(readOnly = true)
	public Optional<Building> find(long id, DataScope scope) {
		return this.jdbc.sql(SELECT + " where b.id = :id and b.region_code like :regionLike")
			.param("id", id)
			.param("regionLike", scope.regionLike())
			.query(MAPPER)
			.optional()
			.map(b -> withTenants(List.of(b)).get(0));
	}

	/**
	 * Enabled buildings in scope whose name contains the text (any, when blank), the
	 * latest first: the buildings a patrol may visit.
	 */
	@Transactional(readOnly = true)
	public List<Building> enabledNamed(String text, DataScope scope, int limit) {
		String q = BuildingRules.blankToNull(text);
		return withTenants(this.jdbc.sql(SELECT + """
				where b.region_code like :regionLike and b.enabled
				and (cast(:q as varchar) is null or b.name like :qLike)
				order by b.id desc limit :limit
				""")
			.param("regionLike", scope.regionLike())
			.param("q", q)
			.param("qLike", SqlLike.contains(q))
			.param("limit", limit)
			.query(MAPPER)
			.list());
	}

	/**
	 * The names of these buildings, whatever the caller's scope (for records the caller
	 * may see that name a building); ids of no building are left out.
	 */
	@Transactional(readOnly = true)
	public Map<Long, String> namesOf(Collection<Long> ids) {
		return this.facts.namesOf(ids);
	}

	/**
	 * The buildings with their tenants' count, asked of the subject ledger in one call.
	 */
	List<Building> withTenants(List<Building> buildings) {
		if (buildings.isEmpty()) {
			return buildings;
		}
		Map<Long, Integer> tenants = this.subjects.tenantCounts(buildings.stream().map(Building::id).toList());
		return buildings.stream().map(b -> b.withTenants(tenants.getOrDefault(b.id(), 0))).toList();
	}

	@Transactional(readOnly = true)
	PageOf<Building> search(BuildingQuery q, DataScope scope, PageRequest paging) {
		Map<String, Object> params = filterParams(q, scope);
		long total = this.jdbc.sql("select count(*) from building b " + FILTERS)
			.params(params)
			.query(Long.class)
			.single();
		params.put("size", paging.size());
		params.put("offset", paging.offset());
		List<Building> items = withTenants(
				this.jdbc.sql(SELECT + FILTERS + " order by b.region_code, b.name, b.id limit :size offset :offset")
					.params(params)
					.query(MAPPER)
					.list());
		return paging.pageOf(items, total);
	}

	private Map<String, Object> filterParams(BuildingQuery q, DataScope scope) {
		String text = BuildingRules.blankToNull(q.text());
		YearMonth month = this.calendar.thisMonth();
		Map<String, Object> params = new HashMap<>();
		params.put("regionLike", scope.regionLike());
		params.put("kind", q.kind() == null ? null : q.kind().name());
		params.put("text", text);
		params.put("textLike", SqlLike.contains(text));
		params.put("unswept", q.unsweptOnly());
		params.put("monthStart", month.atDay(1));
		params.put("monthEnd", month.plusMonths(1).atDay(1));
		return params;
	}

	@Transactional
	Building create(BuildingForm form, DataScope scope) {
		this.rules.check(form, null, scope);
		long id = this.jdbc.sql("""
				insert into building (name, kind, address, region_code, grid_id, floors, notes, created_at)
				values (:name, :kind, :address, :region, :grid, :floors, :notes, :now) returning id
				""").params(columns(form)).param("now", Times.now()).query(Long.class).single();
		Building created = get(id, scope);
		this.audit.success("CREATE", "building", id, "新增楼宇 " + created.name(), null, created.toString());
		return created;
	}

	@Transactional
	Building update(long id, BuildingForm form, DataScope scope) {
		Building before = get(id, scope);
		this.rules.check(form, id, scope);
		Map<String, Object> columns = columns(form);
		columns.put("id", id);
		this.jdbc.sql("""
				update building set name = :name, kind = :kind, address = :address, region_code = :region,
				  grid_id = :grid, floors = :floors, notes = :notes, updated_at = now()
				where id = :id
				""").params(columns).update();
		Building after = get(id, scope);
		this.audit.success("UPDATE", "building", id, "修改楼宇 " + after.name(), before.toString(), after.toString());
		return after;
	}

	/** Disabling keeps the building and its sweeps; it only leaves the to-sweep lists. */
	@Transactional
	Building setEnabled(long id, boolean enabled, DataScope scope) {
		Building before = get(id, scope);
		this.jdbc.sql("update building set enabled = :enabled, updated_at = now() where id = :id")
			.param("enabled", enabled)
			.param("id", id)
			.update();
		Building after = get(id, scope);
		this.audit.success(enabled ? "ENABLE" : "DISABLE", "building", id,
				(enabled ? "启用楼宇 " : "停用楼宇 ") + before.name(), before.toString(), after.toString());
		return after;
	}

	private static Map<String, Object> columns(BuildingForm form) {
		Map<String, Object> columns = new HashMap<>();
		columns.put("name", form.name().trim());
		columns.put("kind", form.kind().name());
		columns.put("address", form.address().trim());
		columns.put("region", form.regionCode());
		columns.put("grid", form.gridId());
		columns.put("floors", form.floors());
		columns.put("notes", BuildingRules.blankToNull(form.notes()));
		return columns;
	}

}
