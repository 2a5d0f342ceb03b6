package org.fangfei.app.organisation;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.SqlLike;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Member departments. A department user sees the departments that share one of their
 * sectors.
 */
@Service
public class Departments {

	private static final String SELECT = """
			select d.*, r.name as region_name,
			  array(select s.sector_code from department_sector s where s.department_id = d.id order by s.sector_code) as sector_codes,
			  array(select coalesce(i.label, s.sector_code) from department_sector s
			        left join dict_item i on i.dict_type = 'sector' and i.code = s.sector_code
			        where s.department_id = d.id order by s.sector_code) as sector_labels
			from department d join region r on r.code = d.region_code
			""";

	private static final String SCOPE = """
			 d.region_code like :regionLike and (not :sectorLimited or exists (
			   select 1 from department_sector s where s.department_id = d.id and s.sector_code = any(:sectorCodes)))
			""";

	/** Number of significant digits of d.region_code (2, 4, 6, 9 or 12), as SQL. */
	private static final String SIGNIFICANT_DIGITS = "case when d.region_code like '__0000000000' then 2"
			+ " when d.region_code like '____00000000' then 4 when d.region_code like '______000000' then 6"
			+ " when d.region_code like '_________000' then 9 else 12 end";

	private static final RowMapper<Department> MAPPER = (rs, n) -> new Department(rs.getLong("id"),
			rs.getString("name"), rs.getString("short_name"), rs.getString("region_code"), rs.getString("region_name"),
			rs.getBoolean("is_office"), rs.getBoolean("enabled"), strings(rs.getArray("sector_codes")),
			strings(rs.getArray("sector_labels")));

	private final JdbcClient jdbc;

	private final Regions regions;

	private final Sectors sectors;

	private final AuditLog audit;

	Departments(JdbcClient jdbc, Regions regions, Sectors sectors, AuditLog audit) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.sectors = sectors;
		this.audit = audit;
	}

	/**
	 * Any department by id, regardless of scope: for resolving a user's own department,
	 * on every request. One statement, so no transaction of its own: a read-only one
	 * would cost two more round trips to the database per request.
	 */
	public Optional<Department> byId(long id) {
		return this.jdbc.sql(SELECT + " where d.id = :id").param("id", id).query(MAPPER).optional();
	}

	/**
	 * The department that supervises a sector for a region (谁审批谁监管): an enabled
	 * department whose region covers the given one and which holds the sector, the
	 * nearest region first; failing that, the office (处非办) covering the region, which
	 * takes every sector nobody owns.
	 */
	@Transactional(readOnly = true)
	public Optional<Department> supervisorOf(String sectorCode, String regionCode) {
		return this.jdbc.sql(SELECT + """
				 where d.enabled and :region like (left(d.region_code, %1$s) || '%%')
				 and (d.is_office or exists (select 1 from department_sector s
				      where s.department_id = d.id and s.sector_code = :sector))
				 order by d.is_office, %1$s desc, d.id
				 limit 1
				""".formatted(SIGNIFICANT_DIGITS))
			.param("region", regionCode)
			.param("sector", sectorCode == null ? "" : sectorCode)
			.query(MAPPER)
			.optional();
	}

	@Transactional(readOnly = true)
	public Department get(long id, DataScope scope) {
		return this.jdbc.sql(SELECT + " where d.id = :id and " + SCOPE)
			.param("id", id)
			.params(scope.sqlParams())
			.query(MAPPER)
			.optional()
			.orElseThrow(() -> new NotFound("成员单位"));
	}

	@Transactional(readOnly = true)
	public List<Department> list(String q, DataScope scope) {
		String qq = Regions.blankToNull(q);
		return this.jdbc
			.sql(SELECT + " where " + SCOPE
					+ " and (cast(:q as varchar) is null or d.name like :qLike) order by d.is_office desc, d.id")
			.params(scope.sqlParams())
			.param("q", qq)
			.param("qLike", SqlLike.contains(qq))
			.query(MAPPER)
			.list();
	}

	@Transactional
	public Department create(DepartmentForm form, DataScope scope) {
		check(form, null, scope);
		long id = this.jdbc.sql("""
				insert into department (name, short_name, region_code, is_office)
				values (:name, :short, :region, :office) returning id
				""")
			.param("name", form.name().trim())
			.param("short", Regions.blankToNull(form.shortName()))
			.param("region", form.regionCode())
			.param("office", form.office())
			.query(Long.class)
			.single();
		writeSectors(id, form.sectors());
		Department created = byId(id).orElseThrow();
		this.audit.success("CREATE", "department", id, "新增成员单位 " + created.name(), null, created.toString());
		return created;
	}

	@Transactional
	public Department update(long id, DepartmentForm form, DataScope scope) {
		Department before = get(id, scope);
		check(form, id, scope);
		this.jdbc.sql("""
				update department set name = :name, short_name = :short, region_code = :region, is_office = :office,
				updated_at = now() where id = :id
				""")
			.param("name", form.name().trim())
			.param("short", Regions.blankToNull(form.shortName()))
			.param("region", form.regionCode())
			.param("office", form.office())
			.param("id", id)
			.update();
		this.jdbc.sql("delete from department_sector where department_id = :id").param("id", id).update();
		writeSectors(id, form.sectors());
		Department after = byId(id).orElseThrow();
		this.audit.success("UPDATE", "department", id, "修改成员单位 " + after.name(), before.toString(), after.toString());
		return after;
	}

	@Transactional
	public void setEnabled(long id, boolean enabled, DataScope scope) {
		Department before = get(id, scope);
		this.jdbc.sql("update department set enabled = :enabled, updated_at = now() where id = :id")
			.param("enabled", enabled)
			.param("id", id)
			.update();
		this.audit.success(enabled ? "ENABLE" : "DISABLE", "department", id,
				(enabled ? "启用成员单位 " : "停用成员单位 ") + before.name(), before.toString(), null);
	}

	private void check(DepartmentForm form, Long id, DataScope scope) {
		if (this.regions.byCode(form.regionCode()).filter(r -> scope.covers(r.code())).isEmpty()) {
			throw new Rejected("所属区划不存在或不在您的管辖范围内", Map.of("regionCode", "所属区划不存在或不在您的管辖范围内"));
		}
		boolean duplicate = this.jdbc
			.sql("select count(*) from department where region_code = :region and name = :name and id <> :id")
			.param("region", form.regionCode())
			.param("name", form.name().trim())
			.param("id", id == null ? -1 : id)
			.query(Long.class)
			.single() > 0;
		if (duplicate) {
			throw new Rejected("同一区划下已有名为“" + form.name().trim() + "”的单位", Map.of("name", "单位名称重复"));
		}
		Set<String> known = this.sectors.all().stream().map(Sector::code).collect(Collectors.toSet());
		List<String> unknown = form.sectors().stream().filter(s -> !known.contains(s)).toList();
		if (!unknown.isEmpty()) {
			throw new Rejected("未知的行业：" + String.join("、", unknown), Map.of("sectors", "未知的行业"));
		}
	}

	private void writeSectors(long id, List<String> sectorCodes) {
		for (String code : Set.copyOf(sectorCodes)) {
			this.jdbc.sql("insert into department_sector (department_id, sector_code) values (:id, :code)")
				.param("id", id)
				.param("code", code)
				.update();
		}
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
