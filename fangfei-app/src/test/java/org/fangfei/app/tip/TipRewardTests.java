package org.fangfei.app.tip;

import java.time.LocalDate;
import java.util.List;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.BlindIndex;
import org.fangfei.app.shared.Conflict;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.FieldCipher;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
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
class TipRewardTests {

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
	 * The clue found true: determined and under disposal (the workflow itself is tested
	 * in the clue module).
	 */
	private void verified(TipIntake.Receipt tip, String grade) {
		this.jdbc.sql("""
				update clue set state = 'DISPOSING', determination = 'SUSPECTED_ILLEGAL', grade = :g
				where id = (select clue_id from tip where id = :t)
				""").param("g", grade).param("t", tip.tipId()).update();
	}

	private Rewards.Case caseOf(TipIntake.Receipt tip) {
		this.rewards.openDue();
		return this.rewards.ofTip(tip.tipId()).orElseThrow();
	}

	@Test
	void noCaseUntilTheClueIsFoundTrueThenFixedTiersByGrade() {
		TipIntake.Receipt normal = send("620422100001", "甲某理财工作室", "", "赵一", false);
		TipIntake.Receipt major = send("620422100001", "乙某合作社", "", "钱二", false);
		this.rewards.openDue();
		assertThat(this.rewards.ofTip(normal.tipId())).isEmpty();
		this.jdbc.sql(
				"update clue set state = 'FEEDBACK', determination = 'NOT_ILLEGAL' where id = (select clue_id from tip where id = :t)")
			.param("t", normal.tipId())
			.update();
		this.rewards.openDue();
		assertThat(this.rewards.ofTip(normal.tipId())).as("not illegal: no reward").isEmpty();
		this.jdbc.sql(
				"update clue set state = 'DISPOSING', determination = 'IRREGULAR' where id = (select clue_id from tip where id = :t)")
			.param("t", normal.tipId())
			.update();
		verified(major, "MAJOR");
		assertThat(caseOf(normal).amountFen()).isEqualTo(200_000);
		assertThat(caseOf(normal).state()).isEqualTo(Rewards.State.PROPOSED);
		assertThat(caseOf(major).amountFen()).isEqualTo(1_000_000);
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
		long firstClue = clueOf(first);
		this.jdbc.sql("update clue set state = 'MERGED', merged_into = :into where id = :c")
			.param("into", firstClue)
			.param("c", clueOf(second))
			.update();
		verified(first, "NORMAL");
		assertThat(caseOf(first).state()).isEqualTo(Rewards.State.PROPOSED);
		Rewards.Case later = caseOf(second);
		assertThat(later.state()).isEqualTo(Rewards.State.EXCLUDED);
		assertThat(later.exclusions()).contains("首位举报人");
		assertThat(later.amountFen()).isZero();

		long known = this.jdbc.sql("""
				insert into clue (code, source, received_at, title, description, region_code, state, created_by)
				values ('XSKNOWN' || nextval('clue_code_seq'), 'PATROL', now() - interval '3 days', '巡查发现', '巡查发现高息揽储',
				  '620422100001', 'DISPOSING', 'grid') returning id
				""").query(Long.class).single();
		this.jdbc.sql("update clue set determination = 'SUSPECTED_ILLEGAL' where id = :id").param("id", known).update();
		TipIntake.Receipt afterwards = send("620422100001", "壬某会所", "", "陈十", false);
		this.jdbc.sql("update clue set state = 'MERGED', merged_into = :k where id = :c")
			.param("k", known)
			.param("c", clueOf(afterwards))
			.update();
		Rewards.Case c = caseOf(afterwards);
		assertThat(c.state()).isEqualTo(Rewards.State.EXCLUDED);
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
		this.rewards.openDue();
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
		assertThat(this.rewards.ofTip(tip.tipId()).orElseThrow().state()).isEqualTo(Rewards.State.APPROVED);
		assertThatThrownBy(() -> this.rewards.approve(tip.tipId(), "", HEAD)).isInstanceOf(Conflict.class);
		this.mvc
			.perform(post("/tips/" + tip.tipId() + "/reward/pay").with(user(chief))
				.with(csrf())
				.param("paidOn", LocalDate.now().toString())
				.param("reference", "财付2026-001"))
			.andExpect(status().is3xxRedirection());
		Rewards.Case paid = this.rewards.ofTip(tip.tipId()).orElseThrow();
		assertThat(paid.state()).isEqualTo(Rewards.State.PAID);
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
		this.rewards.openDue();
		assertThat(this.rewards.ofTip(tip.tipId())).isEmpty();
		move(huishi, clue, "VERIFY", "{\"version\":3,\"investigators\":\"张伟、李四\",\"visitedOn\":\"" + LocalDate.now()
				+ "\",\"findings\":\"属实\"}");
		move(chief, clue, "DETERMINE",
				"{\"version\":4,\"determination\":\"SUSPECTED_ILLEGAL\",\"note\":\"涉嫌非法吸收公众存款\"}");
		assertThat(caseOf(tip).state()).isEqualTo(Rewards.State.PROPOSED);
		assertThat(this.tracking.status(tip.tipId()).status()).isEqualTo(TipStatus.CHECKING);
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
