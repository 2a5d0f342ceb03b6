package org.fangfei.app.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.SqlLike;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Level-1 and level-2 grids (一级/二级网格). A level-1 grid covers a township; a level-2 grid
 * covers a village or community and hangs under the level-1 grid of its township
 * (会宁县网格化实施意见).
 */
@Service
public class Grids {

	private static final String SELECT = """
			select g.*, r.name as region_name, p.name as parent_name,
			  (select count(*) from person x where x.grid_id = g.id and x.enabled) as people
			from grid g join region r on r.code = g.region_code left join grid p on p.id = g.parent_id
			""";

	private static final RowMapper<Grid> MAPPER = (rs, n) -> new Grid(rs.getLong("id"), rs.getString("code"),
			rs.getString("name"), rs.getInt("level"), rs.getString("region_code"), rs.getString("region_name"),
			(Long) rs.getObject("parent_id"), rs.getString("parent_name"), rs.getBoolean("enabled"),
			rs.getInt("people"));

	private final JdbcClient jdbc;

	private final Regions regions;

	private final AuditLog audit;

	Grids(JdbcClient jdbc, Regions regions, AuditLog audit) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public Grid get(long id, DataScope scope) {
		return find(id, scope).orElseThrow(() -> new NotFound("网格"));
	}

	@Transactional(readOnly = true)
	public Optional<Grid> find(long id, DataScope scope) {
		return this.jdbc.sql(SELECT + " where g.id = :id and g.region_code like :regionLike")
			.param("id", id)
			.param("regionLike", scope.regionLike())
			.query(MAPPER)
			.optional();
	}

	@Transactional(readOnly = true)
	public Optional<Grid> byCode(String code) {
		return this.jdbc.sql(SELECT + " where g.code = :code").param("code", code).query(MAPPER).optional();
	}

	/**
	 * Grids whose region lies under the given one (a township's level-1 grid and its
	 * level-2 grids).
	 */
	@Transactional(readOnly = true)
	public List<Grid> under(String regionPrefix, DataScope scope) {
		return this.jdbc
			.sql(SELECT + " where g.region_code like :under and g.region_code like :regionLike"
					+ " order by g.level, g.code")
			.param("under", regionPrefix + "%")
			.param("regionLike", scope.regionLike())
			.query(MAPPER)
			.list();
	}

	@Transactional(readOnly = true)
	public PageOf<Grid> search(String q, Integer level, DataScope scope, PageRequest paging) {
		String where = """
				 where g.region_code like :regionLike
				 and (cast(:level as int) is null or g.level = :level)
				 and (cast(:q as varchar) is null or g.name like :qLike or g.code like :qLike or r.name like :qLike)
				""";
		String qq = Regions.blankToNull(q);
		long total = this.jdbc.sql("select count(*) from grid g join region r on r.code = g.region_code" + where)
			.param("regionLike", scope.regionLike())
			.param("level", level)
			.param("q", qq)
			.param("qLike", SqlLike.contains(qq))
			.query(Long.class)
			.single();
		List<Grid> items = this.jdbc.sql(SELECT + where + " order by g.code limit :size offset :offset")
			.param("regionLike", scope.regionLike())
			.param("level", level)
			.param("q", qq)
			.param("qLike", SqlLike.contains(qq))
			.param("size", paging.size())
			.param("offset", paging.offset())
			.query(MAPPER)
			.list();
		return paging.pageOf(items, total);
	}

	@Transactional
	public Grid create(GridForm form, DataScope scope) {
		if (byCode(form.code()).isPresent()) {
			throw new Rejected("网格编码 " + form.code() + " 已存在", Map.of("code", "网格编码已存在"));
		}
		Long parentId = checkPlacement(form, scope);
		long id = insert(form.code().trim(), form.name().trim(), form.level(), form.regionCode(), parentId);
		Grid created = get(id, scope);
		this.audit.success("CREATE", "grid", id, "新增网格 " + created.name(), null, created.toString());
		return created;
	}

