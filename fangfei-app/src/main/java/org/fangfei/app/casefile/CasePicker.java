package org.fangfei.app.casefile;

import java.util.List;

import org.fangfei.app.shared.Choice;
import org.fangfei.app.shared.DataScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The case picker's choices (static/js/picker.js, {@code data-picker="case"}): cases the
 * caller sees, by code or title, or those with these ids (a form's value).
 */
@RestController
class CasePicker {

	static final int LIMIT = 20;

	private final JdbcClient jdbc;

	CasePicker(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/api/v1/picker/cases")
	@PreAuthorize("hasAuthority('casefile:case:view')")
	@Transactional(readOnly = true)
	List<Choice> cases(@RequestParam(required = false) String q, @RequestParam(required = false) List<Long> ids,
			DataScope scope) {
		if (ids != null && !ids.isEmpty()) {
			return this.jdbc
				.sql("select c.* from case_file c where c.id in (:ids) and " + Cases.VISIBLE + " order by c.id")
				.params(scope.sqlParams())
				.param("ids", ids.stream().distinct().limit(LIMIT).toList())
				.query((rs, n) -> choice(rs))
				.list();
		}
		if (q == null || q.isBlank() || q.strip().length() > 50) {
			return List.of();
		}
		return this.jdbc
			.sql("select c.* from case_file c where (c.code = :code or c.title like :like) and " + Cases.VISIBLE
					+ " order by c.id desc limit " + LIMIT)
			.params(scope.sqlParams())
			.param("code", q.strip().toUpperCase())
			.param("like", "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
			.query((rs, n) -> choice(rs))
			.list();
	}

	private static Choice choice(java.sql.ResultSet rs) throws java.sql.SQLException {
		return Choice.of(Long.toString(rs.getLong("id")), rs.getString("code") + " " + rs.getString("title"),
				CaseStage.valueOf(rs.getString("stage")).label());
	}

}
