package org.fangfei.app.organisation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fangfei.app.shared.Choice;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Regions12;
import org.fangfei.app.shared.SqlLike;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the region and grid pickers of the forms offer (static/js/picker.js), limited to
 * the caller's jurisdiction: the region tree opened level by level or searched by name,
 * each region with its path so that two villages of one name are told apart; the grids
 * laid over a chosen region. Any signed-in user may ask; the scope decides what exists.
 */
@RestController
@RequestMapping("/api/v1/picker")
class OrganisationPickers {

	/** The most choices one search answers. */
	static final int LIMIT = 30;

	private final JdbcClient jdbc;

	OrganisationPickers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The regions named like {@code q}; else the children of {@code parent}; else the
	 * regions with these {@code codes} (the labels of values already in a form); else the
	 * top of the caller's tree.
	 */
	@GetMapping("/regions")
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	List<Choice> regions(@RequestParam(required = false) String q, @RequestParam(required = false) String parent,
			@RequestParam(required = false) List<String> codes, DataScope caller) {
		// the administrators have no jurisdiction, yet the security administrator gives
		// accounts theirs: region names are reference data, so they pick from the whole
		// tree
		DataScope scope = caller.nothing() ? DataScope.all() : caller;
		List<Region> found;
		if (q != null && !q.isBlank()) {
			found = select("(name like :qLike or code like :qPrefix)",
					Map.of("qLike", SqlLike.contains(q.strip()), "qPrefix", SqlLike.startsWith(q.strip())), scope);
		}
		else if (parent != null && !parent.isBlank()) {
			found = select("parent_code = :parent", Map.of("parent", parent.strip()), scope);
		}
		else if (codes != null && !codes.isEmpty()) {
			found = select("code = any(:codes)", Map.of("codes", codes.stream().limit(LIMIT).toArray(String[]::new)),
					scope);
		}
		else {
			found = select("(parent_code is null or parent_code not like :regionLike)", Map.of(), scope);
		}
		return choices(found);
	}

	/**
	 * The enabled grids a record in the region may be placed in: those laid over the
	 * region, over the regions above it, and over the regions below it; level-1 first.
	 */
	@GetMapping("/grids")
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	List<Choice> grids(@RequestParam(required = false) String region, @RequestParam(required = false) Long id,
			DataScope scope) {
		String where;
		Map<String, Object> params = new HashMap<>();
		if (id != null) {
			where = "g.id = :id";
			params.put("id", id);
		}
		else if (region != null && Regions12.isValid(region.strip())) {
			where = "g.enabled and (g.region_code like :under or g.region_code = any(:above))";
			params.put("under", Regions12.prefixOf(region.strip()) + "%");
			params.put("above", ancestorsOf(region.strip()).toArray(String[]::new));
		}
		else {
			return List.of();
		}
		params.put("regionLike", scope.regionLike());
		return this.jdbc.sql("""
				select g.id, g.name, g.level, r.name region_name from grid g join region r on r.code = g.region_code
				where %s and g.region_code like :regionLike order by g.level, g.code limit 200
				""".formatted(where))
			.params(params)
			.query((rs, n) -> Choice.of(String.valueOf(rs.getLong("id")), rs.getString("name"),
					(rs.getInt("level") == 1 ? "一级网格" : "二级网格") + " · " + rs.getString("region_name")))
			.list();
	}

	private List<Region> select(String condition, Map<String, Object> params, DataScope scope) {
		Map<String, Object> all = new HashMap<>(params);
		all.put("regionLike", scope.regionLike());
		all.put("limit", LIMIT);
		return this.jdbc
			.sql("select * from region where " + condition
					+ " and code like :regionLike and enabled order by code limit :limit")
			.params(all)
			.query(Regions.MAPPER)
			.list();
	}

	/** Each region with its path above it and whether it has children. */
	private List<Choice> choices(List<Region> regions) {
		if (regions.isEmpty()) {
			return List.of();
		}
		Set<String> ancestors = new LinkedHashSet<>();
		regions.forEach(r -> ancestors.addAll(ancestorsOf(r.code())));
		Map<String, String> names = new HashMap<>();
		this.jdbc.sql("select code, name from region where code = any(:codes)")
			.param("codes", ancestors.toArray(String[]::new))
			.query(rs -> {
				names.put(rs.getString(1), rs.getString(2));
			});
		Set<String> withChildren = new java.util.HashSet<>(
				this.jdbc.sql("select distinct parent_code from region where parent_code = any(:codes) and enabled")
					.param("codes", regions.stream().map(Region::code).toArray(String[]::new))
					.query(String.class)
					.list());
		List<Choice> choices = new ArrayList<>(regions.size());
		for (Region r : regions) {
			List<String> path = ancestorsOf(r.code()).stream().map(names::get).filter(n -> n != null).toList();
			choices.add(new Choice(r.code(), r.name(), String.join(" / ", path), withChildren.contains(r.code())));
		}
		return choices;
	}

	/** The codes of the province, city, county and township above a code, top first. */
	static List<String> ancestorsOf(String code) {
		List<String> codes = new ArrayList<>(4);
		for (int len : new int[] { 2, 4, 6, 9 }) {
			String above = code.substring(0, len) + "0".repeat(12 - len);
			if (len < Regions12.significantLength(code) && !above.equals(code)) {
				codes.add(above);
			}
		}
		return codes;
	}

}
