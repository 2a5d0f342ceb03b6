package org.fangfei.app.casefile;

import java.time.OffsetDateTime;
import java.util.List;

import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Times;
import org.fangfei.app.subject.SubjectSection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 涉案案件 section of the subject page: the cases the subject is involved in, newest
 * first, within the caller's scope.
 */
@Component
class CasesOnSubjectPage implements SubjectSection {

	private static final int SHOWN = 50;

	private final JdbcClient jdbc;

	CasesOnSubjectPage(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String title() {
		return "涉案案件";
	}

	@Override
	public int order() {
		return 6;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Fact> facts(long subjectId, DataScope scope) {
		return this.jdbc.sql("""
				select c.id, c.code, c.title, c.path, c.stage, c.created_at from case_file c
				join case_subject cs on cs.case_id = c.id
				where cs.subject_id = :subject and """ + Cases.VISIBLE + " order by c.id desc limit " + SHOWN)
			.params(scope.sqlParams())
			.param("subject", subjectId)
			.query((rs, n) -> new Fact(Times.local(rs.getObject("created_at", OffsetDateTime.class)),
					rs.getString("code") + " " + rs.getString("title") + "（"
							+ CasePath.valueOf(rs.getString("path")).label() + "，"
							+ CaseStage.valueOf(rs.getString("stage")).label() + "）",
					"/cases/" + rs.getLong("id")))
			.list();
	}

}
