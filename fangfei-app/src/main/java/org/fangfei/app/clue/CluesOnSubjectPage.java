package org.fangfei.app.clue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Times;
import org.fangfei.app.subject.SubjectSection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 问题线索 section of the subject page: the clues that concern the subject, newest first,
 * within the caller's scope.
 */
@Component
class CluesOnSubjectPage implements SubjectSection {

	private static final int SHOWN = 50;

	private final JdbcClient jdbc;

	CluesOnSubjectPage(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String title() {
		return "问题线索";
	}

	@Override
	public int order() {
		return 5;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Fact> facts(long subjectId, DataScope scope) {
		Map<String, Object> params = scope.sqlParams();
		params.put("myDepartment", -1L);
		params.put("myUnit", "");
		return this.jdbc.sql("""
				select c.id, c.code, c.title, c.state, c.source, c.received_at from clue c
				join clue_subject cs on cs.clue_id = c.id
				where cs.subject_id = :subject and """ + Clues.VISIBLE + " order by c.received_at desc limit " + SHOWN)
			.params(params)
			.param("subject", subjectId)
			.query((rs, n) -> new Fact(Times.local(rs.getObject("received_at", OffsetDateTime.class)),
					rs.getString("code") + " " + ClueSource.valueOf(rs.getString("source")).label() + "："
							+ rs.getString("title") + "（" + ClueState.valueOf(rs.getString("state")).label() + "）",
					"/clues/" + rs.getLong("id")))
			.list();
	}

}
