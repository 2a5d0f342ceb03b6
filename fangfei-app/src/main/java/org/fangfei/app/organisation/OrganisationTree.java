package org.fangfei.app.organisation;

import java.util.List;

import org.fangfei.app.shared.DataScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The region and grid tree with counts, one level at a time, within the caller's scope.
 */
@Service
public class OrganisationTree {

	/** Significant prefix of r.code by level, as SQL, for subtree counts. */
	private static final String PREFIX = "left(r.code, case r.level when 'PROVINCE' then 2 when 'CITY' then 4"
			+ " when 'COUNTY' then 6 when 'TOWNSHIP' then 9 else 12 end) || '%'";

	private static final String NODE = """
			select r.*,
			  (select count(*) from region c where c.parent_code = r.code) as children,
			  (select count(*) from region v where v.level = 'VILLAGE' and v.code like %1$s and v.code like :regionLike) as villages,
			  (select count(*) from grid g where g.region_code like %1$s and g.region_code like :regionLike) as grids,
			  (select count(*) from person p where p.enabled and p.region_code like %1$s and p.region_code like :regionLike) as people,
			  (select min(g.id) from grid g where g.region_code = r.code) as grid_id
			from region r where r.code like :regionLike
			"""
		.formatted(PREFIX);

	private final JdbcClient jdbc;

	OrganisationTree(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<RegionNode> roots(DataScope scope) {
		return nodes(" and (r.parent_code is null or r.parent_code not like :regionLike)", null, scope);
	}

	@Transactional(readOnly = true)
	public List<RegionNode> children(String parentCode, DataScope scope) {
		return nodes(" and r.parent_code = :parent", parentCode, scope);
	}

	private List<RegionNode> nodes(String condition, String parent, DataScope scope) {
		var spec = this.jdbc
			.sql("select n.*, g.name as grid_name, g.level as grid_level from (" + NODE + condition
					+ ") n left join grid g on g.id = n.grid_id order by n.code")
			.param("regionLike", scope.regionLike());
		if (parent != null) {
			spec = spec.param("parent", parent);
		}
		return spec
			.query((rs, n) -> new RegionNode(Regions.MAPPER.mapRow(rs, n), rs.getInt("children"), rs.getInt("villages"),
					rs.getInt("grids"), rs.getInt("people"), (Long) rs.getObject("grid_id"), rs.getString("grid_name"),
					(Integer) rs.getObject("grid_level")))
			.list();
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
