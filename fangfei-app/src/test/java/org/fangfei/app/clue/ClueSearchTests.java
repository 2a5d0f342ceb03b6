package org.fangfei.app.clue;

import org.fangfei.app.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list's text search (线索编号或标题): one character by LIKE, two by their character pair
 * alone, more by every pair and then LIKE — each finding exactly the titles that contain
 * the text, and a code finding its clue.
 */
@IntegrationTest
class ClueSearchTests extends ClueTestSupport {

	@Test
	void aTextFindsExactlyTheTitlesContainingIt() throws Exception {
		long together = registered("某罍觥公司吸收存款");
		long apart = registered("罍 觥两处分开");
		long reversed = registered("觥罍颠倒");
		long pairsOnly = registered("罍觥 觥公 公司 不连续");

		assertThat(listedIds(this.office, "text=罍觥")).contains(together, pairsOnly).doesNotContain(apart, reversed);
		assertThat(listedIds(this.office, "text=罍觥公")).contains(together).doesNotContain(pairsOnly, apart, reversed);
		assertThat(listedIds(this.office, "text=罍")).contains(together, apart, reversed, pairsOnly);
		assertThat(listedIds(this.office, "text=觥罍")).contains(reversed).doesNotContain(together, apart, pairsOnly);

		String code = this.jdbc.sql("select code from clue where id = :id")
			.param("id", apart)
			.query(String.class)
			.single();
		assertThat(listedIds(this.office, "text=" + code)).containsExactly(apart);
		// a township sees none of them by text: they are in 会师镇's village, searched as
		// 河畔镇
		assertThat(listedIds(this.hepan, "text=罍觥")).doesNotContain(together, pairsOnly);
	}

}
