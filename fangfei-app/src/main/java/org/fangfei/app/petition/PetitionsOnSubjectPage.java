package org.fangfei.app.petition;

import java.time.OffsetDateTime;
import java.util.List;

import org.fangfei.app.shared.DataScope;
import org.fangfei.app.subject.SubjectSection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 信访 section of the subject page: the petitions and disputes about the subject,
 * within the caller's scope, newest first.
 */
@Component
class PetitionsOnSubjectPage implements SubjectSection {

	private final JdbcClient jdbc;

	PetitionsOnSubjectPage(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String title() {
		return "信访与矛盾纠纷";
	}

	@Override
	public int order() {
		return 40;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Fact> facts(long subjectId, DataScope scope) {
		List<Fact> petitions = this.jdbc
			.sql("select p.id, p.code, p.channel, p.status, p.petitioners_count, p.created_at from petition p"
					+ " where p.subject_id = :s and " + Petitions.VISIBLE + " order by p.id desc limit 20")
			.params(scope.sqlParams())
			.param("s", subjectId)
			.query((rs, n) -> new Fact(rs.getObject("created_at", OffsetDateTime.class),
					"信访件 " + rs.getString("code") + "（" + Channel.valueOf(rs.getString("channel")).label() + "，"
							+ rs.getInt("petitioners_count") + " 人，"
							+ PetitionStatus.valueOf(rs.getString("status")).label() + "）",
					"/petitions/" + rs.getLong("id")))
			.list();
		List<Fact> disputes = this.jdbc.sql("""
				select d.id, d.parties, d.status, d.created_at from dispute d
				where d.subject_id = :s and d.region_code like :regionLike order by d.id desc limit 20
				""")
			.param("s", subjectId)
			.param("regionLike", scope.regionLike())
			.query((rs, n) -> new Fact(rs.getObject("created_at", OffsetDateTime.class),
					"矛盾纠纷：" + rs.getString("parties") + "（" + DisputeStatus.valueOf(rs.getString("status")).label()
							+ "）",
					"/stability/disputes/" + rs.getLong("id")))
			.list();
		return java.util.stream.Stream.concat(petitions.stream(), disputes.stream())
			.sorted(java.util.Comparator.comparing(Fact::at).reversed())
			.toList();
	}

}
