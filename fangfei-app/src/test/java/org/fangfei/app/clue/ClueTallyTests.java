package org.fangfei.app.clue;

import java.util.List;
import java.util.Map;

import org.fangfei.app.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's running tallies and their deltas (V18) stay equal to what they
 * summarise — the clues by place, state, channel and supervision, and the finished steps
 * by day and place — through intake, dispatch to a township and to a department, return,
 * supervision, determination, measures, close-out and a correction of the region, with
 * every other test's clues in the same database counted as well.
 */
@IntegrationTest
class ClueTallyTests extends ClueTestSupport {

	@org.springframework.beans.factory.annotation.Autowired
	ClueTallies tallies;

	private List<Map<String, Object>> clueGroups(String sql) {
		return this.jdbc.sql(sql).query().listOfRows();
	}

	private void assertTalliesMatch() {
		assertThat(clueGroups("""
				select region_code, sector_code, handler_department_id, state, source, supervised, sum(n)::bigint as n
				from (select * from clue_tally union all select * from clue_tally_delta) t
				group by 1, 2, 3, 4, 5, 6 having sum(n) <> 0 order by 1, 2, 3, 4, 5, 6
				""")).isEqualTo(clueGroups("""
				select left(region_code, 9) || '000' as region_code, coalesce(sector_code, '') as sector_code,
				  coalesce(handler_department_id, 0) as handler_department_id, state, source, supervised, count(*) as n
				from clue group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6
				"""));
		// a step is counted where its clue was while the step ran, which the clues no
		// longer
		// show once they moved on: the totals per month must match
		assertThat(clueGroups("""
				select month, sum(finished)::bigint as finished, sum(on_time)::bigint as on_time
				from (select * from clue_step_tally union all select * from clue_step_tally_delta) t
				group by month order by month
				""")).isEqualTo(clueGroups("""
				select date_trunc('month', s.finished_at)::date as month, count(*) as finished,
				  count(*) filter (where s.on_time) as on_time
				from clue_step s where s.finished_at is not null group by 1 order by 1
				"""));
	}

	private long departmentStepsOf(long department) {
		return this.jdbc.sql("""
				select coalesce(sum(finished), 0) from (select * from clue_step_tally union all
				select * from clue_step_tally_delta) t where handler_department_id = :d
				""").param("d", department).query(Long.class).single();
	}

	@Test
	void talliesFollowEveryKindOfChange() throws Exception {
		assertTalliesMatch();
		long toTownship = registered("计数乡镇");
		long toDepartment = register(this.office, Map.of("source", "MEDIA", "title", "计数部门 " + this.tag, "description",
				"媒体报道", "regionCode", HUISHI_VILLAGE, "sectorCode", "ELDERLY_CARE"));
		assertTalliesMatch();

		toVerifying(toTownship);
		ok(this.office, toDepartment, "ACCEPT");
		long market = this.jdbc.sql("select department_id from app_user where username = 'market'")
			.query(Long.class)
			.single();
		ok(this.office, toDepartment, "DISPATCH", Map.of("unit", "D" + market, "note", "行业主管部门承办"));
		long departmentSteps = departmentStepsOf(market);
		ok(this.market, toDepartment, "RETURN", Map.of("note", "不属于本部门监管"));
		assertTalliesMatch();
		// the dispatched step ended with the department's return: it counts for the
		// department
		assertThat(departmentStepsOf(market)).isEqualTo(departmentSteps + 1);

		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/clues/{id}/supervision", toTownship)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user(this.chief))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("note", "请加快核查"));
		ok(this.huishi, toTownship, "VERIFY",
				Map.of("investigators", "张伟、李娜", "visitedOn", java.time.LocalDate.now().toString(), "findings", "属实"));
		ok(this.chief, toTownship, "DETERMINE", Map.of("determination", "NOT_ILLEGAL", "note", "正常经营"));
		ok(this.office, toTownship, "FEEDBACK", Map.of("note", "已反馈"));
		ok(this.chief, toTownship, "CLOSE", Map.of());
		assertTalliesMatch();
		// folding the deltas into the tallies changes no figure and leaves no delta
		this.tallies.fold();
		assertTalliesMatch();
		assertThat(this.jdbc.sql("select count(*) from clue_tally_delta").query(Long.class).single()).isZero();

		// a correction of the region before dispatch moves the clue between places
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/clues/{id}/edit", toDepartment)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user(this.office))
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("version", String.valueOf(version(toDepartment)))
			.param("title", "计数部门 " + this.tag)
			.param("description", "媒体报道")
			.param("regionCode", "620422102001")
			.param("sectorCode", "")
			.param("grade", "NORMAL"));
		assertThat(this.jdbc.sql("select region_code from clue where id = :id")
			.param("id", toDepartment)
			.query(String.class)
			.single()).isEqualTo("620422102001");
		assertTalliesMatch();
	}

}
