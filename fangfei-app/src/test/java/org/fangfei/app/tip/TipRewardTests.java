package org.fangfei.app.tip;

import java.time.LocalDate;
import java.util.List;

import org.fangfei.app.EventsDelivered;
import org.fangfei.app.IntegrationTest;
import org.fangfei.app.clue.ClueEvent;
import org.fangfei.app.clue.ClueGrade;
import org.fangfei.app.clue.ClueState;
import org.fangfei.app.clue.Determination;
import org.fangfei.app.TestAccounts;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.BlindIndex;
import org.fangfei.app.shared.Conflict;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.FieldCipher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * 举报奖励: when a case opens, the amount by tiers or per-mille with floor and cap, the
 * first-reporter rule, the exclusions, approval, payment and the message to the reporter.
 */
@IntegrationTest
@EnableScenarios
class TipRewardTests {

	private Scenario scenario;

	@BeforeEach
	void scenario(Scenario scenario) {
		this.scenario = scenario;
	}

	private static final Actor HEAD = new Actor(1, "chief", "主任", "620422000000", null, true, java.util.Set.of(),
			java.util.Set.of(), DataScope.jurisdiction("620422000000"));

	@Autowired
	TipIntake intake;

	@Autowired
	Rewards rewards;

	@Autowired
	TipTracking tracking;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BlindIndex index;

	@Autowired
	FieldCipher cipher;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	private static int phones = 100;

	private TipIntake.Receipt send(String region, String subject, String amount, String name, boolean staff) {
		String phone = "1370000" + String.format("%04d", phones++);
		return send(region, subject, amount, name, phone, staff);
	}

	private TipIntake.Receipt send(String region, String subject, String amount, String name, String phone,
			boolean staff) {
		return this.intake.submit(new TipForm(region, subject, "", "", "承诺月息三分，动员村民投资入股。", amount, "", false, name,
				phone, "", true, staff, "", ""), List.of());
	}

	/**
	 * The clue found true: determined and under disposal, as the clue module's event
	 * tells it (the workflow itself is tested in the clue module; one test below walks
	 * it).
	 */
	private void verified(TipIntake.Receipt tip, String grade) {
		determined(tip, grade, Determination.SUSPECTED_ILLEGAL);
	}

	private void determined(TipIntake.Receipt tip, String grade, Determination what) {
		long clue = clueOf(tip);
		int version = this.jdbc.sql("""
				update clue set state = :s, determination = :d, grade = :g, version = version + 1
				where id = :c returning version
				""")
			.param("s", what.needsDisposal() ? "DISPOSING" : "FEEDBACK")
			.param("d", what.name())
			.param("g", grade)
			.param("c", clue)
			.query(Integer.class)
			.single();
		deliver(new ClueEvent.Determined(ref(clue, version), what, false, null, null));
	}

	/** Merges the tip's clue into another, as the clue module does and tells it. */
	private void merged(TipIntake.Receipt tip, long into) {
		long clue = clueOf(tip);
		int version = this.jdbc
			.sql("""
					update clue set state = 'MERGED', merged_into = :into, version = version + 1 where id = :c returning version
					""")
			.param("into", into)
			.param("c", clue)
			.query(Integer.class)
			.single();
		deliver(new ClueEvent.Merged(ref(clue, version), into, "XS-TARGET"));
	}

	private ClueEvent.ClueRef ref(long clue, int version) {
		return this.jdbc.sql("select code, region_code, grade, state from clue where id = :c")
			.param("c", clue)
			.query((rs, n) -> new ClueEvent.ClueRef(clue, rs.getString(1), rs.getString(2), null,
					ClueGrade.valueOf(rs.getString(3)), ClueState.valueOf(rs.getString(4)), version))
			.single();
	}

	/** Publishes in a transaction and waits until every listener has had it. */
	private void deliver(ClueEvent event) {
		this.scenario.publish(event).andWaitForStateChange(() -> EventsDelivered.undelivered(this.jdbc), n -> n == 0);
	}

	private Reward caseOf(TipIntake.Receipt tip) {
		return this.rewards.ofTip(tip.tipId()).orElseThrow();
	}

