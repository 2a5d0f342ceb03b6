package org.fangfei.app.casefile;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.fangfei.app.EventsDelivered;
import org.fangfei.app.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case ledger end to end through its API: a determined clue waiting for the office
 * and opened into a case, direct registration with every bad input refused, stage moves
 * along both paths, key cases and regions involved with their notices, and leadership.
 */
@IntegrationTest
class CaseLedgerTests extends CaseTestSupport {

	@Test
	void aClueDeterminedAsSuspectedCrimeWaitsForTheOfficeAndOpensOneCase() throws Exception {
		long clue = determinedClue("SUSPECTED_CRIME", "2000000");
		Map<String, Object> waiting = this.jdbc.sql("select * from case_candidate where clue_id = :c")
			.param("c", clue)
			.query()
			.singleRow();
		assertThat(waiting).containsEntry("status", "WAITING")
			.containsEntry("suggested_path", "CRIMINAL")
			.containsEntry("amount_fen", 2_000_000_00L);
		assertThat(count("select count(*) from notice where dedup_key = ? and resolved_at is null",
				CaseCandidates.dedupKey(clue)))
			.isEqualTo(1);
		String list = getAs(this.office, "/api/v1/cases/candidates").getContentAsString();
		assertThat(JsonPath.parse(list).read("$[*].clueId", List.class)).contains((int) clue);
		// a township sees no clue of the county's office list
		assertThat(getAs(this.hepan, "/api/v1/cases/candidates").getContentAsString())
			.doesNotContain("\"clueId\":" + clue);

		Map<String, Object> form = caseForm("CRIMINAL", "FILED");
		form.put("clueId", clue);
		form.put("stageOn", LocalDate.now().toString());
		long id = register(this.office, form);
		Map<String, Object> row = row(id);
		assertThat(row).containsEntry("origin", "CLUE")
			.containsEntry("clue_id", clue)
			.containsEntry("stage", "FILED")
			.containsEntry("criminal_filed_on", java.sql.Date.valueOf(LocalDate.now()));
		assertThat(this.jdbc.sql("select status from case_candidate where clue_id = :c")
			.param("c", clue)
			.query(String.class)
			.single()).isEqualTo("OPENED");
		assertThat(count("select count(*) from notice where dedup_key = ? and resolved_at is null",
				CaseCandidates.dedupKey(clue)))
			.isZero();
		assertThat(timeline(id)).containsExactly("登记");
		assertThat(
				count("select count(*) from audit_log where action = 'CASE_OPEN' and target_id = ?", Long.toString(id)))
			.isEqualTo(1);

		// one clue, one case
		MockHttpServletResponse again = postJson(this.office, "/api/v1/cases", form);
		assertThat(again.getStatus()).isEqualTo(400);
		assertThat(JsonPath.parse(again.getContentAsString()).read("$.detail", String.class)).contains("已建立案件");
		assertThat(count("select count(*) from case_file where clue_id = ?", clue)).isEqualTo(1);
		// the clue page's case is found from the clue
		assertThat(getAs(this.office, "/cases/" + id).getContentAsString()).contains("id=\"case-clue\"");
		assertThat(getAs(this.office, "/clues/" + clue).getContentAsString()).contains("href=\"/cases/" + id + "\"")
			.contains("已立案：");
	}

