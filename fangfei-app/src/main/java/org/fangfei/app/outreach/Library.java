package org.fangfei.app.outreach;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.SqlLike;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The materials library (宣传资料库): leaflets, posters, brochures and videos a county or
 * township produced, with the activities that used them (where and when).
 */
@Service
class Library {

	record MaterialForm(MaterialKind kind, String title, String regionCode, Integer copies, String description) {

		static MaterialForm blank(String regionCode) {
			return new MaterialForm(MaterialKind.LEAFLET, "", regionCode, 0, "");
		}

	}

	record Material(long id, MaterialKind kind, String title, String regionCode, String regionName, int copies,
			String description, int activities, LocalDate lastUsedOn, String lastUsedAt, int version,
			Long departmentId) {

		MaterialForm form() {
			return new MaterialForm(this.kind, this.title, this.regionCode, this.copies, this.description);
		}

	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	Library(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional
	long create(MaterialForm f, Actor actor) {
		Activities.need(actor);
		Map<String, String> errors = new LinkedHashMap<>();
		check(f, actor, errors);
		Checks.done(errors);
		long id = this.jdbc.sql("""
				insert into outreach_material (kind, title, region_code, copies, description, created_by, department_id)
				values (:kind, :title, :region, :copies, :description, :by, :unit) returning id
				""")
			.param("kind", f.kind().name())
			.param("title", f.title().strip())
			.param("region", f.regionCode().strip())
			.param("copies", f.copies() == null ? 0 : f.copies())
			.param("description", Checks.strip(f.description()))
			.param("by", actor.username())
			.param("unit", OutreachScope.unitOf(actor))
			.query(Long.class)
			.single();
		this.audit.success("OUTREACH_MATERIAL", "outreach_material", id, "登记宣传资料：" + f.title().strip(), null, null);
		return id;
	}

	void check(MaterialForm f, Actor actor, Map<String, String> errors) {
		if (f.kind() == null) {
			errors.put("kind", "请选择资料类型");
		}
		Checks.text(f.title(), "title", "资料名称", 200, errors);
		Checks.region(f.regionCode(), actor, this.jdbc, errors);
		Checks.count(f.copies(), "copies", "印制(制作)数量", 10_000_000, false, errors);
		Checks.optional(f.description(), "description", "说明", 1000, errors);
	}

	@Transactional(readOnly = true)
	PageOf<Material> search(String text, MaterialKind kind, DataScope scope, PageRequest page) {
		return find(text, kind, null, scope, page);
	}

	/** A material the caller may see. */
	@Transactional(readOnly = true)
	Material get(long id, DataScope scope) {
		return find(null, null, id, scope, PageRequest.of(1)).items()
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFound("宣传资料"));
	}

	private PageOf<Material> find(String text, MaterialKind kind, Long id, DataScope scope, PageRequest page) {
		String where = """
				 where m.region_code like :regionLike and (cast(:kind as varchar) is null or m.kind = :kind)
				 and (cast(:text as varchar) is null or m.title like :like) and (cast(:id as bigint) is null or m.id = :id)
				""";
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("id", id);
		params.put("regionLike", scope.regionLike());
		params.put("kind", kind == null ? null : kind.name());
		params.put("text", text == null || text.isBlank() ? null : text.strip());
		params.put("like", SqlLike.contains(text == null ? "" : text.strip()));
		long total = this.jdbc.sql("select count(*) from outreach_material m" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<Material> rows = this.jdbc.sql("""
				select m.*, r.name as region_name,
				  (select count(*) from outreach_activity_material am where am.material_id = m.id) as activities,
				  (select a.held_on from outreach_activity_material am join outreach_activity a on a.id = am.activity_id
				    where am.material_id = m.id order by a.held_on desc limit 1) as last_used_on,
				  (select a.place from outreach_activity_material am join outreach_activity a on a.id = am.activity_id
				    where am.material_id = m.id order by a.held_on desc limit 1) as last_used_at
				from outreach_material m left join region r on r.code = m.region_code
				""" + where + " order by m.id desc limit " + page.size() + " offset " + page.offset())
			.params(params)
			.query((rs, n) -> new Material(rs.getLong("id"), MaterialKind.valueOf(rs.getString("kind")),
					rs.getString("title"), rs.getString("region_code"), rs.getString("region_name"),
					rs.getInt("copies"), rs.getString("description"), rs.getInt("activities"),
					rs.getObject("last_used_on", LocalDate.class), rs.getString("last_used_at"), rs.getInt("version"),
					(Long) rs.getObject("department_id")))
			.list();
		return page.pageOf(rows, total);
	}

	/** Materials to choose from on the activity form (the caller's, newest first). */
	@Transactional(readOnly = true)
	List<Material> choices(DataScope scope) {
		return search(null, null, scope, PageRequest.of(1, PageRequest.MAX_SIZE)).items();
	}

}
