package org.fangfei.app.organisation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Regions12;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The region and grid tree with counts, one level at a time, within the caller's scope.
 * The counts of all nodes of a level come from one grouped query per table, so opening a
 * node costs the same four queries however many children it has.
 */
@Service
public class OrganisationTree {

	private final JdbcClient jdbc;

	OrganisationTree(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<RegionNode> roots(DataScope scope) {
		return this.jdbc.sql("""
				select r.code from region r where r.code like :regionLike
				and (r.parent_code is null or r.parent_code not like :regionLike) order by r.code
				""")
			.param("regionLike", scope.regionLike())
			.query(String.class)
			.list()
			.stream()
			.flatMap(code -> nodes("r.code = :code", code, scope).stream())
			.toList();
	}

	@Transactional(readOnly = true)
	public List<RegionNode> children(String parentCode, DataScope scope) {
		return nodes("r.parent_code = :code", parentCode, scope);
	}

	private List<RegionNode> nodes(String condition, String code, DataScope scope) {
		List<Region> regions = this.jdbc
			.sql("select r.* from region r where " + condition + " and r.code like :regionLike order by r.code")
			.param("code", code)
			.param("regionLike", scope.regionLike())
			.query(Regions.MAPPER)
			.list();
		if (regions.isEmpty()) {
			return List.of();
		}
		String under = commonPrefix(regions) + "%";
		int length = Regions12.prefixOf(regions.get(0).code()).length();
		Map<String, Integer> villages = counts(
				"select left(code, :len) as k, count(*) as n from region where level = 'VILLAGE'"
						+ " and code like :under and code like :regionLike group by 1",
				under, length, scope);
		Map<String, Integer> grids = counts(
				"select left(region_code, :len) as k, count(*) as n from grid"
						+ " where region_code like :under and region_code like :regionLike group by 1",
				under, length, scope);
		Map<String, Integer> people = counts(
				"select left(region_code, :len) as k, count(*) as n from person"
						+ " where enabled and region_code like :under and region_code like :regionLike group by 1",
				under, length, scope);
		Map<String, Object[]> ownGrids = ownGrids(regions);
		Map<String, Integer> children = childCounts(regions);
		return regions.stream().map(r -> {
			String key = r.code().substring(0, length);
			Object[] grid = ownGrids.get(r.code());
			return new RegionNode(r, children.getOrDefault(r.code(), 0), villages.getOrDefault(key, 0),
					grids.getOrDefault(key, 0), people.getOrDefault(key, 0), grid == null ? null : (Long) grid[0],
					grid == null ? null : (String) grid[1], grid == null ? null : (Integer) grid[2]);
		}).toList();
	}

	private Map<String, Integer> counts(String sql, String under, int length, DataScope scope) {
		Map<String, Integer> counts = new HashMap<>();
		this.jdbc.sql(sql)
			.param("len", length)
			.param("under", under)
			.param("regionLike", scope.regionLike())
			.query((rs, n) -> counts.put(rs.getString("k"), rs.getInt("n")))
			.list();
		return counts;
	}

	private Map<String, Integer> childCounts(List<Region> regions) {
		Map<String, Integer> counts = new HashMap<>();
		this.jdbc.sql("select parent_code, count(*) as n from region where parent_code = any(:codes) group by 1")
			.param("codes", regions.stream().map(Region::code).toArray(String[]::new))
			.query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2)))
			.list();
		return counts;
	}

	/** The grid laid over each region, if any: id, name, level. */
	private Map<String, Object[]> ownGrids(List<Region> regions) {
		Map<String, Object[]> grids = new HashMap<>();
		this.jdbc.sql("""
				select region_code, id, name, level from grid where id in (
				  select min(id) from grid where region_code = any(:codes) group by region_code)
				""")
			.param("codes", regions.stream().map(Region::code).toArray(String[]::new))
			.query((rs, n) -> grids.put(rs.getString("region_code"),
					new Object[] { rs.getLong("id"), rs.getString("name"), rs.getInt("level") }))
			.list();
		return grids;
	}

	private static String commonPrefix(List<Region> regions) {
		String prefix = Regions12.prefixOf(regions.get(0).code());
		for (Region r : regions) {
			String code = r.code();
			int i = 0;
			while (i < prefix.length() && i < code.length() && prefix.charAt(i) == code.charAt(i)) {
				i++;
			}
			prefix = prefix.substring(0, i);
		}
		return prefix;
	}

	/** Counts for the console's front page. */
	public record Totals(long townships, long villages, long level1Grids, long level2Grids, long departments,
			long people) {
	}

	@Transactional(readOnly = true)
	public Totals totals(DataScope scope) {
		return this.jdbc.sql("""
				select
				  (select count(*) from region where level = 'TOWNSHIP' and code like :regionLike) as townships,
				  (select count(*) from region where level = 'VILLAGE' and code like :regionLike) as villages,
				  (select count(*) from grid where level = 1 and region_code like :regionLike) as l1,
				  (select count(*) from grid where level = 2 and region_code like :regionLike) as l2,
				  (select count(*) from department where region_code like :regionLike) as departments,
				  (select count(*) from person where enabled and region_code like :regionLike) as people
				""")
			.param("regionLike", scope.regionLike())
			.query((rs, n) -> new Totals(rs.getLong("townships"), rs.getLong("villages"), rs.getLong("l1"),
					rs.getLong("l2"), rs.getLong("departments"), rs.getLong("people")))
			.single();
	}

}
