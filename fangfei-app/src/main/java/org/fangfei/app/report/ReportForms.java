package org.fangfei.app.report;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Conflict;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The form definitions (报表定义) in {@code report_form}: the three forms of the 2024–25
 * campaign ship with the application (V70) and the office sets up the next one on a page,
 * without a release. Every definition is checked by {@link FormDefinition#read} before it
 * is stored; every change is audited.
 */
@Service
public class ReportForms {

	private final JdbcClient jdbc;

	private final MeasureCatalog catalog;

	private final AuditLog audit;

	ReportForms(JdbcClient jdbc, MeasureCatalog catalog, AuditLog audit) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.audit = audit;
	}

	/** A stored form with its checked definition. */
	public record StoredForm(long id, String code, String title, boolean enabled, boolean builtin, int version,
			String json, String updatedBy, OffsetDateTime updatedAt) {

		FormDefinition definition(MeasureCatalog catalog) {
			return FormDefinition.read(this.json, catalog);
		}

	}

	/** What the edit page posts. */
	public record FormInput(String code, String definition, Boolean enabled, Integer version) {
	}

	public List<StoredForm> list(boolean enabledOnly) {
		return this.jdbc.sql("""
				select id, code, title, enabled, builtin, version, definition, updated_by, updated_at
				from report_form where enabled or not :enabledOnly order by builtin desc, id
				""").param("enabledOnly", enabledOnly).query((rs, n) -> row(rs)).list();
	}

	public StoredForm get(long id) {
		return this.jdbc.sql("""
				select id, code, title, enabled, builtin, version, definition, updated_by, updated_at
				from report_form where id = :id
				""").param("id", id).query((rs, n) -> row(rs)).optional().orElseThrow(() -> new NotFound("报表"));
	}

	public FormDefinition definition(StoredForm form) {
		return form.definition(this.catalog);
	}

	/** Stores a new form; refuses a bad code or definition with nothing written. */
	@Transactional
	public long create(FormInput input, Actor actor) {
		String code = checkCode(input.code());
		FormDefinition definition = FormDefinition.read(input.definition(), this.catalog);
		Integer taken = this.jdbc.sql("select count(*) from report_form where code = :code")
			.param("code", code)
			.query(Integer.class)
			.single();
		if (taken > 0) {
			throw new Rejected("报表代码“" + code + "”已被使用", Map.of("code", "报表代码已被使用"));
		}
		long id = this.jdbc
			.sql("""
					insert into report_form (code, title, definition, enabled, builtin, created_by, created_at, updated_by, updated_at)
					values (:code, :title, :definition, :enabled, false, :by, :now, :by, :now) returning id
					""")
			.param("code", code)
			.param("title", definition.title().strip())
			.param("definition", definition.json())
			.param("enabled", input.enabled() == null || input.enabled())
			.param("by", actor.username())
			.param("now", Times.now())
			.query(Long.class)
			.single();
		this.audit.success("REPORT_FORM_CREATE", "report_form", id, "新建报表“" + definition.title().strip() + "”", null,
				null);
		return id;
	}

	/**
	 * Replaces a form's definition; refused when someone saved it meanwhile (the version
	 * the page was opened with is stale) or when the new definition is bad.
	 */
	@Transactional
	public void update(long id, FormInput input, Actor actor) {
		StoredForm before = get(id);
		FormDefinition definition = FormDefinition.read(input.definition(), this.catalog);
		int changed = this.jdbc.sql("""
				update report_form set title = :title, definition = :definition, enabled = :enabled,
				       version = version + 1, updated_by = :by, updated_at = :now
				where id = :id and version = :version
				""")
			.param("id", id)
			.param("version", input.version() == null ? -1 : input.version())
			.param("title", definition.title().strip())
			.param("definition", definition.json())
			.param("enabled", input.enabled() != null && input.enabled())
			.param("by", actor.username())
			.param("now", Times.now())
			.update();
		if (changed == 0) {
			throw new Conflict("报表“" + before.title() + "”已被他人修改，请重新打开后再改");
		}
		this.audit.success(
				"REPORT_FORM_UPDATE", "report_form", id, "修改报表“" + definition.title().strip() + "”(第"
						+ (before.version() + 1) + "版)" + (input.enabled() != null && input.enabled() ? "" : "，停用"),
				null, null);
	}

	private static String checkCode(String code) {
		String c = code == null ? "" : code.strip();
		if (c.isEmpty()) {
			throw new Rejected("请填写报表代码", Map.of("code", "请填写报表代码"));
		}
		if (!c.matches("[a-z0-9][a-z0-9-]{1,39}")) {
			throw new Rejected("报表代码只能由小写字母、数字和连字符组成(2至40位)", Map.of("code", "只能由小写字母、数字和连字符组成(2至40位)"));
		}
		return c;
	}

	private static StoredForm row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new StoredForm(rs.getLong("id"), rs.getString("code"), rs.getString("title"), rs.getBoolean("enabled"),
				rs.getBoolean("builtin"), rs.getInt("version"), rs.getString("definition"), rs.getString("updated_by"),
				Times.local(rs.getObject("updated_at", OffsetDateTime.class)));
	}

}
