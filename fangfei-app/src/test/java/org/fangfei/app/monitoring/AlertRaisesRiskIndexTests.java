package org.fangfei.app.monitoring;

import java.util.List;
import java.util.Map;

import org.fangfei.app.EventsDelivered;
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
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangfei.app.monitoring.MonitoringTestSupport.uploadAndWait;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * An alert raised on the account of a ledger subject moves the subject's risk index at
 * once ({@link AlertRaised}, heard by the warning module), before anyone turns it into a
 * clue; the index's contribution names the alert and links to it. An alert whose holder
 * is no ledger subject moves no index.
 */
@IntegrationTest
class AlertRaisesRiskIndexTests {

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

	@Test
	void anAlertOnASubjectsAccountRaisesItsIndexAndNamesTheAlert() throws Exception {
		String holder = "会师镇融通信息咨询有限公司" + MonitoringFixtures.tag();
		Subject subject = this.subjects.create(
				new SubjectForm(SubjectKind.ENTERPRISE, holder, null, null, "", "", "", null, "", "620422100001", null,
						"", null, null, SubjectStatus.WATCHING, null, null),
				DataScope.jurisdiction("620422000000"), "office");
		EventsDelivered.await(this.jdbc);
		int before = score(subject.id());

		AlertRow alert = planted(Pattern.FUNDRAISING_MEMO, holder);
		EventsDelivered.await(this.jdbc);

		Map<String, Object> signal = this.jdbc.sql(
				"select kind, ref_id, strength, label, link from warning_signal where subject_id = ? and ref_kind = 'ALERT'")
			.param(subject.id())
			.query()
			.singleRow();
		assertThat(signal).containsEntry("kind", "MONITORING").containsEntry("ref_id", alert.id());
		assertThat((String) signal.get("label")).contains(Pattern.FUNDRAISING_MEMO.label())
			.contains("评分 " + alert.score());
		assertThat(signal).containsEntry("link", "/monitoring/alerts/" + alert.id());
		assertThat(score(subject.id())).as("the alert moves the index").isGreaterThan(before);

		this.mvc.perform(get("/warnings/subjects/{id}", subject.id()).with(user(this.accounts.ready("office"))))
			.andExpect(content().string(containsString("资金监测预警：" + Pattern.FUNDRAISING_MEMO.label())))
			.andExpect(content().string(containsString("/monitoring/alerts/" + alert.id())));
	}

	@Test
	void anAlertOnAnAccountOfNoSubjectMovesNoIndex() throws Exception {
		String holder = "张某某" + MonitoringFixtures.tag();
		AlertRow alert = planted(Pattern.FUNDRAISING_MEMO, holder);
		EventsDelivered.await(this.jdbc);
		assertThat(this.jdbc.sql("select count(*) from warning_signal where ref_kind = 'ALERT' and ref_id = ?")
			.param(alert.id())
			.query(Long.class)
			.single()).isZero();
	}

	private int score(long subjectId) {
		return this.jdbc.sql("select coalesce(max(score), 0) from warning_subject where subject_id = ?")
			.param(subjectId)
			.query(Integer.class)
			.single();
	}

	/**
	 * Uploads the rows of a planted alert's account, its holder renamed; the stored
	 * alert.
	 */
	private AlertRow planted(Pattern pattern, String holder) throws Exception {
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
		long batch = uploadAndWait(this.mvc, this.runner, this.accounts.ready("huishi"), holder + ".csv",
				MonitoringFixtures.standardCsv(rows));
		return this.alerts.search(new AlertQuery(pattern, null, null, batch), DataScope.all(), PageRequest.of(1, 5))
			.items()
			.stream()
			.filter((a) -> a.account().equals(alert.account() + tag))
			.findFirst()
			.orElseThrow(() -> new AssertionError("planted alert not raised"));
	}

}
