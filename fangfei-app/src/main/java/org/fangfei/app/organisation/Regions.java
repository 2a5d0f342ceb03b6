package org.fangfei.app.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Regions12;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.SqlLike;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrative tree. Reads are limited to the caller's {@link DataScope}; a region
 * outside it does not exist for the caller.
 */
@Service
public class Regions {

	static final RowMapper<Region> MAPPER = (rs, n) -> new Region(rs.getString("code"), rs.getString("name"),
			RegionLevel.valueOf(rs.getString("level")), rs.getString("parent_code"), rs.getBoolean("enabled"));

	private final JdbcClient jdbc;

	private final AuditLog audit;

	Regions(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * Any region by code, regardless of scope: for resolving a user's own jurisdiction.
	 */
	@Transactional(readOnly = true)
	public Optional<Region> byCode(String code) {
		return this.jdbc.sql("select * from region where code = :code").param("code", code).query(MAPPER).optional();
	}

	@Transactional(readOnly = true)
	public Region get(String code, DataScope scope) {
		return this.jdbc.sql("select * from region where code = :code and code like :regionLike")
			.param("code", code)
			.param("regionLike", scope.regionLike())
			.query(MAPPER)
			.optional()
			.orElseThrow(() -> new NotFound("区划"));
	}

	@Transactional(readOnly = true)
	public List<Region> search(String q, RegionLevel level, DataScope scope) {
		return this.jdbc.sql("""
				select * from region where code like :regionLike
				and (cast(:level as varchar) is null or level = :level)
				and (cast(:q as varchar) is null or name like :qLike or code like :qPrefix)
				order by code limit 200
				""")
			.param("regionLike", scope.regionLike())
			.param("level", level == null ? null : level.name())
			.param("q", blankToNull(q))
			.param("qLike", SqlLike.contains(q))
			.param("qPrefix", SqlLike.startsWith(q))
			.query(MAPPER)
			.list();
	}

	@Transactional
	public Region create(RegionForm form, DataScope scope) {
		String code = form.code();
		if (!Regions12.isValid(code)) {
			throw new Rejected("区划代码不合法", java.util.Map.of("code", "区划代码不合法"));
		}
		if (byCode(code).isPresent()) {
			throw new Rejected("区划代码 " + code + " 已存在", java.util.Map.of("code", "区划代码已存在"));
		}
		String parent = checkParent(code, blankToNull(form.parentCode()), scope);
		Region region = new Region(code, form.name().trim(), RegionLevel.ofCode(code), parent, true);
		insert(region);
		this.audit.success("CREATE", "region", code, "新增区划 " + region.name(), null, region.toString());
		return region;
	}

	/**
	 * The regions among the given codes that exist, by code, regardless of scope: one
	 * query for a whole import file.
	 */
	Map<String, Region> byCodes(Collection<String> codes) {
		if (codes.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("select * from region where code = any(:codes)")
			.param("codes", codes.toArray(String[]::new))
			.query(MAPPER)
			.stream()
			.collect(Collectors.toMap(Region::code, r -> r));
	}

	/**
	 * Writes a region whose code, parent and scope the caller has already checked; not
	 * audited (the caller records one entry for the whole change).
	 */
	void insert(Region region) {
		this.jdbc.sql("insert into region (code, name, level, parent_code) values (:code, :name, :level, :parent)")
			.param("code", region.code())
			.param("name", region.name())
			.param("level", region.level().name())
			.param("parent", region.parentCode())
			.update();
	}

	/**
	 * Checks that the parent exists, is in scope and is the level just above the child.
	 */
	String checkParent(String code, String parentCode, DataScope scope) {
		String expected = Regions12.structuralParent(code);
		if (parentCode == null) {
			parentCode = expected;
		}
		if (parentCode == null) {
			if (!scope.regionPrefix().isEmpty()) {
				throw new Rejected("只能在您的管辖范围内新增区划");
			}
			return null;
		}
		if (!parentCode.equals(expected)) {
			throw new Rejected("上级区划代码应为 " + expected, java.util.Map.of("parentCode", "上级区划代码应为 " + expected));
		}
		Region parent = byCode(parentCode)
			.orElseThrow(() -> new Rejected("上级区划 " + expected + " 不存在", java.util.Map.of("parentCode", "上级区划不存在")));
		if (!scope.covers(code)) {
			throw new Rejected("只能在您的管辖范围内新增区划");
		}
		return parent.code();
	}

	@Transactional
	public Region rename(String code, String name, DataScope scope) {
		Region before = get(code, scope);
		if (name == null || name.isBlank() || name.length() > 100) {
			throw new Rejected("名称不能为空且不能超过100个字", java.util.Map.of("name", "名称不能为空且不能超过100个字"));
		}
		Region after = new Region(code, name.trim(), before.level(), before.parentCode(), before.enabled());
		this.jdbc.sql("update region set name = :name, updated_at = now() where code = :code")
			.param("name", after.name())
			.param("code", code)
			.update();
		this.audit.success("UPDATE", "region", code, "修改区划 " + after.name(), before.toString(), after.toString());
		return after;
	}

	@Transactional
	public void setEnabled(String code, boolean enabled, DataScope scope) {
		Region before = get(code, scope);
		this.jdbc.sql("update region set enabled = :enabled, updated_at = now() where code = :code")
			.param("enabled", enabled)
			.param("code", code)
			.update();
		this.audit.success(enabled ? "ENABLE" : "DISABLE", "region", code,
				(enabled ? "启用区划 " : "停用区划 ") + before.name(), before.toString(), null);
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

}