	@Test
	void aClueDeterminedAsIrregularOrTransferredToThePolice() throws Exception {
		long irregular = determinedClue("IRREGULAR", "20000");
		assertThat(count("select count(*) from case_candidate where clue_id = ?", irregular)).isZero();
		long illegal = determinedClue("SUSPECTED_ILLEGAL", "20000");
		assertThat(this.jdbc.sql("select suggested_path from case_candidate where clue_id = :c")
			.param("c", illegal)
			.query(String.class)
			.single()).isEqualTo("ADMINISTRATIVE");
		Map<String, Object> measure = new LinkedHashMap<>();
		measure.put("kind", "POLICE_TRANSFER");
		measure.put("takenOn", LocalDate.now().toString());
		measure.put("docNumber", "会处非移〔2026〕" + this.tag);
		measure.put("result", "已移送");
		clueMove(this.huishi, illegal, "MEASURE", measure);
		EventsDelivered.await(this.jdbc);
		assertThat(this.jdbc.sql("select suggested_path from case_candidate where clue_id = :c")
			.param("c", illegal)
			.query(String.class)
			.single()).isEqualTo("CRIMINAL");
		// a case from a clue starts at the first stage of its path
		Map<String, Object> form = caseForm("CRIMINAL", "TRIAL");
		form.put("clueId", illegal);
		form.put("criminalFiledOn", LocalDate.now().minusDays(20).toString());
		MockHttpServletResponse response = postJson(this.office, "/api/v1/cases", form);
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString()).contains("由线索建立的案件从“立案”开始");
		assertThat(count("select count(*) from case_file where clue_id = ?", illegal)).isZero();
	}

	@Test
	void registrationRefusesBadInputWithChineseMessagesAndWritesNothing() throws Exception {
		long before = count("select count(*) from case_file");
		Map<String, Object> bad = caseForm("CRIMINAL", "PROSECUTION");
		bad.put("title", " ");
		bad.put("regionCode", "110101000000");
		bad.put("amountRaised", "-5");
		bad.put("directLoss", "abc");
		bad.put("participantsCount", -1);
		bad.put("sectorCode", "NOPE");
		bad.put("docNumber", "");
		bad.put("unit", "");
		bad.put("stageOn", LocalDate.now().plusDays(1).toString());
		bad.put("involvedRegions", List.of("12345", HUISHI_VILLAGE));
		bad.put("subjectIds", List.of(-1));
		MockHttpServletResponse response = postJson(this.office, "/api/v1/cases", bad);
		assertThat(response.getStatus()).isEqualTo(400);
		Map<String, String> errors = JsonPath.parse(response.getContentAsString()).read("$.errors", Map.class);
		assertThat(errors).containsEntry("title", "请填写案件名称")
			.containsEntry("regionCode", "主办地区划不存在或不在管辖范围内")
			.containsEntry("sectorCode", "行业不在字典中")
			.containsEntry("participantsCount", "集资参与人数不能为负数")
			.containsEntry("criminalFiledOn", "请填写刑事立案日期")
			.containsEntry("stageOn", "日期不能晚于今天")
			.containsEntry("docNumber", "请填写文书编号")
			.containsEntry("unit", "请填写办理单位")
			.containsEntry("subjectIds", "涉案主体不存在或不在管辖范围内")
			.containsKeys("amountRaised", "directLoss", "involvedRegions");
		assertThat(errors.get("amountRaised")).startsWith("涉案金额");
		assertThat(count("select count(*) from case_file")).isEqualTo(before);

		Map<String, Object> wrongStage = caseForm("ADMINISTRATIVE", "TRIAL");
		assertThat(postJson(this.office, "/api/v1/cases", wrongStage).getContentAsString())
			.contains("“审判”不是行政处置中可登记的阶段");
		Map<String, Object> lossOverAmount = caseForm("CRIMINAL", "FILED");
		lossOverAmount.put("directLoss", "5000000");
		assertThat(postJson(this.office, "/api/v1/cases", lossOverAmount).getContentAsString())
			.contains("直接经济损失不能大于涉案金额");
		// a township may look, not register
		assertThat(postJson(this.huishi, "/api/v1/cases", caseForm("CRIMINAL", "FILED")).getStatus()).isEqualTo(403);
		assertThat(count("select count(*) from case_file")).isEqualTo(before);
	}

	@Test
	void aCriminalCaseMovesThroughItsStagesToClosedOnAnImmutableTimeline() throws Exception {
		long id = register(this.office, caseForm("CRIMINAL", "FILED"));
		Snapshot before = snapshot(id);
		assertThat(refused(400, stage(this.office, id, "TRIAL", LocalDate.now()), id, before)).contains("下一阶段应为“侦查”");
		assertThat(refused(400, stage(this.office, id, "INVESTIGATION", LocalDate.now().minusDays(11)), id, before))
			.contains("日期不能早于上一阶段“立案”的日期");
		assertThat(refused(400, stage(this.office, id, "INVESTIGATION", LocalDate.now().plusDays(1)), id, before))
			.contains("日期不能晚于今天");
		Map<String, Object> stale = new LinkedHashMap<>(Map.of("version", version(id) - 1, "stage", "INVESTIGATION",
				"on", LocalDate.now().toString(), "docNumber", "x", "unit", "y"));
		assertThat(refused(409, postJson(this.office, "/api/v1/cases/" + id + "/stages", stale), id, before))
			.contains("已被他人修改");
		assessed(id, "TRIAL", "REFUND_START");
		for (String stage : List.of("INVESTIGATION", "PROSECUTION", "TRIAL", "ENFORCEMENT", "REFUND", "CLOSED")) {
			stageOk(id, stage);
		}
		assertThat(this.jdbc.sql("select stage from case_stage where case_id = :id order by id")
			.param("id", id)
			.query(String.class)
			.list())
			.containsExactly("FILED", "INVESTIGATION", "PROSECUTION", "TRIAL", "ENFORCEMENT", "REFUND", "CLOSED");
		Snapshot closed = snapshot(id);
		assertThat(refused(400, stage(this.office, id, "REFUND", LocalDate.now()), id, closed))
			.contains("案件已结案，不能再变更阶段");
		// the application's database role cannot change the timeline or the stages
		// (grants,
		// and a trigger for the schema owner)
		org.assertj.core.api.Assertions.assertThatThrownBy(
				() -> this.jdbc.sql("update case_event set note = 'x' where case_id = :id").param("id", id).update())
			.isInstanceOf(org.springframework.dao.DataAccessException.class);
		org.assertj.core.api.Assertions
			.assertThatThrownBy(
					() -> this.jdbc.sql("delete from case_stage where case_id = :id").param("id", id).update())
			.isInstanceOf(org.springframework.dao.DataAccessException.class);
		assertThat(snapshot(id)).isEqualTo(closed);
		String detail = getAs(this.office, "/api/v1/cases/" + id).getContentAsString();
		assertThat(JsonPath.parse(detail).read("$.targets[*].what", List.class)).hasSize(3);
	}

	@Test
	void anAdministrativeCaseTransferredToThePoliceGoesOnTheCriminalPath() throws Exception {
		Map<String, Object> form = caseForm("ADMINISTRATIVE", "ADMIN_INVESTIGATION");
		long id = register(this.office, form);
		stageOk(id, "ADMIN_DETERMINATION");
		stageOk(id, "FILED");
		assertThat(row(id)).containsEntry("path", "CRIMINAL")
			.containsEntry("criminal_filed_on", java.sql.Date.valueOf(LocalDate.now()));
		assertThat(this.jdbc.sql("select note from case_event where case_id = :id order by id desc limit 1")
			.param("id", id)
			.query(String.class)
			.single()).startsWith("移送公安，转为刑事办理");
		stageOk(id, "INVESTIGATION");
	}

	@Test
	void scopeDecidesWhoSeesAndWhoChangesACase() throws Exception {
		Map<String, Object> form = caseForm("CRIMINAL", "FILED");
		form.put("sectorCode", "INVESTMENT_CONSULTING");
		form.put("involvedRegions", List.of(HEPAN));
		long id = register(this.office, form);
		assertThat(getAs(this.huishi, "/api/v1/cases/" + id).getStatus()).isEqualTo(200);
		// 河畔镇 is involved: it sees the case in its list and on its page
		assertThat(getAs(this.hepan, "/api/v1/cases/" + id).getStatus()).isEqualTo(200);
		assertThat(getAs(this.hepan, "/api/v1/cases?size=200&text=" + this.tag).getContentAsString())
			.contains("\"id\":" + id);
		long other = register(this.office, caseForm("CRIMINAL", "FILED"));
		assertThat(getAs(this.hepan, "/api/v1/cases/" + other).getStatus()).isEqualTo(404);
		assertThat(getAs(this.hepan, "/cases/" + other).getStatus()).isEqualTo(404);
		assertThat(getAs(this.hepan, "/api/v1/cases?size=200&text=" + this.tag).getContentAsString())
			.doesNotContain("\"id\":" + other);
		// a department sees the cases of its sectors only
		String sector = this.jdbc.sql("""
				select sector_code from department_sector ds join app_user u on u.department_id = ds.department_id
				where u.username = 'market' limit 1
				""").query(String.class).single();
		Map<String, Object> ofMarket = caseForm("CRIMINAL", "FILED");
		ofMarket.put("sectorCode", sector);
		long marketCase = register(this.office, ofMarket);
		assertThat(getAs(this.market, "/api/v1/cases/" + marketCase).getStatus()).isEqualTo(200);
		assertThat(getAs(this.market, "/api/v1/cases/" + other).getStatus()).isEqualTo(404);
		// an office of an involved township reads but does not change
		this.jdbc.sql("""
				insert into app_user (username, display_name, password_hash, region_code, must_change_password)
				values ('hepanoffice', '河畔镇 处非 钱红', 'x', :r, false) on conflict (username) do nothing
				""").param("r", HEPAN).update();
		this.jdbc
			.sql("""
					insert into user_role (user_id, role_code) select id, 'OFFICE' from app_user where username = 'hepanoffice'
					on conflict do nothing
					""")
			.update();
		var hepanOffice = this.accounts.ready("hepanoffice");
		Snapshot before = snapshot(id);
		refused(403, stage(hepanOffice, id, "INVESTIGATION", LocalDate.now()), id, before);
		assertThat(getAs(hepanOffice, "/cases/" + id).getContentAsString()).contains("本案由主办地办理");
	}

	@Test
	void keyCasesAcrossRegionsAreFlaggedAndTheInvolvedOfficesTold() throws Exception {
		Map<String, Object> form = caseForm("CRIMINAL", "INVESTIGATION");
		form.put("amountRaised", "120000000");
		form.put("directLoss", "80000000");
		form.put("participantsCount", 3200);
		form.put("criminalFiledOn", LocalDate.now().minusYears(6).toString());
		form.put("stageOn", LocalDate.now().minusYears(5).toString());
		form.put("origin", "LEGACY");
		form.put("involvedRegions", List.of(HEPAN, "510104000000"));
		long id = register(this.office, form);
		assertThat(row(id)).containsEntry("cross_province", true);
		String detail = getAs(this.office, "/api/v1/cases/" + id).getContentAsString();
		assertThat(JsonPath.parse(detail).read("$.view.row.keyReasons", List.class)).containsExactly("涉案金额亿元以上",
				"集资参与人千人以上", "刑事立案5年以上", "重大跨区域");
		assertThat(JsonPath.parse(detail).read("$.view.row.tier", String.class)).isEqualTo("HUGE");
		assertThat(getAs(this.office, "/api/v1/cases?size=200&key=true&text=" + this.tag).getContentAsString())
			.contains("\"id\":" + id);
		long plain = register(this.office, caseForm("CRIMINAL", "FILED"));
		assertThat(getAs(this.office, "/api/v1/cases?size=200&key=true&text=" + this.tag).getContentAsString())
			.doesNotContain("\"id\":" + plain);
		// 河畔镇's office is told in its inbox; the other province is outside the system
		assertThat(count("select count(*) from notice where dedup_key = ? and to_unit_code = ?",
				"case-region:" + id + ":" + HEPAN, HEPAN))
			.isEqualTo(1);
		assertThat(count("select count(*) from case_region where case_id = ? and notified_at is null", id))
			.isEqualTo(1);

		// leadership: a leader of the county owns it, under listed supervision
		long leaderId = this.jdbc.sql("select id from app_user where username = 'leader'").query(Long.class).single();
		Map<String, Object> lead = new LinkedHashMap<>();
		lead.put("leaderInstruction", "省领导批示：限期化解");
		lead.put("listedSupervision", true);
		lead.put("supervisionNote", "");
		lead.put("ownerLeaderId", leaderId);
		Snapshot before = snapshot(id);
		assertThat(refused(400, postJson(this.chief, "/api/v1/cases/" + id + "/lead?version=" + version(id), lead), id,
				before))
			.contains("挂牌督办须写明督办要求");
		lead.put("supervisionNote", "每月报告进展");
		lead.put("ownerLeaderId",
				this.jdbc.sql("select id from app_user where username = 'huishi'").query(Long.class).single());
		assertThat(refused(400, postJson(this.chief, "/api/v1/cases/" + id + "/lead?version=" + version(id), lead), id,
				before))
			.contains("包案领导须是本辖区的领导或处非办负责人");
		lead.put("ownerLeaderId", leaderId);
		refused(403, postJson(this.office, "/api/v1/cases/" + id + "/lead?version=" + version(id), lead), id, before);
		assertThat(postJson(this.chief, "/api/v1/cases/" + id + "/lead?version=" + version(id), lead).getStatus())
			.isEqualTo(200);
		assertThat(row(id)).containsEntry("listed_supervision", true).containsEntry("owner_leader_id", leaderId);
		assertThat(count("select count(*) from notice where dedup_key = ?", "case-owner:" + id + ":" + leaderId))
			.isEqualTo(1);
		detail = getAs(this.office, "/api/v1/cases/" + id).getContentAsString();
		assertThat(JsonPath.parse(detail).read("$.view.row.keyReasons", List.class)).contains("领导批示");
		assertThat(JsonPath.parse(detail).read("$.targets[0].standing", String.class)).isEqualTo("MET");

		// task force
		Map<String, Object> member = Map.of("unit", "县公安局经侦大队", "person", "刘军", "duty", "侦查取证");
		assertThat(
				postJson(this.office, "/api/v1/cases/" + id + "/task-force?version=" + version(id), member).getStatus())
			.isEqualTo(200);
		Snapshot withMember = snapshot(id);
		assertThat(refused(400, postJson(this.office, "/api/v1/cases/" + id + "/task-force?version=" + version(id),
				Map.of("unit", "", "person", "")), id, withMember))
			.contains("请填写专班成员单位");
		assertThat(JsonPath.parse(getAs(this.office, "/api/v1/cases/" + id).getContentAsString())
			.read("$.taskForce[*].person", List.class)).containsExactly("刘军");
	}

	@Test
	void changingWhatTheCaseIsAboutTellsNewlyInvolvedRegions() throws Exception {
		long id = register(this.office, caseForm("CRIMINAL", "FILED"));
		Map<String, Object> form = caseForm("CRIMINAL", "FILED");
		form.put("amountRaised", "4500000");
		form.put("involvedRegions", List.of(HEPAN));
		MockHttpServletResponse response = postJson(this.office, "/api/v1/cases/" + id + "?version=" + version(id),
				form);
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		assertThat(row(id)).containsEntry("amount_raised_fen", 4_500_000_00L);
		assertThat(count("select count(*) from notice where dedup_key = ?", "case-region:" + id + ":" + HEPAN))
			.isEqualTo(1);
		assertThat(timeline(id)).containsExactly("登记", "修改", "通报涉及地区");
	}

}
