package org.fangfei.app.tip;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The office head sets the reward rule of a jurisdiction on a page: per-mille with floor
 * and cap for a township applies to that township's tips; bad figures and regions outside
 * the jurisdiction are refused and change nothing; other staff may not.
 */
@IntegrationTest
class RewardRulePagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Rewards rewards;

	@Test
	void theOfficeHeadSetsATownshipsRule() throws Exception {
		UserDetails chief = this.accounts.ready("chief");
		this.mvc
			.perform(post("/tips/reward-rules").with(user(chief))
				.with(csrf())
				.param("regionCode", "620422104000")
				.param("mode", "PER_MILLE")
				.param("perMille", "5")
				.param("floor", "500")
				.param("cap", "20000.50"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("done", containsString("620422104000")));
		RewardRule rule = this.rewards.ruleFor("620422104001");
		assertThat(rule.regionPrefix()).isEqualTo("620422104");
		assertThat(rule.amountFen(false, 10_000_000_00L)).as("5‰ of 1000万 is 5万, capped at 20000.50")
			.isEqualTo(2_000_050L);
		assertThat(rule.amountFen(false, 1_000_00L)).as("5‰ of 1000 is 5, raised to the floor").isEqualTo(500_00L);
		this.mvc.perform(get("/tips/reward-rules").with(user(chief)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("620422104")))
			.andExpect(content().string(containsString("500.00 / 20,000.50")));
		assertThat(
				this.jdbc.sql("select count(*) from audit_log where action = 'REWARD_RULE' and target_id = '620422104'")
					.query(Long.class)
					.single())
			.isPositive();
	}

	@Test
	void badFiguresOutsideRegionsAndOtherStaffChangeNothing() throws Exception {
		UserDetails chief = this.accounts.ready("chief");
		long before = this.jdbc.sql("select count(*) from reward_rule").query(Long.class).single();
		this.mvc
			.perform(post("/tips/reward-rules").with(user(chief))
				.with(csrf())
				.param("regionCode", "620422106000")
				.param("mode", "TIERS")
				.param("normal", "-5")
				.param("major", "1000"))
			.andExpect(flash().attribute("actionError", containsString("一般线索奖励不能为负数")));
		this.mvc
			.perform(post("/tips/reward-rules").with(user(chief))
				.with(csrf())
				.param("regionCode", "620421000000")
				.param("mode", "TIERS")
				.param("normal", "100")
				.param("major", "1000"))
			.andExpect(flash().attribute("actionError", containsString("管辖范围")));
		this.mvc
			.perform(post("/tips/reward-rules").with(user(this.accounts.ready("office")))
				.with(csrf())
				.param("regionCode", "620422106000")
				.param("mode", "TIERS")
				.param("normal", "100")
				.param("major", "1000"))
			.andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("select count(*) from reward_rule").query(Long.class).single()).isEqualTo(before);
	}

}
