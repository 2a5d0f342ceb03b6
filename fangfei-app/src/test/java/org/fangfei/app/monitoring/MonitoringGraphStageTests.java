package org.fangfei.app.monitoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.detect.Pattern;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangfei.app.monitoring.MonitoringTestSupport.uploadAndWait;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * An uploaded bank export runs the graph stage across accounts as {@code scan} does:
 * investors pay a collector A, A passes a large sum to B, and B pays those investors
 * small "interest" — B gets a 跨账户回流付息 alert, shown with its Chinese explanation and
 * pattern label.
 */
@IntegrationTest
class MonitoringGraphStageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	BatchRunner runner;

	@Autowired
	Alerts alerts;

	private int tx;

	private String row(LocalDate start, int day, String from, String to, long yuan) {
		this.tx++;
		return "G" + this.tx + "," + start.plusDays(day) + "T10:" + String.format("%02d", this.tx % 60) + ":00," + from
				+ ",某人," + to + ",某人," + yuan + ".00,网银,";
	}

	@Test
	void oneAccountCollectsAndAnotherPaysTheSameInvestors() throws Exception {
		UserDetails huishi = this.accounts.ready("huishi");
		String tag = MonitoringFixtures.tag();
		String collector = "6228480" + tag + "01";
		String payer = "6228480" + tag + "02";
		LocalDate start = LocalDate.now().minusDays(120);
		List<String> rows = new ArrayList<>();
		// The stream begins well before (no judgement in its first weeks).
		rows.add(row(start, 0, "6228480" + tag + "90", "6228480" + tag + "91", 100));
		for (int i = 0; i < 8; i++) {
			rows.add(row(start, 40 + i % 5, "6228480" + tag + "1" + i, collector, 20_000));
		}
		rows.add(row(start, 46, collector, payer, 120_000));
		for (int i = 0; i < 8; i++) {
			rows.add(row(start, 60, payer, "6228480" + tag + "1" + i, 400));
		}
		long batch = uploadAndWait(this.mvc, this.runner, huishi, "graph-" + tag + ".csv",
				MonitoringFixtures.standardCsv(rows));

		AlertRow alert = this.alerts
			.search(new AlertQuery(Pattern.INVESTOR_PAYBACK, null, null, batch), DataScope.all(), PageRequest.of(1, 5))
			.items()
			.stream()
			.filter((a) -> a.account().equals(payer))
			.findFirst()
			.orElseThrow(() -> new AssertionError("graph-stage alert not raised"));
		assertThat(alert.explanation()).contains("跨账户回流付息", collector, "5个出资人", "120000.00元");
		assertThat(alert.patternLabel()).isEqualTo("向出资人返本付息");
		this.mvc.perform(get("/monitoring/alerts/{id}", alert.id()).with(user(huishi)))
			.andExpect(content().string(containsString("跨账户回流付息")))
			.andExpect(content().string(containsString("向出资人返本付息")))
			.andExpect(content().string(not(containsString("INVESTOR_PAYBACK"))));
		this.mvc.perform(get("/monitoring/alerts").param("batch", Long.toString(batch)).with(user(huishi)))
			.andExpect(content().string(containsString("向出资人返本付息")))
			.andExpect(content().string(not(containsString(">INVESTOR_PAYBACK<"))));
	}

}
