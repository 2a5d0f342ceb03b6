package org.fangfei.app.clue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.fangfei.app.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The township that verifies records the amount and participants it found; the clue
 * stands on them from then on, and bad figures are refused in Chinese with nothing
 * written.
 */
@IntegrationTest
class ClueVerificationFiguresTests extends ClueTestSupport {

	@Test
	void theTownshipRecordsTheFiguresItVerified() throws Exception {
		long id = registered("核实金额");
		toVerifying(id);
		Map<String, Object> report = new LinkedHashMap<>(verification());
		report.put("amount", "620,000");
		report.put("peopleCount", 30);
		ok(this.huishi, id, "VERIFY", report);

		assertThat(clueRow(id)).containsEntry("amount_fen", 62_000_000L).containsEntry("people_count", 30);
		assertThat(this.jdbc.sql("select amount_fen, people_count from clue_verification where clue_id = :c")
			.param("c", id)
			.query()
			.singleRow()).containsEntry("amount_fen", 62_000_000L).containsEntry("people_count", 30);
		assertThat(events(id, "核查").get(0).get("note").toString()).contains("核实涉及金额 620,000.00 元(登记时 20,000.00 元)",
				"核实涉及人数 30 人(登记时 12 人)");
		String page = getAs(this.office, "/clues/" + id).getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("核实：", "涉及金额 620,000.00 元", "涉及人数 30 人");
	}

	@Test
	void badVerifiedFiguresAreRefusedAndNothingIsWritten() throws Exception {
		long id = registered("核实金额有误");
		toVerifying(id);
		Map<String, Object> negative = new LinkedHashMap<>(verification());
		negative.put("amount", "-5");
		assertThat(refused(400, this.huishi, id, "VERIFY", negative)).contains("核实涉及金额");
		Map<String, Object> words = new LinkedHashMap<>(verification());
		words.put("amount", "六十二万");
		assertThat(refused(400, this.huishi, id, "VERIFY", words)).contains("核实涉及金额");
		Map<String, Object> people = new LinkedHashMap<>(verification());
		people.put("peopleCount", -1);
		assertThat(refused(400, this.huishi, id, "VERIFY", people)).isEqualTo("核实涉及人数应为 0–10000000");
		assertThat(clueRow(id)).containsEntry("amount_fen", 2_000_000L).containsEntry("state", "VERIFYING");
	}

}