	@Test
	void noCaseUntilTheClueIsFoundTrueThenFixedTiersByGrade() {
		TipIntake.Receipt normal = send("620422100001", "甲某理财工作室", "", "赵一", false);
		TipIntake.Receipt major = send("620422100001", "乙某合作社", "", "钱二", false);
		this.rewards.openDue();
		assertThat(this.rewards.ofTip(normal.tipId())).isEmpty();
		determined(normal, "NORMAL", Determination.NOT_ILLEGAL);
		this.rewards.openDue();
		assertThat(this.rewards.ofTip(normal.tipId())).as("not illegal: no reward").isEmpty();
		determined(normal, "NORMAL", Determination.IRREGULAR);
		verified(major, "MAJOR");
		assertThat(caseOf(normal).amountFen()).isEqualTo(200_000);
		assertThat(caseOf(normal).state()).isEqualTo(Reward.State.PROPOSED);
		assertThat(caseOf(major).amountFen()).isEqualTo(1_000_000);
	}

	@Test
	void anEventOlderThanWhatTheTipHasSeenChangesNothing() {
		TipIntake.Receipt tip = send("620422100001", "甲乙某理财公司", "", "赵甲", false);
		verified(tip, "NORMAL");
		long clue = clueOf(tip);
		deliver(new ClueEvent.Disputed(ref(clue, 1), Determination.SUSPECTED_ILLEGAL));
		assertThat(this.jdbc.sql("select clue_confirmed from tip where id = :t")
			.param("t", tip.tipId())
			.query(Boolean.class)
			.single()).as("a dispute older than the determination seen").isTrue();
		int next = this.jdbc.sql("update clue set version = version + 1 where id = :c returning version")
			.param("c", clue)
			.query(Integer.class)
			.single();
		deliver(new ClueEvent.Disputed(ref(clue, next), Determination.SUSPECTED_ILLEGAL));
		assertThatThrownBy(() -> this.rewards.approve(tip.tipId(), "同意", HEAD)).isInstanceOf(Conflict.class)
			.hasMessageContaining("认定存在异议");
		assertThat(caseOf(tip).state()).isEqualTo(Reward.State.PROPOSED);
	}

	@Test
	void aDeterminationDeliveredAfterALaterMoveStillConfirmsTheTipAndOpensItsCase() {
		TipIntake.Receipt tip = send("620422100001", "乱序某理财公司", "", "孙乱", false);
		long clue = clueOf(tip);
		int determinedAt = this.jdbc.sql("""
				update clue set state = 'DISPOSING', determination = 'SUSPECTED_ILLEGAL', version = version + 1
				where id = :c returning version
				""").param("c", clue).query(Integer.class).single();
		int later = this.jdbc.sql("update clue set version = version + 1 where id = :c returning version")
			.param("c", clue)
			.query(Integer.class)
			.single();
		// the later move's event arrives first ...
		deliver(new ClueEvent.DisposalFinished(ref(clue, later), Determination.SUSPECTED_ILLEGAL, 1));
		assertThat(this.jdbc.sql("select clue_version from tip where id = :t")
			.param("t", tip.tipId())
			.query(Integer.class)
			.single()).isEqualTo(later);
		// ... and the 认定's after it
		deliver(new ClueEvent.Determined(ref(clue, determinedAt), Determination.SUSPECTED_ILLEGAL, false, null, null));
		assertThat(this.jdbc.sql("select clue_confirmed from tip where id = :t")
			.param("t", tip.tipId())
			.query(Boolean.class)
			.single()).as("confirmed although its event came late").isTrue();
		assertThat(caseOf(tip).state()).isEqualTo(Reward.State.PROPOSED);
	}

	@Test
	void theSweepOpensCasesLeftBehindOneTipAtATime() {
		TipIntake.Receipt first = send("620422100001", "卯某粮油店", "", "秦一", false);
		TipIntake.Receipt second = send("620422100001", "辰某种植社", "", "尤二", false);
		// confirmed, but the listener's delivery was lost (as after a crash)
		this.jdbc.sql("update tip set clue_confirmed = true where id in (:a, :b)")
			.param("a", first.tipId())
			.param("b", second.tipId())
			.update();
		// the second tip's clue is gone from under it: its case cannot open, the first's
		// does
		this.jdbc.sql("update tip set clue_root_id = -1 where id = :b").param("b", second.tipId()).update();
		int opened = this.rewards.openDue();
		assertThat(opened).isPositive();
		assertThat(this.rewards.ofTip(first.tipId())).isPresent();
		assertThat(this.rewards.ofTip(second.tipId())).isEmpty();
		this.jdbc.sql("update tip set clue_root_id = clue_id where id = :b").param("b", second.tipId()).update();
		this.rewards.openDue();
		assertThat(this.rewards.ofTip(second.tipId())).isPresent();
	}

