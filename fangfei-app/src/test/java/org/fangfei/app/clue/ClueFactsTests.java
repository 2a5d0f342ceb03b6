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
	}

	private List<String> regionsOfFacts(long clue) {
		return this.jdbc.sql("""
				select region_code from clue_overdue_step where clue_id = :c
				union select region_code from clue_closing where clue_id = :c
				union select region_code from clue_first_determination where clue_id = :c
				""").param("c", clue).query(String.class).list();
	}

	/** The facts as kept, then as recomputed from their sources, row by row. */
	private void assertFactsEqualTheirRebuild() {
		Map<String, List<Map<String, Object>>> kept = facts();
		this.jdbc.sql("select clue_facts_rebuild()").query().listOfRows();
		assertThat(kept).isEqualTo(facts());
		assertThat(kept.values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());
	}

	private Map<String, List<Map<String, Object>>> facts() {
		return Map.of("first determinations", rows("select * from clue_first_determination order by clue_id"),
				"closings", rows("select * from clue_closing order by event_id"), "steps",
				rows("select * from clue_overdue_step order by step_id"));
	}

	private List<Map<String, Object>> rows(String sql) {
		return this.jdbc.sql(sql).query().listOfRows();
	}

}
