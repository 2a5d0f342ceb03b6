package org.fangfei.app.tip;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.fangfei.app.clue.ClueEvent;
import org.fangfei.app.clue.ClueGrade;
import org.fangfei.app.clue.ClueState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangfei.app.Stimulus.unchecked;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What the reporter is told follows the clue's real workflow through the clue module's
 * events: 已收到 → 核查处理中 → 已办结, and a tip whose clue was merged follows the clue that goes
 * on.
 */
@IntegrationTest
@EnableScenarios
class TipProgressTests {

	@Autowired
	TipIntake intake;

	@Autowired
	TipTracking tracking;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ClueProgressOfTips progress;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	UserDetails office;

	UserDetails huishi;

	UserDetails chief;

	@BeforeEach
	void setUp() {
		this.office = this.accounts.ready("office");
		this.huishi = this.accounts.ready("huishi");
		this.chief = this.accounts.ready("chief");
	}

	private TipIntake.Receipt send(String subject) {
		return this.intake.submit(new TipForm("620422100001", subject, "", "", "承诺月息三分，动员村民投资入股。", "", "", true, "", "",
				"", false, false, "", ""), List.of());
	}

	private TipStatus status(TipIntake.Receipt tip) {
		return this.tracking.status(tip.tipId()).status();
	}

	@Test
	void theReporterIsToldWhereTheMatterStands(Scenario scenario) throws Exception {
		TipIntake.Receipt tip = send("进度某理财店");
		long clue = clueOf(tip);
		assertThat(status(tip)).isEqualTo(TipStatus.RECEIVED);
		scenario.stimulate(unchecked(() -> move(this.office, clue, "ACCEPT", "{\"version\":0}")))
			.andWaitAtMost(Duration.ofSeconds(20))
			.andWaitForStateChange(() -> status(tip), s -> s == TipStatus.CHECKING)
			.andVerify(s -> assertThat(s).isEqualTo(TipStatus.CHECKING));
		move(this.office, clue, "DISPATCH", "{\"version\":1,\"unit\":\"R620422100000\"}");
		move(this.huishi, clue, "RECEIVE", "{\"version\":2}");
		move(this.huishi, clue, "VERIFY", "{\"version\":3,\"investigators\":\"张伟、李四\",\"visitedOn\":\""
				+ LocalDate.now() + "\",\"findings\":\"经核实，仅亲友间借款\"}");
		scenario
			.stimulate(unchecked(() -> move(this.chief, clue, "DETERMINE",
					"{\"version\":4,\"determination\":\"NOT_ILLEGAL\",\"note\":\"亲友间借款，未向社会公开宣传\"}")))
			.andWaitAtMost(Duration.ofSeconds(20))
			.andWaitForStateChange(() -> status(tip), s -> s == TipStatus.FINISHING)
			.andVerify(s -> assertThat(this.jdbc.sql("select clue_version, clue_confirmed from tip where id = :t")
				.param("t", tip.tipId())
				.query()
				.singleRow()).containsEntry("clue_version", 5).containsEntry("clue_confirmed", false));

		// issue 14, item 2: the feedback reaches the reporter, and 已办结 only once closed
		// out
		String feedback = "经核查，系亲友间借款，未向社会公开宣传，不构成非法集资。感谢您的举报。";
		scenario
			.stimulate(unchecked(
					() -> move(this.office, clue, "FEEDBACK", "{\"version\":5,\"note\":\"" + feedback + "\"}")))
			.andWaitAtMost(Duration.ofSeconds(20))
			.andWaitForStateChange(() -> this.tracking.status(tip.tipId()).messages(), m -> !m.isEmpty())
			.andVerify(messages -> assertThat(messages).singleElement().satisfies(m -> {
				assertThat(m.body()).isEqualTo(feedback);
				assertThat(m.sender()).isEqualTo("处非办 办理结果反馈");
			}));
		assertThat(status(tip)).as("fed back but not closed out").isEqualTo(TipStatus.FINISHING);
		ClueEvent.ClueRef ref = new ClueEvent.ClueRef(clue, "", "620422100001", null, ClueGrade.NORMAL,
				ClueState.FEEDBACK, 6);
		this.progress.on(new ClueEvent.FeedbackGiven(ref, feedback));
		assertThat(this.tracking.status(tip.tipId()).messages()).as("a repeated delivery adds nothing").hasSize(1);
		scenario.stimulate(unchecked(() -> move(this.chief, clue, "CLOSE", "{\"version\":6,\"note\":\"销号\"}")))
			.andWaitAtMost(Duration.ofSeconds(20))
			.andWaitForStateChange(() -> status(tip), s -> s == TipStatus.HANDLED)
			.andVerify(s -> assertThat(s.label()).isEqualTo("已办结"));
	}

	@Test
	void whatAReporterAddsIsNoticedByTheOffice() {
		TipIntake.Receipt tip = send("补充通知某投资公司");
		this.tracking.addInformation(tip.tipId(), "他们周六还要在村委会开推介会", List.of());
		var notice = this.jdbc.sql("select kind, to_role, to_region_prefix, title, body from notice where link = :l")
			.param("l", "/tips/" + tip.tipId())
			.query()
			.singleRow();
		assertThat(notice).containsEntry("kind", "INFO")
			.containsEntry("to_role", "OFFICE")
			.containsEntry("to_region_prefix", "620422")
			.containsEntry("body", "他们周六还要在村委会开推介会");
		assertThat(notice.get("title").toString()).contains("举报人补充", "#" + tip.tipId());
	}

	@Test
	void aTipWhoseClueWasMergedFollowsTheClueThatGoesOn(Scenario scenario) throws Exception {
		TipIntake.Receipt first = send("合并进度某合作社");
		TipIntake.Receipt second = send("合并进度某合作社分社");
		long target = clueOf(first);
		move(this.office, target, "ACCEPT", "{\"version\":0}");
		String targetCode = this.jdbc.sql("select code from clue where id = :c")
			.param("c", target)
			.query(String.class)
			.single();
		scenario
			.stimulate(unchecked(() -> move(this.office, clueOf(second), "MERGE",
					"{\"version\":0,\"target\":\"" + targetCode + "\"}")))
			.andWaitAtMost(Duration.ofSeconds(20))
			.andWaitForStateChange(() -> rootOf(second), root -> root == target)
			.andVerify(root -> assertThat(status(second)).as("the target is in hand").isEqualTo(TipStatus.CHECKING));
		scenario
			.stimulate(unchecked(
					() -> move(this.office, target, "DISPATCH", "{\"version\":1,\"unit\":\"R620422100000\"}")))
			.andWaitAtMost(Duration.ofSeconds(20))
			.andWaitForStateChange(() -> this.jdbc.sql("select clue_version from tip where id = :t")
				.param("t", second.tipId())
				.query(Integer.class)
				.single(), v -> v == 2)
			.andVerify(v -> assertThat(status(second)).isEqualTo(TipStatus.CHECKING));
	}

	private long rootOf(TipIntake.Receipt tip) {
		return this.jdbc.sql("select clue_root_id from tip where id = :t")
			.param("t", tip.tipId())
			.query(Long.class)
			.single();
	}

	private long clueOf(TipIntake.Receipt tip) {
		return this.jdbc.sql("select clue_id from tip where id = :t")
			.param("t", tip.tipId())
			.query(Long.class)
			.single();
	}

	private void move(UserDetails who, long id, String action, String json) throws Exception {
		this.mvc
			.perform(post("/api/v1/clues/" + id + "/moves/" + action).with(user(who))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andExpect(MockMvcResultMatchers.status().isOk());
	}

}
