package org.fangfei.app.casefile;

import java.util.List;

import org.fangfei.app.clue.ClueSection;
import org.fangfei.app.shared.DataScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 案件 section of the clue page: the case the clue became, or that it waits for the
 * office to open one, within the caller's scope.
 */
@Component
class CaseOnCluePage implements ClueSection {

	private final JdbcClient jdbc;

	CaseOnCluePage(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String title() {
		return "案件";
	}

	@Override
	public int order() {
		return 1;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Fact> facts(long clueId, DataScope scope) {
		List<Fact> opened = this.jdbc
			.sql("select c.id, c.code, c.title, c.stage from case_file c where c.clue_id = :clue and " + Cases.VISIBLE)
			.params(scope.sqlParams())
			.param("clue", clueId)
			.query((rs, n) -> new Fact("已立案：" + rs.getString("code") + " " + rs.getString("title") + "（"
					+ CaseStage.valueOf(rs.getString("stage")).label() + "）", "/cases/" + rs.getLong("id")))
			.list();
		if (!opened.isEmpty()) {
			return opened;
		}
		return this.jdbc
			.sql("""
					select count(*) from case_candidate where clue_id = :clue and status = 'WAITING' and region_code like :regionLike
					""")
			.param("clue", clueId)
			.param("regionLike", scope.regionLike())
			.query(Long.class)
			.single() > 0 ? List.of(new Fact("待处非办建立案件", "/cases/candidates")) : List.of();
	}

}