	/**
	 * The sweep runs on the scheduler's thread, whose clock is never held: while the demo
	 * loads its year of history it may open a case before {@code tip.rewards} does. The
	 * case is dated at the clue's determination (as the demo part dates it), not when the
	 * sweep happened to run.
	 */
	@Test
	void theSweepDatesACaseAtTheClueDeterminationNotWhenItRuns(@Autowired RewardWatch watch) {
		TipIntake.Receipt tip = send("620422100001", "巳某商贸", "", "冯五", false);
		long clue = clueOf(tip);
		java.time.OffsetDateTime determined = java.time.OffsetDateTime.parse("2025-03-04T10:00:00+08:00");
		this.jdbc.sql("update clue set state = 'DISPOSING', determination = 'SUSPECTED_ILLEGAL' where id = :c")
			.param("c", clue)
			.update();
		this.jdbc.sql("""
				insert into clue_event (clue_id, occurred_at, actor, actor_name, kind, from_state, to_state, note)
				values (:c, :at, 'office', '县处非办', '认定', 'ASSESSING', 'DISPOSING', '涉嫌非法集资')
				""").param("c", clue).param("at", determined).update();
		// confirmed, its case not opened yet (the listener's delivery still to come)
		this.jdbc.sql("update tip set clue_confirmed = true where id = :t").param("t", tip.tipId()).update();
		String free = "update shedlock set lock_until = timezone('utc', now()) where name = 'tip-rewards'";
		this.jdbc.sql(free).update();
		try {
			watch.sweep();
		}
		finally {
			this.jdbc.sql(free).update();
		}
		assertThat(this.jdbc.sql("select created_at from reward where tip_id = :t")
			.param("t", tip.tipId())
			.query(java.time.OffsetDateTime.class)
			.single()).isAtSameInstantAs(determined);
	}

	@Test
	void perMilleWithFloorAndCapPerJurisdiction() {
		this.rewards.saveRule(new RewardRule("620422102", RewardRule.Mode.PER_MILLE, null, null, 10, 50_000L, 500_000L),
				HEAD);
		String hepan = this.jdbc
			.sql("select code from region where code like '620422102%' and level = 'VILLAGE' order by code limit 1")
			.query(String.class)
			.single();
		TipIntake.Receipt middle = send(hepan, "丙某养殖场", "100000", "孙三", false);
		TipIntake.Receipt small = send(hepan, "丁某商行", "10000", "李四", false);
		TipIntake.Receipt huge = send(hepan, "戊某投资公司", "90000000", "周五", false);
		TipIntake.Receipt unknown = send(hepan, "己某茶社", "", "吴六", false);
		TipIntake.Receipt elsewhere = send("620422100001", "庚某超市", "100000", "郑七", false);
		for (TipIntake.Receipt r : List.of(middle, small, huge, unknown, elsewhere)) {
			verified(r, "NORMAL");
		}
		assertThat(caseOf(middle).amountFen()).isEqualTo(100_000);
		assertThat(caseOf(small).amountFen()).as("floor").isEqualTo(50_000);
		assertThat(caseOf(huge).amountFen()).as("cap").isEqualTo(500_000);
		assertThat(caseOf(unknown).amountFen()).as("amount unknown: floor").isEqualTo(50_000);
		assertThat(caseOf(elsewhere).amountFen()).as("default rule elsewhere").isEqualTo(200_000);
		assertThat(caseOf(middle).basis()).contains("千分之10");
		assertThatThrownBy(() -> this.rewards
			.saveRule(new RewardRule("620422102", RewardRule.Mode.PER_MILLE, null, null, 10, 50_000L, 100L), HEAD))
			.hasMessageContaining("最高金额不得低于最低金额");
	}

