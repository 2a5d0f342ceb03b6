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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 14, item 1: a tip sent at 07:14 China time reads 07:14 — not 23:14 of the day
 * before (UTC) — on the office's list, the tip's page and the reporter's tracking page,
 * whatever zone the test machine's clock is in.
 */
@IntegrationTest
class TipTimesTests {

	@Autowired
	TipIntake intake;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Test
	void tipTimesAreShownInTheCountysZone() throws Exception {
		String subject = "时区核对投资咨询" + System.nanoTime();
		TipIntake.Receipt tip = this.intake.submit(new TipForm(TipFixtures.HUISHI_VILLAGE, subject, "", "",
				"承诺月息三分，动员村民投资入股。", "", "", true, "", "", "", false, false, "", ""), List.of());
		this.jdbc.sql("update tip set created_at = timestamptz '2026-03-10 23:14:00+00' where id = :id")
			.param("id", tip.tipId())
			.update();
		TipDesk.post(this.jdbc, tip.tipId(), "已收到，正在核查。", "office");
		this.jdbc.sql("update tip_message set created_at = timestamptz '2026-03-11 01:05:00+00' where tip_id = :id")
			.param("id", tip.tipId())
			.update();
		UserDetails office = this.accounts.ready("office");

		String list = this.mvc.perform(get("/tips").with(user(office)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains(subject).contains("2026-03-11 07:14").doesNotContain("2026-03-10 23:14");

		String page = this.mvc.perform(get("/tips/{id}", tip.tipId()).with(user(office)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("2026-03-11 07:14").contains("2026-03-11 09:05").doesNotContain("23:14");

		String tracking = this.mvc.perform(post("/tip/track").with(csrf()).param("code", tip.trackingCode()).with(r -> {
			r.setRemoteAddr(TipFixtures.freshAddress());
			return r;
		})).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(tracking).contains("2026-03-11 07:14").contains("2026-03-11 09:05").doesNotContain("23:14");
	}

}
