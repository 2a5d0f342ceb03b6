package org.fangfei.app.warning;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 风险提示: the office publishes a notice about a subject on the public portal
 * ({@code /risk-notices}, no sign-in) and may withdraw it; both audited.
 */
@Service
class RiskNotices {

	static final String PUBLISH = "warning:notice:publish";

	/** A notice as the portal shows it. */
	record Notice(long id, long subjectId, String title, String body, OffsetDateTime publishedAt, boolean withdrawn) {
	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final IndexQueries indices;

	RiskNotices(JdbcClient jdbc, AuditLog audit, IndexQueries indices) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.indices = indices;
	}

	@Transactional
	long publish(long subjectId, String title, String body, Actor actor) {
		this.indices.get(subjectId, actor.scope());
		Map<String, String> errors = new LinkedHashMap<>();
		if (title == null || title.isBlank()) {
			errors.put("title", "请填写提示标题");
		}
		else if (title.strip().length() > 200) {
			errors.put("title", "提示标题不能超过 200 字");
		}
		if (body == null || body.isBlank()) {
			errors.put("body", "请填写提示内容");
		}
		else if (body.strip().length() > 4000) {
			errors.put("body", "提示内容不能超过 4000 字");
		}
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
		long id = this.jdbc.sql("""
				insert into warning_notice (subject_id, title, body, published_at, published_by)
				values (:s, :title, :body, :now, :by) returning id
				""")
			.param("s", subjectId)
			.param("title", title.strip())
			.param("body", body.strip())
			.param("now", Times.now())
			.param("by", actor.username())
			.query(Long.class)
			.single();
		this.audit.success("RISK_NOTICE_PUBLISH", "warning_notice", id, "发布风险提示 " + title.strip(), null, null);
		return id;
	}

	@Transactional
	void withdraw(long id, Actor actor) {
		Notice n = find(id).filter(x -> !x.withdrawn()).orElseThrow(() -> new Rejected("该风险提示不存在或已撤回"));
		this.indices.get(n.subjectId(), actor.scope());
		this.jdbc.sql("update warning_notice set withdrawn_at = :now where id = :id")
			.param("now", Times.now())
			.param("id", id)
			.update();
		this.audit.success("RISK_NOTICE_WITHDRAW", "warning_notice", id, "撤回风险提示 " + n.title(), null, null);
	}

	List<Notice> published() {
		return this.jdbc.sql(SELECT + " where withdrawn_at is null order by published_at desc limit 100")
			.query(RiskNotices::map)
			.list();
	}

	List<Notice> ofSubject(long subjectId) {
		return this.jdbc.sql(SELECT + " where subject_id = :s order by published_at desc")
			.param("s", subjectId)
			.query(RiskNotices::map)
			.list();
	}

	Optional<Notice> find(long id) {
		return this.jdbc.sql(SELECT + " where id = :id").param("id", id).query(RiskNotices::map).optional();
	}

	private static final String SELECT = "select id, subject_id, title, body, published_at, withdrawn_at from warning_notice";

	private static Notice map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Notice(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
				Times.local(rs.getObject(5, OffsetDateTime.class)), rs.getObject(6) != null);
	}

}
