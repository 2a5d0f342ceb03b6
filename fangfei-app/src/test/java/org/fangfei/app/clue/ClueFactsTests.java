package org.fangfei.app.clue;

import java.util.List;
import java.util.Map;

import org.fangfei.app.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The facts the clue measures count from (V108: first determination, closings with the
 * next one, steps that are or may become overdue, each with the clue's region) stay equal
 * to what {@code clue_facts_rebuild()} — the migration's backfill — computes from the
 * clues, their timeline and steps, through the workflow's moves and a correction of the
 * region, with every other test's clues in the same database as well.
 */
@IntegrationTest
class ClueFactsTests extends ClueTestSupport {

	private static final String HEPAN_VILLAGE = "620422102001";

	@Test
	void factsFollowTheMovesAndACorrectionOfTheRegion() throws Exception {
		assertFactsEqualTheirRebuild();
		long handled = registered("事实办结");
		long moved = registered("事实迁移");
		assertThat(regionsOfFacts(moved)).as("the open first step may become overdue").containsExactly(HUISHI_VILLAGE);

		toVerifying(handled);
		ok(this.huishi, handled, "VERIFY",
				Map.of("investigators", "张伟、李娜", "visitedOn", java.time.LocalDate.now().toString(), "findings", "属实"));
		ok(this.chief, handled, "DETERMINE", Map.of("determination", "NOT_ILLEGAL", "note", "正常经营"));
		ok(this.office, handled, "FEEDBACK", Map.of("note", "已反馈"));
		ok(this.chief, handled, "CLOSE", Map.of());
		assertThat(this.jdbc.sql("select determination from clue_first_determination where clue_id = :c")
			.param("c", handled)
			.query(String.class)
			.single()).isEqualTo("NOT_ILLEGAL");
		assertThat(this.jdbc.sql("select count(*) from clue_closing where clue_id = :c and next_closed_at is null")
			.param("c", handled)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertFactsEqualTheirRebuild();

		// a correction of the region before dispatch takes the clue's facts along
		this.mvc.perform(post("/clues/{id}/edit", moved).with(user(this.office))
			.with(csrf())
			.param("version", String.valueOf(version(moved)))
			.param("title", "事实迁移 " + this.tag)
			.param("description", "媒体报道")
			.param("regionCode", HEPAN_VILLAGE)
			.param("sectorCode", "")
			.param("grade", "NORMAL"));
		assertThat(this.jdbc.sql("select region_code from clue where id = :id")
			.param("id", moved)
			.query(String.class)
			.single()).isEqualTo(HEPAN_VILLAGE);
		assertThat(regionsOfFacts(moved)).containsExactly(HEPAN_VILLAGE);
		assertFactsEqualTheirRebuild();
		assertThat(facts().values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());
	}

	/**
	 * V115's periods in which a clue was not concluded hold exactly the instants at which
	 * its state — that of its last move before the instant, in (time, id) order — was not
	 * rejected, closed or merged (or it had no move yet), through a closing, a reopening,
	 * moves at the same instant in either order and a closing that is undone at once.
	 */
	@Test
	void openPeriodsHoldTheInstantsAtWhichTheClueWasNotConcluded() throws Exception {
		long clue = registered("事实重开");
		String[][] moves = { { "2026-01-10T00:00:00Z", "VERIFYING" }, { "2026-02-01T00:00:00Z", "CLOSED" },
				{ "2026-03-05T00:00:00Z", "VERIFYING" }, { "2026-04-01T00:00:00Z", "CLOSED" },
				{ "2026-04-01T00:00:00Z", "VERIFYING" }, { "2026-05-01T00:00:00Z", "VERIFYING" },
				{ "2026-05-01T00:00:00Z", "REJECTED" }, { "2026-06-01T00:00:00Z", "MERGED" },
				{ "2026-06-02T00:00:00Z", "VERIFYING" } };
		for (String[] move : moves) {
			this.jdbc.sql("""
					insert into clue_event (clue_id, occurred_at, actor, actor_name, kind, to_state)
					values (:c, cast(:t as timestamptz), 'test', '测试', '流转', :s)
					""").param("c", clue).param("t", move[0]).param("s", move[1]).update();
		}
		List<String> instants = this.jdbc.sql("""
				select distinct t from (select e.occurred_at as t from clue_event e where e.clue_id = :c
				  union select e.occurred_at + interval '1 microsecond' from clue_event e where e.clue_id = :c
				  union select e.occurred_at - interval '1 microsecond' from clue_event e where e.clue_id = :c
				  union select cast('1990-01-01Z' as timestamptz) union select cast('2030-01-01Z' as timestamptz)) x
				order by t
				""").param("c", clue).query((rs, n) -> rs.getString(1)).list();
		assertThat(instants).hasSizeGreaterThan(20);
		for (String at : instants) {
			boolean concluded = this.jdbc.sql("""
					select coalesce((select e.to_state in ('CLOSED', 'REJECTED', 'MERGED') from clue_event e
					  where e.clue_id = :c and e.to_state is not null and e.occurred_at < cast(:t as timestamptz)
					  order by e.occurred_at desc, e.id desc limit 1), false)
					""").param("c", clue).param("t", at).query(Boolean.class).single();
			long periods = this.jdbc.sql("""
					select count(*) from clue_open_period p where p.clue_id = :c
					  and p.open_since < cast(:t as timestamptz) and p.open_until >= cast(:t as timestamptz)
					""").param("c", clue).param("t", at).query(Long.class).single();
			assertThat(periods).as("periods holding %s", at).isEqualTo(concluded ? 0 : 1);
		}
		assertFactsEqualTheirRebuild();
	}

	private List<String> regionsOfFacts(long clue) {
		return this.jdbc.sql("""
				select region_code from clue_overdue_step where clue_id = :c
				union select region_code from clue_closing where clue_id = :c
				union select region_code from clue_first_determination where clue_id = :c
				union select region_code from clue_open_period where clue_id = :c
				""").param("c", clue).query(String.class).list();
	}

	/** The facts as kept, then as recomputed from their sources, row by row. */
	private void assertFactsEqualTheirRebuild() {
		Map<String, List<Map<String, Object>>> kept = facts();
		this.jdbc.sql("select clue_facts_rebuild()").query().listOfRows();
		assertThat(kept).isEqualTo(facts());
	}

	private Map<String, List<Map<String, Object>>> facts() {
		return Map.of("first determinations", rows("select * from clue_first_determination order by clue_id"),
				"closings", rows("select * from clue_closing order by event_id"), "steps",
				rows("select * from clue_overdue_step order by step_id"), "open periods",
				rows("select * from clue_open_period order by clue_id, open_since"));
	}

	private List<Map<String, Object>> rows(String sql) {
		return this.jdbc.sql(sql).query().listOfRows();
	}

}