	@Test
	void theFirstReporterOfTheSameFactWinsAndFactsKnownBeforeEarnNothing() {
		TipIntake.Receipt first = send("620422100001", "辛某养老院", "", "王八", false);
		TipIntake.Receipt second = send("620422100001", "辛某养老院(分店)", "", "冯九", false);
		merged(second, clueOf(first));
		verified(first, "NORMAL");
		assertThat(caseOf(first).state()).isEqualTo(Reward.State.PROPOSED);
		Reward later = caseOf(second);
		assertThat(later.state()).isEqualTo(Reward.State.EXCLUDED);
		assertThat(later.exclusions()).contains("首位举报人");
		assertThat(later.amountFen()).isZero();

		long known = this.jdbc.sql("""
				insert into clue (code, source, received_at, title, description, region_code, state, created_by)
				values ('XSKNOWN' || nextval('clue_code_seq'), 'PATROL', now() - interval '3 days', '巡查发现', '巡查发现高息揽储',
				  '620422100001', 'DISPOSING', 'grid') returning id
				""").query(Long.class).single();
		this.jdbc.sql("update clue set determination = 'SUSPECTED_ILLEGAL' where id = :id").param("id", known).update();
		TipIntake.Receipt afterwards = send("620422100001", "壬某会所", "", "陈十", false);
		merged(afterwards, known);
		Reward c = caseOf(afterwards);
		assertThat(c.state()).isEqualTo(Reward.State.EXCLUDED);
		assertThat(c.exclusions()).contains("举报前已掌握");
	}

	@Test
	void staffRelativesAndSuspectsAreExcluded() {
		TipIntake.Receipt declared = send("620422100001", "癸某农庄", "", "褚一", true);
		String staffPhone = "13700009999";
		long person = this.jdbc.sql("""
				insert into person (name, role, region_code, phone_idx, phone_masked)
				values ('某工作人员', 'STAFF', '620422100001', :i, '137****9999') returning id
				""").param("i", this.index.of("person.phone", staffPhone)).query(Long.class).single();
		this.jdbc.sql("update person set phone_enc = :e where id = :id")
			.param("e", this.cipher.encrypt(staffPhone, "person.phone:" + person))
			.param("id", person)
			.update();
		TipIntake.Receipt staff = send("620422100001", "子某酒坊", "", "卫二", staffPhone, false);
		var subject = this.jdbc.sql("""
				select s.id, s.name from subject s
				where (select count(*) from subject o where o.name = s.name) = 1 order by s.id desc limit 1
				""").query().singleRow();
		this.jdbc.sql("update subject set legal_representative = '韩法人' where id = :id")
			.param("id", subject.get("id"))
			.update();
		subject.put("legal_representative", "韩法人");
		TipIntake.Receipt suspect = send("620422100001", (String) subject.get("name"), "",
				(String) subject.get("legal_representative"), false);
		for (TipIntake.Receipt r : List.of(declared, staff, suspect)) {
			verified(r, "NORMAL");
		}
		assertThat(caseOf(declared).exclusions()).contains("声明为工作人员");
		assertThat(caseOf(staff).exclusions()).contains("手机号与人员库");
		assertThat(caseOf(suspect).exclusions()).contains("法定代表人");
	}

