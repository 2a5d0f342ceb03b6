package org.fangfei.app.monitoring;

import java.util.List;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.subject.Subject;
import org.fangfei.app.subject.SubjectForm;
import org.fangfei.app.subject.SubjectKind;
import org.fangfei.app.subject.SubjectStatus;
import org.fangfei.app.subject.Subjects;
import org.fangfei.detect.Alert;
import org.fangfei.detect.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangfei.app.monitoring.MonitoringTestSupport.count;
import static org.fangfei.app.monitoring.MonitoringTestSupport.uploadAndWait;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Handling alerts: turning one into a clue gives exactly one MONITORING clue linked to
 * the ledger subject that bears the holder's name; dismissing needs a reason; an alert
 * belongs to the uploader's jurisdiction and another township cannot see it.
 */
@IntegrationTest
class MonitoringAlertTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BatchRunner runner;

	@Autowired
	Alerts alerts;

	@Autowired
	Subjects subjects;

	UserDetails huishi;

	@BeforeEach
	void setUp() {
		this.huishi = this.accounts.ready("huishi");
	}

	/**
	 * Uploads the rows of a planted alert's account, its holder renamed; returns the
	 * stored alert.
	 */
	private AlertRow planted(UserDetails as, Pattern pattern, String holder) throws Exception {
		Alert alert = MonitoringFixtures.first(pattern);
		String tag = MonitoringFixtures.tag();
		List<String> rows = MonitoringFixtures.retag(MonitoringFixtures.rowsOf(alert), tag).stream().map((l) -> {
			String[] c = l.split(",", 9);
			if (c[2].equals(alert.account() + tag)) {
				c[3] = holder;
			}
			if (c[4].equals(alert.account() + tag)) {
				c[5] = holder;
			}
			return String.join(",", c);
		}).toList();
		long batch = uploadAndWait(this.mvc, this.runner, as, holder + ".csv", MonitoringFixtures.standardCsv(rows));
		return this.alerts.search(new AlertQuery(pattern, null, null, batch), DataScope.all(), PageRequest.of(1, 5))
			.items()
			.stream()
			.filter((a) -> a.account().equals(alert.account() + tag))
			.findFirst()
			.orElseThrow(() -> new AssertionError("planted alert not raised"));
	}

	@Test
	void anAlertBecomesExactlyOneMonitoringClueLinkedToTheHolder() throws Exception {
		String holder = "会师镇聚财商贸有限公司" + MonitoringFixtures.tag();
		Subject subject = this.subjects.create(
				new SubjectForm(SubjectKind.ENTERPRISE, holder, null, null, "", "", "", null, "", "620422100001", null,
						"", null, null, SubjectStatus.WATCHING, null, null),
				DataScope.jurisdiction("620422000000"), "office");
		AlertRow alert = planted(this.huishi, Pattern.FUNDRAISING_MEMO, holder);
		assertThat(alert.holderName()).isEqualTo(holder);
		assertThat(alert.regionCode()).isEqualTo("620422100000");

		// the region is required: a bank account has none
		this.mvc.perform(post("/monitoring/alerts/{id}/clue", alert.id()).with(user(this.huishi)).with(csrf()))
			.andExpect(content().string(containsString("请选择线索所在区划")));
		// and must be within the user's jurisdiction
		this.mvc
			.perform(post("/monitoring/alerts/{id}/clue", alert.id()).param("regionCode", "620422102001")
				.with(user(this.huishi))
				.with(csrf()))
			.andExpect(content().string(containsString("不在您的管辖范围内")));
		assertThat(count(this.jdbc, "select count(*) from clue where source_ref = :p", alert.alertId())).isZero();

		for (int i = 0; i < 2; i++) {
			this.mvc
				.perform(post("/monitoring/alerts/{id}/clue", alert.id()).param("regionCode", "620422100001")
					.with(user(this.huishi))
					.with(csrf()))
				.andExpect(redirectedUrl("/monitoring/alerts/" + alert.id()));
		}
		assertThat(count(this.jdbc, "select count(*) from clue where source = 'MONITORING' and source_ref = :p",
				alert.alertId()))
			.isEqualTo(1);
		long clueId = count(this.jdbc, "select id from clue where source_ref = :p", alert.alertId());
		assertThat(count(this.jdbc, "select subject_id from clue_subject where clue_id = :p", clueId))
			.isEqualTo(subject.id());
		assertThat(this.jdbc.sql("select amount_fen from clue where id = :id")
			.param("id", clueId)
			.query(Long.class)
			.single()).isEqualTo(alert.amountInFen());
		AlertRow clued = this.alerts.get(alert.id(), DataScope.all());
		assertThat(clued.status()).isEqualTo(AlertStatus.CLUED);
		assertThat(clued.clueId()).isEqualTo(clueId);
		this.mvc.perform(get("/monitoring/alerts/{id}", alert.id()).with(user(this.huishi)))
			.andExpect(content().string(containsString(clued.clueCode())))
			.andExpect(content().string(not(containsString("id=\"clue-form\""))));
		assertThat(count(this.jdbc,
				"select count(*) from audit_log where action = 'MONITORING_ALERT_CLUE' and target_id = :p",
				String.valueOf(alert.id())))
			.isEqualTo(1);

		// a clued alert cannot be dismissed
		this.mvc
			.perform(post("/monitoring/alerts/{id}/dismiss", alert.id()).param("reason", "误报")
				.with(user(this.huishi))
				.with(csrf()))
			.andExpect(content().string(containsString("不能排除")));
	}

	/**
	 * Issue 14, item 15: a leader reads the county's monitoring — the page, the alert
	 * list and one alert — but cannot turn an alert into a clue or dismiss it.
	 */
	@Test
	void aLeaderReadsTheAlertsButCannotActOnThem() throws Exception {
		AlertRow alert = planted(this.huishi, Pattern.FUNDRAISING_MEMO, "领导阅览商贸" + MonitoringFixtures.tag());
		UserDetails leader = this.accounts.ready("leader");
		this.mvc.perform(get("/monitoring").with(user(leader)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"menu-monitoring\"")))
			.andExpect(content().string(not(containsString("name=\"file\""))));
		this.mvc.perform(get("/monitoring/alerts").with(user(leader)).param("batch", String.valueOf(alert.batchId())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(alert.holderName())));
		String page = this.mvc.perform(get("/monitoring/alerts/{id}", alert.id()).with(user(leader)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(alert.holderName())))
			.andExpect(content().string(not(containsString("id=\"clue-form\""))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		// item 11: the number and the explanation read in Chinese, times without ISO's T
		assertThat(alert.alertId()).contains("FUNDRAISING_MEMO");
		assertThat(page).doesNotContain("FUNDRAISING_MEMO")
			.contains(Pattern.FUNDRAISING_MEMO.label())
			.doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
		this.mvc
			.perform(post("/monitoring/alerts/{id}/clue", alert.id()).param("regionCode", "620422100001")
				.with(user(leader))
				.with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/monitoring/alerts/{id}/dismiss", alert.id()).param("reason", "领导不应能排除预警")
				.with(user(leader))
				.with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void dismissingNeedsAReasonAndAnotherTownshipCannotSeeTheAlert() throws Exception {
		AlertRow alert = planted(this.huishi, Pattern.SCATTER_IN_GATHER_OUT, "某合作社" + MonitoringFixtures.tag());
		UserDetails hepan = this.accounts.ready("hepan");
		this.mvc.perform(get("/monitoring/alerts/{id}", alert.id()).with(user(hepan))).andExpect(status().isNotFound());
		this.mvc.perform(get("/monitoring/batches/{id}", alert.batchId()).with(user(hepan)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/monitoring/alerts").with(user(hepan)))
			.andExpect(content().string(not(containsString(alert.account()))));
		this.mvc
			.perform(post("/monitoring/alerts/{id}/clue", alert.id()).param("regionCode", "620422102001")
				.with(user(hepan))
				.with(csrf()))
			.andExpect(status().isNotFound());
		UserDetails office = this.accounts.ready("office");
		this.mvc.perform(get("/monitoring/alerts").with(user(office)).param("batch", String.valueOf(alert.batchId())))
			.andExpect(content().string(containsString(alert.account())));

		this.mvc
			.perform(post("/monitoring/alerts/{id}/dismiss", alert.id()).param("reason", " ")
				.with(user(this.huishi))
				.with(csrf()))
			.andExpect(content().string(containsString("请填写排除理由")));
		assertThat(this.alerts.get(alert.id(), DataScope.all()).status()).isEqualTo(AlertStatus.NEW);
		this.mvc
			.perform(post("/monitoring/alerts/{id}/dismiss", alert.id()).param("reason", "合作社收取社员股金，已核实")
				.with(user(this.huishi))
				.with(csrf()))
			.andExpect(redirectedUrl("/monitoring/alerts/" + alert.id()));
		AlertRow dismissed = this.alerts.get(alert.id(), DataScope.all());
		assertThat(dismissed.status()).isEqualTo(AlertStatus.DISMISSED);
		assertThat(dismissed.dismissReason()).isEqualTo("合作社收取社员股金，已核实");
		this.mvc
			.perform(post("/monitoring/alerts/{id}/clue", alert.id()).param("regionCode", "620422100001")
				.with(user(this.huishi))
				.with(csrf()))
			.andExpect(content().string(containsString("已被排除")));
		assertThat(count(this.jdbc, "select count(*) from clue where source_ref = :p", alert.alertId())).isZero();
	}

}
