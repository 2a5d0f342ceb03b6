package org.fangfei.app.casefile;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.fangfei.app.shared.DataScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules may know of cases: one case as the caller sees it (to link a
 * petition to it) and the codes and titles of a list's cases in one call.
 */
@Component
public class CaseDirectory {

	/**
	 * A case as another module sees it.
	 *
	 * @param closed whether the case is closed (结案)
	 */
	public record CaseRef(long id, String code, String title, String regionCode, String sectorCode, boolean closed) {
	}

	private final JdbcClient jdbc;

	CaseDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The case if the caller may see it. */
	@Transactional(readOnly = true)
	public Optional<CaseRef> visible(long id, DataScope scope) {
		return this.jdbc.sql("select c.* from case_file c where c.id = :id and " + Cases.VISIBLE)
			.params(scope.sqlParams())
			.param("id", id)
			.query((rs, n) -> ref(rs))
			.optional();
	}

	/** The caller's most recently opened cases that are not closed, newest first. */
	@Transactional(readOnly = true)
	public List<CaseRef> recentOpen(DataScope scope, int limit) {
		return this.jdbc
			.sql("select c.* from case_file c where c.stage <> 'CLOSED' and " + Cases.VISIBLE
					+ " order by c.id desc limit " + Math.max(1, Math.min(limit, 100)))
			.params(scope.sqlParams())
			.query((rs, n) -> ref(rs))
			.list();
	}

	/**
	 * The caller's open cases whose next step is {@code step} — at 审查起诉 before trial, at
	 * 执行 (or at 处罚/取缔 on the administrative path) before refunds start — where a
	 * stability risk assessment is due (三同步).
	 */
	@Transactional(readOnly = true)
	public List<CaseRef> approaching(SensitiveStep step, DataScope scope) {
		List<String> stages = switch (step) {
			case TRIAL -> List.of(CaseStage.PROSECUTION.name());
			case REFUND_START -> List.of(CaseStage.ENFORCEMENT.name(), CaseStage.PENALTY.name());
			default -> List.of();
		};
		if (stages.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("select c.* from case_file c where c.stage in (:stages) and " + Cases.VISIBLE + " order by c.id")
			.params(scope.sqlParams())
			.param("stages", stages)
			.query((rs, n) -> ref(rs))
			.list();
	}

	/**
	 * The cases with these ids, whatever the scope (for names on a list already scoped).
	 */
	@Transactional(readOnly = true)
	public Map<Long, CaseRef> byIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.jdbc.sql("select c.* from case_file c where c.id in (:ids)")
			.param("ids", List.copyOf(ids))
			.query((rs, n) -> ref(rs))
			.list()
			.stream()
			.collect(Collectors.toMap(CaseRef::id, Function.identity()));
	}

	private static CaseRef ref(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new CaseRef(rs.getLong("id"), rs.getString("code"), rs.getString("title"), rs.getString("region_code"),
				rs.getString("sector_code"), CaseStage.CLOSED.name().equals(rs.getString("stage")));
	}

}
