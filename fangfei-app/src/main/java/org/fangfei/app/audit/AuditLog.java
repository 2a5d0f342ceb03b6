package org.fangfei.app.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes and reads the audit log. A successful write is recorded in the same transaction
 * as the change it describes, so one never exists without the other; a refusal is
 * recorded in a transaction of its own, so that the rollback of the refused change does
 * not erase it. The table cannot be updated or deleted (database trigger and grants).
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a successful write by the current user, joining the caller's transaction.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void success(String action, String targetType, Object targetId, String summary, String before,
			String after) {
		insert(currentActor(), action, targetType, targetId, summary, before, after, Outcome.SUCCESS);
	}

	/** Records a refused or failed attempt, committed even when the caller rolls back. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void failure(String action, String targetType, Object targetId, String summary) {
		insert(currentActor(), action, targetType, targetId, summary, null, null, Outcome.FAILURE);
	}

	/**
	 * Records a failure from a given address, by nobody signed in; for
	 * {@link RepeatedFailures}, which also writes outside any request.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void failureFrom(String address, String action, String targetType, String summary) {
		insert(currentActor(), address, action, targetType, null, summary, null, null, Outcome.FAILURE);
	}

	/** Records a sign-in attempt for a named (possibly unknown) account. */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void signIn(String username, boolean succeeded, String summary) {
		insert(truncate(username, 40), succeeded ? "LOGIN" : "LOGIN_FAILED", "user", null, summary, null, null,
				succeeded ? Outcome.SUCCESS : Outcome.FAILURE);
	}

	private void insert(String actor, String action, String targetType, Object targetId, String summary, String before,
			String after, Outcome outcome) {
		insert(actor, currentIp(), action, targetType, targetId, summary, before, after, outcome);
	}

	private void insert(String actor, String ip, String action, String targetType, Object targetId, String summary,
			String before, String after, Outcome outcome) {
		this.jdbc
			.sql("""
					insert into audit_log (actor, actor_ip, action, target_type, target_id, summary, before_data, after_data, outcome)
					values (:actor, :ip, :action, :targetType, :targetId, :summary, :before, :after, :outcome)
					""")
			.param("actor", actor)
			.param("ip", ip)
			.param("action", action)
			.param("targetType", targetType)
			.param("targetId", targetId == null ? null : String.valueOf(targetId))
			.param("summary", truncate(summary, 500))
			.param("before", before)
			.param("after", after)
			.param("outcome", outcome.name())
			.update();
	}

	@Transactional(readOnly = true)
	public PageOf<AuditEntry> search(AuditQuery q, PageRequest paging) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		List<Object> args = new ArrayList<>();
		if (q.actor() != null && !q.actor().isBlank()) {
			where.append(" and actor = ?");
			args.add(q.actor().trim());
		}
		if (q.action() != null && !q.action().isBlank()) {
			where.append(" and action = ?");
			args.add(q.action().trim());
		}
		if (q.outcome() != null) {
			where.append(" and outcome = ?");
			args.add(q.outcome().name());
		}
		if (q.from() != null) {
			where.append(" and occurred_at >= ?");
			args.add(q.from());
		}
		if (q.to() != null) {
			where.append(" and occurred_at < ?");
			args.add(q.to());
		}
		long total = this.jdbc.sql("select count(*) from audit_log" + where).params(args).query(Long.class).single();
		List<Object> pageArgs = new ArrayList<>(args);
		pageArgs.add(paging.size());
		pageArgs.add(paging.offset());
		List<AuditEntry> items = this.jdbc.sql(
				"select id, occurred_at, actor, actor_ip, action, target_type, target_id, summary, before_data, after_data, outcome"
						+ " from audit_log" + where + " order by id desc limit ? offset ?")
			.params(pageArgs)
			.query((rs, n) -> new AuditEntry(rs.getLong("id"),
					Times.local(rs.getObject("occurred_at", OffsetDateTime.class)), rs.getString("actor"),
					rs.getString("actor_ip"), rs.getString("action"), rs.getString("target_type"),
					rs.getString("target_id"), rs.getString("summary"), rs.getString("before_data"),
					rs.getString("after_data"), Outcome.valueOf(rs.getString("outcome"))))
			.list();
		return paging.pageOf(items, total);
	}

	private static String currentActor() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth == null ? "system" : truncate(auth.getName(), 40);
	}

	private static String currentIp() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	private static String truncate(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}

	public enum Outcome {

		SUCCESS, FAILURE

	}

}
