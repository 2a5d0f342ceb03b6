package org.fangfei.app.monitoring;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangfei.app.monitoring.MonitoringTestSupport.count;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Flink job's HTTP sink posts alerts with a bearer token issued on /api-clients:
 * stored in the token account's jurisdiction, idempotent by alert id, a bad item refuses
 * the whole request with a message per item, no token is 401.
 */
@IntegrationTest
class MonitoringIngestTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	String tag;

	@BeforeEach
	void setUp() {
		this.tag = MonitoringFixtures.tag();
	}

	private String issue(String name, String username) throws Exception {
		return this.accounts.apiToken(this.mvc, name, username);
	}

	private String alert(String account, String pattern, String firstTime, String amountIn) {
		return """
				{"alertId":"%s-%s-1","account":"%s","pattern":"%s","score":85,"firstTime":"%s",
				 "lastTime":"2026-03-20T18:00:00","txCount":42,"amountIn":"%s","amountOut":"120000.00",
				 "counterparties":40,"explanation":"分散转入集中转出：30天内40个付款人转入"}
				""".formatted(account, pattern, account, pattern, firstTime, amountIn);
	}

	@Test
	void theFlinkJobPostsAlertsWithItsToken() throws Exception {
		this.accounts.ready("office");
		String token = issue("Flink 资金监测" + this.tag, "office");
		String a = "62220" + this.tag + "01";
		String b = "62220" + this.tag + "02";
		String body = "[" + alert(a, "SCATTER_IN_GATHER_OUT", "2026-03-01T09:30:00", "150000.50") + ","
				+ alert(b, "PERIODIC_BATCH_PAYOUT", "2026-03-02T10:00:00", "0") + "]";
		this.mvc
			.perform(post("/api/v1/monitoring/alerts").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.received").value(2))
			.andExpect(jsonPath("$.stored").value(2));
		assertThat(this.jdbc.sql("""
				select source || ' ' || region_code || ' ' || amount_in_fen || ' ' || first_time || ' ' || received_by
				from monitoring_alert where account = :a
				""").param("a", a).query(String.class).single())
			.isEqualTo("FLINK 620422000000 15000050 2026-03-01 09:30:00 office");

		// the job delivers at least once: a repeat stores nothing new
		this.mvc
			.perform(post("/api/v1/monitoring/alerts").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content(body))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stored").value(0))
			.andExpect(jsonPath("$.repeated").value(2));
		assertThat(count(this.jdbc, "select count(*) from monitoring_alert where account in (:p)", a)).isEqualTo(1);

		// one bad item refuses the whole request, with a message per item and field
		String c = "62220" + this.tag + "03";
		String bad = "[" + alert(c, "SCATTER_IN_GATHER_OUT", "2026-03-05T09:30:00", "1.00") + ","
				+ alert(c + "9", "PONZI", "2026-03-32T09:30:00", "-5") + "]";
		this.mvc
			.perform(post("/api/v1/monitoring/alerts").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.content(bad))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors['[1].pattern']").value(containsString("第 2 条：模式(pattern)“PONZI”不是已知的监测模式")))
			.andExpect(jsonPath("$.errors['[1].firstTime']").value(containsString("应为本地时间")))
			.andExpect(jsonPath("$.errors['[1].amountIn']").value(containsString("转入金额(amountIn)“-5”不能为负数")))
			.andExpect(jsonPath("$.detail").value(containsString("本批预警均未保存")));
		assertThat(count(this.jdbc, "select count(*) from monitoring_alert where account like :p", c + "%")).isZero();

		// no token, or a token whose account may not ingest
		this.mvc
			.perform(post("/api/v1/monitoring/alerts").contentType(MediaType.APPLICATION_JSON)
				.content("[" + alert(c, "SCATTER_IN_GATHER_OUT", "2026-03-05T09:30:00", "1.00") + "]"))
			.andExpect(status().isUnauthorized());
		this.accounts.ready("huishi");
		String township = issue("乡镇令牌" + this.tag, "huishi");
		this.mvc
			.perform(post("/api/v1/monitoring/alerts").header("Authorization", "Bearer " + township)
				.contentType(MediaType.APPLICATION_JSON)
				.content("[" + alert(c, "SCATTER_IN_GATHER_OUT", "2026-03-05T09:30:00", "1.00") + "]"))
			.andExpect(status().isForbidden());
		assertThat(count(this.jdbc, "select count(*) from monitoring_alert where account like :p", c + "%")).isZero();
		assertThat(count(this.jdbc, "select count(*) from audit_log where action = 'MONITORING_INGEST' and actor = :p",
				"office"))
			.isGreaterThanOrEqualTo(3);
	}

}
