package org.fangfei.app.ledger;

import java.time.OffsetDateTime;
import java.util.List;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.subject.RiskLevel;
import org.fangfei.app.subject.SubjectHistory;
import org.fangfei.app.subject.SubjectHistory.Standing;
import org.fangfei.app.subject.SubjectKind;
import org.fangfei.app.subject.SubjectStatus;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's subjects as at a month's start and end, read in two set-based passes
 * (issue 15, V110), are the subjects the released query found — the latest state before
 * each moment, one per subject, within the township — for a history with edits, moves
 * out, in and back, a deletion and changes on and across the month's boundaries.
 */
@IntegrationTest
class LedgerSubjectHistoryTests extends LedgerTestSupport {

	/** The released one-moment query (V73), kept here as the reference. */
	private static final String RELEASED = """
			select h.*, d.label as sector_label from (
			  select distinct on (subject_id) * from subject_history
			  where valid_from < :at and subject_id in (select subject_id from subject_history where region_code like :p)
			  order by subject_id, valid_from desc, id desc) h
			left join dict_item d on d.dict_type = 'sector' and d.code = h.sector_code
			where h.region_code like :p and exists (select 1 from subject s where s.id = h.subject_id)
			order by h.subject_id
			""";

	@Autowired
	SubjectHistory history;

	@Test
	void theTwoPassesGiveTheSubjectsOfTheReleasedQueryAtTheMonthsStartAndEnd() throws Exception {
		long edited = subjectAt("2015-06-10T10:00:00", "史月中改级", HUISHI_VILLAGE);
		changeSubject(edited, "risk_level", "YELLOW", "2015-07-05T09:00:00");
		changeSubject(edited, "status", "RECTIFYING", "2015-08-03T09:00:00");
		long movedOut = subjectAt("2015-06-11T10:00:00", "史月中迁出", HUISHI_VILLAGE);
		changeSubject(movedOut, "region_code", HEPAN_VILLAGE, "2015-07-10T09:00:00");
		long movedIn = subjectAt("2015-06-12T10:00:00", "史月中迁入", HEPAN_VILLAGE);
		changeSubject(movedIn, "region_code", HUISHI_VILLAGE, "2015-07-12T09:00:00");
		long back = subjectAt("2015-06-13T10:00:00", "史迁出又迁回", HUISHI_VILLAGE);
		changeSubject(back, "region_code", HEPAN_VILLAGE, "2015-06-20T09:00:00");
		changeSubject(back, "region_code", HUISHI_VILLAGE, "2015-07-15T09:00:00");
		long laterOut = subjectAt("2015-06-14T10:00:00", "史下月迁出", HUISHI_VILLAGE);
		changeSubject(laterOut, "region_code", HEPAN_VILLAGE, "2015-08-05T09:00:00");
		long onTheStart = subjectAt("2015-06-16T10:00:00", "史月初整点改级", HUISHI_VILLAGE);
		changeSubject(onTheStart, "risk_level", "RED", "2015-07-01T00:00:00");
		changeSubject(onTheStart, "risk_level", "ORANGE", "2015-08-01T00:00:00");
		long deleted = subjectAt("2015-07-20T10:00:00", "史误登已删", HUISHI_VILLAGE);
		this.jdbc.sql("delete from subject where id = :id").param("id", deleted).update();
		long after = subjectAt("2015-08-02T10:00:00", "史下月登记", HUISHI_VILLAGE);

		OffsetDateTime start = at("2015-07-01T00:00:00");
		OffsetDateTime end = at("2015-08-01T00:00:00");
		SubjectHistory.StartAndEnd both = this.history.asAt("620422100", start, end);

		assertThat(both.atStart()).isEqualTo(released("620422100", start));
		assertThat(both.atEnd()).isEqualTo(released("620422100", end));
		assertThat(this.history.asAt("620422", end)).isEqualTo(released("620422", end));
		assertThat(ids(both.atStart())).contains(edited, movedOut, laterOut, onTheStart)
			.doesNotContain(movedIn, back, deleted, after);
		assertThat(ids(both.atEnd())).contains(edited, movedIn, back, laterOut, onTheStart)
			.doesNotContain(movedOut, deleted, after);
		assertThat(standing(both.atStart(), edited).riskLevel()).isNull();
		assertThat(standing(both.atEnd(), edited).riskLevel()).isEqualTo(RiskLevel.YELLOW);
		assertThat(standing(both.atEnd(), edited).status()).isEqualTo(SubjectStatus.WATCHING);
		assertThat(standing(both.atStart(), onTheStart).riskLevel()).isNull();
		assertThat(standing(both.atEnd(), onTheStart).riskLevel()).isEqualTo(RiskLevel.RED);
	}

	private List<Standing> released(String prefix, OffsetDateTime at) {
		return this.jdbc.sql(RELEASED)
			.param("at", at)
			.param("p", prefix + "%")
			.query((rs, n) -> new Standing(rs.getLong("subject_id"), rs.getString("name"),
					SubjectKind.valueOf(rs.getString("kind")), rs.getString("region_code"), rs.getString("sector_code"),
					rs.getString("sector_label") == null ? "" : rs.getString("sector_label"),
					rs.getString("risk_level") == null ? null : RiskLevel.valueOf(rs.getString("risk_level")),
					SubjectStatus.valueOf(rs.getString("status"))))
			.list();
	}

	private static List<Long> ids(List<Standing> standings) {
		return standings.stream().map(Standing::id).toList();
	}

	private static Standing standing(List<Standing> standings, long id) {
		return standings.stream().filter(s -> s.id() == id).findFirst().orElseThrow();
	}

}