	/**
	 * The grids among the given codes that exist, by code, regardless of scope: one query
	 * for a whole import file.
	 */
	Map<String, Grid> byCodes(Collection<String> codes) {
		if (codes.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql(SELECT + " where g.code = any(:codes)")
			.param("codes", codes.toArray(String[]::new))
			.query(MAPPER)
			.stream()
			.collect(Collectors.toMap(Grid::code, g -> g));
	}

	/**
	 * Writes a grid whose placement the caller has already checked; not audited (the
	 * caller records the change).
	 * @return the new grid's id
	 */
	long insert(String code, String name, int level, String regionCode, Long parentId) {
		return this.jdbc.sql("""
				insert into grid (code, name, level, region_code, parent_id)
				values (:code, :name, :level, :region, :parent) returning id
				""")
			.param("code", code)
			.param("name", name)
			.param("level", level)
			.param("region", regionCode)
			.param("parent", parentId)
			.query(Long.class)
			.single();
	}

	@Transactional
	public Grid update(long id, GridForm form, DataScope scope) {
		Grid before = get(id, scope);
		byCode(form.code()).filter(g -> g.id() != id).ifPresent(g -> {
			throw new Rejected("网格编码 " + form.code() + " 已被“" + g.name() + "”使用", Map.of("code", "网格编码已存在"));
		});
		if (before.level() != form.level()) {
			throw new Rejected("不能修改网格层级，请新建网格", Map.of("level", "不能修改网格层级"));
		}
		Long parentId = checkPlacement(form, scope);
		this.jdbc
			.sql("""
					update grid set code = :code, name = :name, region_code = :region, parent_id = :parent, updated_at = now()
					where id = :id
					""")
			.param("code", form.code().trim())
			.param("name", form.name().trim())
			.param("region", form.regionCode())
			.param("parent", parentId)
			.param("id", id)
			.update();
		Grid after = get(id, scope);
		this.audit.success("UPDATE", "grid", id, "修改网格 " + after.name(), before.toString(), after.toString());
		return after;
	}

	@Transactional
	public void setEnabled(long id, boolean enabled, DataScope scope) {
		Grid before = get(id, scope);
		this.jdbc.sql("update grid set enabled = :enabled, updated_at = now() where id = :id")
			.param("enabled", enabled)
			.param("id", id)
			.update();
		this.audit.success(enabled ? "ENABLE" : "DISABLE", "grid", id, (enabled ? "启用网格 " : "停用网格 ") + before.name(),
				before.toString(), null);
	}

	/**
	 * Level 1 sits on a township; level 2 on a village under the level-1 grid of its
	 * township.
	 */
	private Long checkPlacement(GridForm form, DataScope scope) {
		Region region = this.regions.byCode(form.regionCode())
			.filter(r -> scope.covers(r.code()))
			.orElseThrow(() -> new Rejected("所属区划不存在或不在您的管辖范围内", Map.of("regionCode", "所属区划不存在或不在您的管辖范围内")));
		if (form.level() == 1) {
			if (region.level() != RegionLevel.TOWNSHIP) {
				throw new Rejected("一级网格应建在乡镇(街道)上", Map.of("regionCode", "一级网格应建在乡镇(街道)上"));
			}
			return null;
		}
		if (region.level() != RegionLevel.VILLAGE) {
			throw new Rejected("二级网格应建在村(社区)上", Map.of("regionCode", "二级网格应建在村(社区)上"));
		}
		if (form.parentId() == null) {
			throw new Rejected("请选择上级(一级)网格", Map.of("parentId", "请选择上级网格"));
		}
		Grid parent = find(form.parentId(), scope)
			.orElseThrow(() -> new Rejected("上级网格不存在或不在您的管辖范围内", Map.of("parentId", "上级网格不存在")));
		if (parent.level() != 1 || !parent.regionCode().equals(region.parentCode())) {
			throw new Rejected("上级网格应为该村(社区)所在乡镇的一级网格", Map.of("parentId", "上级网格应为所在乡镇的一级网格"));
		}
		return parent.id();
	}

}