	@Test
	void theOfficeHeadApprovesAndPaysAndTheReporterIsTold() throws Exception {
		TipIntake.Receipt tip = send("620422100001", "丑某商贸", "", "蒋三", false);
		verified(tip, "NORMAL");
		UserDetails chief = this.accounts.ready("chief");
		UserDetails office = this.accounts.ready("office");
		String officePage = this.mvc.perform(get("/tips/" + tip.tipId()).with(user(office)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(officePage).as("reward details are confidential")
			.doesNotContain("id=\"reward\"")
			.doesNotContain("2,000.00 元");
		this.mvc.perform(post("/tips/" + tip.tipId() + "/reward/approve").with(user(office)).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(
					post("/tips/" + tip.tipId() + "/reward/approve").with(user(chief)).with(csrf()).param("note", "同意"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.rewards.ofTip(tip.tipId()).orElseThrow().state()).isEqualTo(Reward.State.APPROVED);
		assertThatThrownBy(() -> this.rewards.approve(tip.tipId(), "", HEAD)).isInstanceOf(Conflict.class);
		this.mvc
			.perform(post("/tips/" + tip.tipId() + "/reward/pay").with(user(chief))
				.with(csrf())
				.param("paidOn", LocalDate.now().toString())
				.param("reference", "财付2026-001"))
			.andExpect(status().is3xxRedirection());
		Reward paid = this.rewards.ofTip(tip.tipId()).orElseThrow();
		assertThat(paid.state()).isEqualTo(Reward.State.PAID);
		assertThat(this.jdbc.sql("select payment_enc from reward where id = :id")
			.param("id", paid.id())
			.query(byte[].class)
			.single()).isNotEmpty();
		assertThat(this.tracking.status(tip.tipId()).messages()).extracting(TipMessage::body)
			.anySatisfy(b -> assertThat(b).contains("已批准举报奖励2,000.00元"))
			.anySatisfy(b -> assertThat(b).contains("奖励已发放"));
		String chiefPage = this.mvc.perform(get("/tips/" + tip.tipId()).with(user(chief)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(chiefPage).contains("已发放", "2,000.00 元").doesNotContain("财付2026-001");
	}

	@Test
	void aTipWalkedThroughTheRealWorkflowOpensItsCase() throws Exception {
		TipIntake.Receipt tip = send("620422100001", "寅某农资店", "50000", "沈四", false);
		long clue = clueOf(tip);
		UserDetails office = this.accounts.ready("office");
		UserDetails huishi = this.accounts.ready("huishi");
		UserDetails chief = this.accounts.ready("chief");
		move(office, clue, "ACCEPT", "{\"version\":0}");
		move(office, clue, "DISPATCH", "{\"version\":1,\"unit\":\"R620422100000\"}");
		move(huishi, clue, "RECEIVE", "{\"version\":2}");
		EventsDelivered.await(this.jdbc);
		assertThat(this.rewards.ofTip(tip.tipId())).isEmpty();
		assertThat(this.tracking.status(tip.tipId()).status()).isEqualTo(TipStatus.CHECKING);
		move(huishi, clue, "VERIFY", "{\"version\":3,\"investigators\":\"张伟、李四\",\"visitedOn\":\"" + LocalDate.now()
				+ "\",\"findings\":\"属实\"}");
		move(chief, clue, "DETERMINE",
				"{\"version\":4,\"determination\":\"SUSPECTED_ILLEGAL\",\"note\":\"涉嫌非法吸收公众存款\"}");
		EventsDelivered.await(this.jdbc);
		assertThat(caseOf(tip).state()).isEqualTo(Reward.State.PROPOSED);
		assertThat(this.tracking.status(tip.tipId()).status()).isEqualTo(TipStatus.CHECKING);
	}

	@Test
	void theRewardIsComputedOnTheAmountTheTownshipVerified() throws Exception {
		String village = this.jdbc.sql(
				"select code from region where code like '620422100%' and level = 'VILLAGE' order by code desc limit 1")
			.query(String.class)
			.single();
		this.rewards.saveRule(new RewardRule(village, RewardRule.Mode.PER_MILLE, null, null, 10, 1_000L, null), HEAD);
		TipIntake.Receipt tip = send(village, "卯某理财工作室", "500000", "韩五", false);
		long clue = clueOf(tip);
		UserDetails office = this.accounts.ready("office");
		UserDetails huishi = this.accounts.ready("huishi");
		UserDetails chief = this.accounts.ready("chief");
		move(office, clue, "ACCEPT", "{\"version\":0}");
		move(office, clue, "DISPATCH", "{\"version\":1,\"unit\":\"R620422100000\"}");
		move(huishi, clue, "RECEIVE", "{\"version\":2}");
		move(huishi, clue, "VERIFY", "{\"version\":3,\"investigators\":\"张伟、李四\",\"visitedOn\":\"" + LocalDate.now()
				+ "\",\"findings\":\"账本显示吸收资金62万元\",\"amount\":\"620000\",\"peopleCount\":18}");
		move(chief, clue, "DETERMINE",
				"{\"version\":4,\"determination\":\"SUSPECTED_ILLEGAL\",\"note\":\"涉嫌非法吸收公众存款\"}");
		EventsDelivered.await(this.jdbc);
		// 千分之10 of the verified 620,000 元, not of the 500,000 元 the tip said
		assertThat(caseOf(tip).amountFen()).isEqualTo(620_000L);
	}

	private void move(UserDetails who, long id, String action, String json) throws Exception {
		this.mvc
			.perform(post("/api/v1/clues/" + id + "/moves/" + action).with(user(who))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andExpect(status().isOk());
	}

	private long clueOf(TipIntake.Receipt tip) {
		return this.jdbc.sql("select clue_id from tip where id = :t")
			.param("t", tip.tipId())
			.query(Long.class)
			.single();
	}

}
