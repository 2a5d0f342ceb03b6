package org.fangfei.app.tip;

import java.util.List;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 14, item 15: a leader (领导) reads the tips of the county — the list and a tip with
 * its content — but never who reported: no reveal form, and the reveal itself is refused
 * (403) and leaves no reveal in the audit log.
 */
@IntegrationTest
class LeaderTipTests {

	@Autowired
	TipIntake intake;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Test
	void aLeaderReadsTipsButNeverTheReporter() throws Exception {
		String subject = "领导阅览理财工作室" + System.nanoTime();
		TipIntake.Receipt tip = this.intake.submit(new TipForm(TipFixtures.HUISHI_VILLAGE, subject, "", "",
				"承诺月息三分，动员村民投资入股。", "", "", false, "欧阳实名", "13912345678", "", false, false, "", ""), List.of());
		UserDetails leader = this.accounts.ready("leader");

		this.mvc.perform(get("/tips").with(user(leader)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"menu-tips\"")))
			.andExpect(content().string(containsString(subject)));
		this.mvc.perform(get("/tips/{id}", tip.tipId()).with(user(leader)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(subject)))
			.andExpect(content().string(not(containsString("id=\"reveal-form\""))))
			.andExpect(content().string(not(containsString("欧阳实名"))))
			.andExpect(content().string(not(containsString("13912345678"))));

		this.mvc.perform(
				post("/tips/{id}/reporter", tip.tipId()).param("reason", "领导想知道是谁举报的").with(user(leader)).with(csrf()))
			.andExpect(status().isForbidden())
			.andExpect(content().string(not(containsString("欧阳实名"))));
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'TIP_REVEAL' and target_id = :id")
			.param("id", String.valueOf(tip.tipId()))
			.query(Long.class)
			.single()).isZero();
	}

}
