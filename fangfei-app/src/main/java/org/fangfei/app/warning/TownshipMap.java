package org.fangfei.app.warning;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The township boundaries the administrator imports (GeoJSON FeatureCollection, each
 * feature's {@code properties.name} a township's name), which replace the cockpit's
 * schematic tile map. Checked before it is kept; one map at a time.
 */
@Service
class TownshipMap {

	static final String IMPORT = "warning:map:import";

	static final int MAX_BYTES = 10 * 1024 * 1024;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final AuditLog audit;

	TownshipMap(JdbcClient jdbc, JsonMapper json, AuditLog audit) {
		this.jdbc = jdbc;
		this.json = json;
		this.audit = audit;
	}

	Optional<String> geojson() {
		return this.jdbc.sql("select geojson from warning_map where id = 1").query(String.class).optional();
	}

	/**
	 * Checks and keeps the map; returns the township names it matched. Refuses what is
	 * not a FeatureCollection of named polygons, or names none of the county's townships.
	 */
	@Transactional
	List<String> importMap(byte[] content, Set<String> townshipNames, String actor) {
		if (content == null || content.length == 0) {
			throw new Rejected("请选择 GeoJSON 文件");
		}
		if (content.length > MAX_BYTES) {
			throw new Rejected("地图文件不能超过 10 MB");
		}
		JsonNode root;
		try {
			root = this.json.readTree(content);
		}
		catch (JacksonException ex) {
			throw new Rejected("文件不是有效的 GeoJSON(JSON 格式错误)");
		}
		if (root == null || !"FeatureCollection".equals(root.path("type").asString(""))
				|| !root.path("features").isArray() || root.path("features").isEmpty()) {
			throw new Rejected("GeoJSON 应为含有要素的 FeatureCollection");
		}
		List<String> matched = new ArrayList<>();
		int i = 0;
		for (JsonNode f : root.path("features")) {
			i++;
			String name = f.path("properties").path("name").asString("");
			String type = f.path("geometry").path("type").asString("");
			if (name.isBlank()) {
				throw new Rejected("第 " + i + " 个要素缺少 properties.name(乡镇名称)");
			}
			if (!type.equals("Polygon") && !type.equals("MultiPolygon")) {
				throw new Rejected("第 " + i + " 个要素(" + name + ")不是面(Polygon/MultiPolygon)");
			}
			if (townshipNames.contains(name)) {
				matched.add(name);
			}
		}
		if (matched.isEmpty()) {
			throw new Rejected("地图中没有与本县乡镇名称一致的要素");
		}
		this.jdbc.sql("""
				insert into warning_map (id, geojson, imported_at, imported_by) values (1, :g, :now, :by)
				on conflict (id) do update set geojson = excluded.geojson, imported_at = excluded.imported_at,
				  imported_by = excluded.imported_by
				""")
			.param("g", new String(content, java.nio.charset.StandardCharsets.UTF_8))
			.param("now", Times.now())
			.param("by", actor)
			.update();
		this.audit.success("WARNING_MAP_IMPORT", "warning_map", 1, "导入乡镇地图，匹配 " + matched.size() + " 个乡镇", null, null);
		return matched;
	}

	@Transactional
	void reset(String actor) {
		if (this.jdbc.sql("delete from warning_map").update() > 0) {
			this.audit.success("WARNING_MAP_IMPORT", "warning_map", 1, "删除导入的乡镇地图，恢复示意图", null, null);
		}
	}

}
