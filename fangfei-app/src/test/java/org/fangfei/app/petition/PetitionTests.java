package org.fangfei.app.petition;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.fangfei.app.Exported;
import org.fangfei.app.IntegrationTest;
import org.fangfei.app.calendar.WorkCalendar;
import org.fangfei.app.shared.Times;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Petitions end to end through the API and the pages: registration with its deadline,
 * inbox, encrypted petitioners and every bad input refused with nothing written; each
 * move, the one extension, version conflicts; the deadline watch; scope and permissions;
 * search by a petitioner's full ID number; the Excel export.
 */
@IntegrationTest
class PetitionTests extends PetitionTestSupport {

	@Autowired
	WorkCalendar calendar;

	@Autowired
	PetitionWatch watch;

	@Test
	void aPetitionFromRegistrationToTheSatisfactionOfItsPetitioner() throws Exception {
		long id = register(this.huishi, petitionForm());
		Map<String, Object> row = row(id);
		LocalDate today = Times.today();
		assertThat(row).containsEntry("status", "RECEIVED")
			.containsEntry("collective", false)
			.containsEntry("accept_due_on", java.sql.Date.valueOf(this.calendar.plusWorkingDays(today, 15)));
		assertThat(row.get("code").toString()).startsWith("XF");
		// the township office of the village is told to accept
		assertThat(count("select count(*) from notice where dedup_key = ? and to_unit_code = '620422100000'"
				+ " and resolved_at is null", PetitionDesk.acceptKey(id)))
			.isEqualTo(1);
		// the petitioner's identity: encrypted, indexed, masked; never in clear
		Map<String, Object> petitioner = this.jdbc.sql("select * from petition_petitioner where petition_id = :p")
			.param("p", id)
			.query()
			.singleRow();
		assertThat(petitioner.get("id_number_masked"))
			.isEqualTo(idNumber(501).substring(0, 6) + "********" + idNumber(501).substring(14));
		assertThat(new String((byte[]) petitioner.get("id_number_enc"), java.nio.charset.StandardCharsets.ISO_8859_1))
			.doesNotContain(idNumber(501).substring(6, 14));
		String detail = getAs(this.huishi, "/api/v1/petitions/" + id).getContentAsString();
		assertThat(detail).doesNotContain(idNumber(501)).contains("********");

		moveOk(id, "ACCEPT", Map.of("on", today.toString(), "note", "当面告知"));
		assertThat(row(id)).containsEntry("status", "ACCEPTED")
			.containsEntry("finish_due_on", java.sql.Date.valueOf(this.calendar.plusWorkingDays(today, 60)));
		assertThat(count("select count(*) from notice where dedup_key = ? and resolved_at is null",
				PetitionDesk.acceptKey(id)))
			.isZero();
		assertThat(count("select count(*) from notice where dedup_key = ? and resolved_at is null",
				PetitionDesk.finishKey(id)))
			.isEqualTo(1);

		moveOk(id, "EXTEND", Map.of("days", 30, "reason", "需调取银行流水"));
		assertThat(row(id)).containsEntry("extension_days", 30)
			.containsEntry("finish_due_on",
					java.sql.Date.valueOf(this.calendar.plusWorkingDays(this.calendar.plusWorkingDays(today, 60), 30)));
		long events = count("select count(*) from petition_event where petition_id = ?", id);
		MockHttpServletResponse again = move(this.office, id, "EXTEND", Map.of("days", 5, "reason", "再延"));
		assertThat(again.getStatus()).isEqualTo(400);
		assertThat(detail(again)).isEqualTo("该信访件已延期 30 个工作日，办理期限只能延长一次");
		assertThat(count("select count(*) from petition_event where petition_id = ?", id)).isEqualTo(events);

		moveOk(id, "REPLY", Map.of("on", today.toString(), "reply", "经核实，已责令退还本金"));
		assertThat(count("select count(*) from notice where dedup_key = ? and resolved_at is null",
				PetitionDesk.finishKey(id)))
			.isZero();
		moveOk(id, "RATE", Map.of("satisfaction", "BASICALLY_SATISFIED"));
		assertThat(row(id)).containsEntry("status", "CLOSED").containsEntry("satisfaction", "BASICALLY_SATISFIED");
		assertThat(this.jdbc.sql("select kind from petition_event where petition_id = :p order by id")
			.param("p", id)
			.query(String.class)
			.list()).containsExactly("登记", "受理告知", "延期", "答复", "评价");
		assertThat(this.jdbc
			.sql("select action from audit_log where target_type = 'petition' and target_id = :id" + " order by id")
			.param("id", Long.toString(id))
			.query(String.class)
			.list()).containsExactly("PETITION_REGISTER", "PETITION_ACCEPT", "PETITION_EXTEND", "PETITION_REPLY",
					"PETITION_RATE");
	}

	@Test
	void fivePetitionersMakeACollectivePetitionThatTheLeadersAreToldOf() throws Exception {
		Map<String, Object> form = petitionForm();
		form.put("petitionersCount", 5);
		form.put("levelReached", "COUNTY");
		long id = register(this.office, form);
		assertThat(row(id)).containsEntry("collective", true);
		assertThat(count("select count(*) from notice where dedup_key = ? and to_role = 'LEADER'",
				"petition:" + id + ":leaders"))
			.isEqualTo(1);
		Map<String, Object> four = petitionForm();
		four.put("petitionersCount", 4);
		long single = register(this.office, four);
		assertThat(row(single)).containsEntry("collective", false);
		assertThat(count("select count(*) from notice where dedup_key = ?", "petition:" + single + ":leaders"))
			.isZero();
		String list = getAs(this.office, "/api/v1/petitions?collective=true&text=" + this.tag).getContentAsString();
		assertThat(JsonPath.parse(list).read("$.items[*].id", List.class)).containsExactly((int) id);
	}

	@Test
	void everyBadInputIsRefusedInChineseAndNothingIsWritten() throws Exception {
		long before = count("select count(*) from petition");
		Map<String, String> cases = new LinkedHashMap<>();
		cases.put("channel", "请选择信访形式");
		cases.put("receivedOn", "请填写收到日期");
		cases.put("regionCode", "请选择所在区划");
		cases.put("levelReached", "请选择信访到达层级");
		cases.put("request", "请填写信访诉求");
		cases.put("petitioners", "请至少登记一名信访人");
		cases.put("petitionersCount", "请填写信访人数（至少1人）");
		for (Map.Entry<String, String> c : cases.entrySet()) {
			Map<String, Object> form = petitionForm();
			form.remove(c.getKey());
			MockHttpServletResponse r = postJson(this.office, "/api/v1/petitions", form);
			assertThat(r.getStatus()).as(c.getKey()).isEqualTo(400);
			assertThat(detail(r)).as(c.getKey()).contains(c.getValue());
		}
		Map<String, Object> form = petitionForm();
		form.put("receivedOn", LocalDate.now().plusDays(2).toString());
		form.put("regionCode", "620422999999");
		form.put("sectorCode", "NO_SUCH");
		form.put("caseId", 999_999_999);
		form.put("subjectId", 999_999_999);
		form.put("request", "长".repeat(2001));
		form.put("petitionersCount", 100_001);
		form.put("petitioners", List.of(Map.of("name", "张三", "idNumber", "620422197001010000", "phone", "12345"),
				Map.of("name", "", "idNumber", "", "phone", "13900000000")));
		MockHttpServletResponse r = postJson(this.office, "/api/v1/petitions", form);
		assertThat(r.getStatus()).isEqualTo(400);
		assertThat(detail(r)).contains("收到日期不能晚于今天", "区划不存在", "行业不存在", "关联案件不存在或不在您的管辖范围内", "关联主体不存在或不在您的管辖范围内",
				"信访诉求不能超过2000字", "信访人数不能超过100000", "第1名信访人：身份证号不正确", "第1名信访人：手机号或电话号码不正确", "第2名信访人：请填写姓名");
		Map<String, Object> fewer = petitionForm();
		fewer.put("petitionersCount", 1);
		fewer.put("petitioners", List.of(Map.of("name", "甲"), Map.of("name", "乙")));
		assertThat(detail(postJson(this.office, "/api/v1/petitions", fewer))).contains("信访人数不能少于登记的信访人（2 人）");
		// a township registers only in its own jurisdiction
		Map<String, Object> elsewhere = petitionForm();
		elsewhere.put("regionCode", HEPAN_VILLAGE);
		assertThat(detail(postJson(this.huishi, "/api/v1/petitions", elsewhere))).contains("所在区划不在您的管辖范围内");
		// the leader reads but does not register
		assertThat(postJson(this.leader, "/api/v1/petitions", petitionForm()).getStatus()).isEqualTo(403);
		assertThat(count("select count(*) from petition")).isEqualTo(before);
	}

	@Test
	void badMovesAreRefusedWithNothingWrittenAndAStaleVersionIsAConflict() throws Exception {
		long id = register(this.office, petitionForm());
		int version = version(id);
		long events = count("select count(*) from petition_event where petition_id = ?", id);
		assertThat(detail(move(this.office, id, "REPLY", Map.of("on", LocalDate.now().toString(), "reply", "答复"))))
			.isEqualTo("信访件当前为“待受理”，不能答复");
		assertThat(detail(move(this.office, id, "ACCEPT", Map.of("on", LocalDate.now().plusDays(1).toString()))))
			.isEqualTo("日期不能晚于今天");
		assertThat(detail(move(this.office, id, "REFUSE", Map.of("on", LocalDate.now().toString()))))
			.isEqualTo("请填写不予受理的理由（将告知信访人）");
		MockHttpServletResponse stale = move(this.office, id, "ACCEPT",
				Map.of("version", version + 5, "on", LocalDate.now().toString()));
		assertThat(stale.getStatus()).isEqualTo(409);
		assertThat(detail(stale)).isEqualTo("信访件已被他人修改，请刷新后重试");
		assertThat(move(this.office, id, "FLY", Map.of()).getStatus()).isEqualTo(400);
		assertThat(version(id)).isEqualTo(version);
		assertThat(count("select count(*) from petition_event where petition_id = ?", id)).isEqualTo(events);
		moveOk(id, "REFUSE", Map.of("on", LocalDate.now().toString(), "reason", "属于诉讼程序处理事项"));
		assertThat(row(id)).containsEntry("status", "NOT_ACCEPTED");
		assertThat(count("select count(*) from notice where dedup_key = ? and resolved_at is null",
				PetitionDesk.acceptKey(id)))
			.isZero();
	}

	@Test
	void theWatchFlagsAPetitionPastItsDeadlineOnceAndTellsTheUnitAndTheCountyOffice() throws Exception {
		Map<String, Object> form = petitionForm();
		form.put("receivedOn", LocalDate.now().minusDays(40).toString());
		long id = register(this.office, form);
		String list = getAs(this.office, "/api/v1/petitions?overdue=true&text=" + this.tag).getContentAsString();
		assertThat(JsonPath.parse(list).read("$.items[*].id", List.class)).containsExactly((int) id);
		// as the scheduler runs it (check is then not reached through its proxy)
		assertThat(this.watch.run(Times.today())).isPositive();
		assertThat(row(id).get("overdue_flagged_on")).isNotNull();
		assertThat(this.jdbc.sql("select to_unit_code from notice where dedup_key = :k order by to_unit_code")
			.param("k", PetitionDesk.overdueKey(id, PetitionStatus.RECEIVED))
			.query(String.class)
			.list()).containsExactly("620422000000", "620422100000");
		long events = count("select count(*) from petition_event where petition_id = ?", id);
		this.watch.check(Times.today());
		assertThat(count("select count(*) from petition_event where petition_id = ?", id)).isEqualTo(events);
		moveOk(id, "ACCEPT", Map.of("on", LocalDate.now().toString()));
		assertThat(row(id).get("overdue_flagged_on")).as("the next stage may be flagged again").isNull();
		assertThat(count("select count(*) from notice where dedup_key = ? and resolved_at is null",
				PetitionDesk.overdueKey(id, PetitionStatus.RECEIVED)))
			.isZero();
		assertThat(this.jdbc.sql("select note from petition_event where petition_id = :p and kind = '受理告知'")
			.param("p", id)
			.query(String.class)
			.single()).contains("超过受理告知期限");
	}

	@Test
	void aTownshipSeesOnlyItsJurisdictionAndADepartmentOnlyItsSectors() throws Exception {
		long huishi = register(this.huishi, petitionForm());
		assertThat(getAs(this.hepan, "/api/v1/petitions/" + huishi).getStatus()).isEqualTo(404);
		assertThat(getAs(this.hepan, "/petitions/" + huishi).getStatus()).isEqualTo(404);
		assertThat(getAs(this.hepan, "/api/v1/petitions?text=" + this.tag).getContentAsString())
			.contains("\"total\":0");
		assertThat(move(this.hepan, huishi, "ACCEPT", Map.of("on", LocalDate.now().toString())).getStatus())
			.isEqualTo(404);
		// the market department sees none without a sector of its own, and cannot act
		assertThat(getAs(this.market, "/api/v1/petitions/" + huishi).getStatus()).isEqualTo(404);
		assertThat(move(this.market, huishi, "ACCEPT", Map.of("on", LocalDate.now().toString())).getStatus())
			.isEqualTo(403);
		assertThat(getAs(this.office, "/api/v1/petitions/" + huishi).getStatus()).isEqualTo(200);
	}

	@Test
	void aPetitionerIsFoundByTheirFullIdNumberOrPhoneButNotByPartOfIt() throws Exception {
		Map<String, Object> form = petitionForm();
		String phone = "1380943" + String.format("%04d", Math.abs(this.tag.hashCode()) % 10_000);
		String id = idNumber(700 + Math.abs(this.tag.hashCode()) % 200);
		form.put("petitioners", List.of(Map.of("name", "刘" + this.tag, "idNumber", id, "phone", phone)));
		long petition = register(this.office, form);
		for (String text : List.of(id, phone, "刘" + this.tag)) {
			String found = getAs(this.office, "/api/v1/petitions?size=200&text=" + text).getContentAsString();
			assertThat(JsonPath.parse(found).read("$.items[*].id", List.class)).as(text).contains((int) petition);
		}
		String partial = getAs(this.office, "/api/v1/petitions?text=" + id.substring(0, 10)).getContentAsString();
		assertThat(JsonPath.parse(partial).read("$.items[*].id", List.class)).doesNotContain((int) petition);
	}

	@Test
	void theListPagesAndExportFollowTheFiltersAndAreAudited() throws Exception {
		long id = register(this.office, petitionForm());
		String page = getAs(this.office, "/petitions?text=" + this.tag).getContentAsString();
		assertThat(page).contains("id=\"petition-table\"", "table-cards", "data-label=\"信访人\"", "王" + this.tag);
		var rows = Exported.rows(this.mvc, this.office, get("/petitions/export").param("text", this.tag));
		assertThat(rows.get(0)).containsExactlyElementsOf(PetitionExportPages.HEADER);
		assertThat(rows).hasSize(2);
		List<String> row = Exported.rowWith(rows, 0, row(id).get("code").toString());
		assertThat(row.get(1)).isEqualTo("来访");
		assertThat(row.get(10)).isEqualTo("待受理");
		assertThat(String.join(",", row)).doesNotContain(idNumber(501));
		assertThat(count("select count(*) from audit_log where action = 'EXPORT' and target_type = 'petition'"
				+ " and summary = '导出信访件 1 行'"))
			.isPositive();
		// the township's list does not offer the export to a department without the
		// permission
		assertThat(getAs(this.market, "/petitions/export").getStatus()).isEqualTo(403);
	}

	@Test
	void thePageFormRegistersWithItsPetitionerRowsAndShowsErrorsInPlace() throws Exception {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("channel", "LETTER");
		params.put("receivedOn", LocalDate.now().toString());
		params.put("regionCode", HUISHI_VILLAGE);
		params.put("levelReached", "CITY");
		params.put("petitionersCount", "2");
		params.put("request", "来信反映 " + this.tag);
		params.put("petitioners[0].name", "甲" + this.tag);
		params.put("petitioners[0].idNumber", "");
		params.put("petitioners[0].phone", "");
		params.put("petitioners[1].name", "乙" + this.tag);
		params.put("petitioners[1].idNumber", "123");
		params.put("petitioners[1].phone", "");
		MockHttpServletResponse refused = postForm(this.office, "/petitions", params);
		assertThat(refused.getStatus()).isEqualTo(200);
		assertThat(refused.getContentAsString()).contains("第2名信访人：身份证号不正确", "乙" + this.tag);
		params.put("petitioners[1].idNumber", idNumber(502));
		MockHttpServletResponse saved = postForm(this.office, "/petitions", params);
		assertThat(saved.getStatus()).isEqualTo(302);
		long id = Long.parseLong(saved.getRedirectedUrl().replace("/petitions/", ""));
		assertThat(count("select count(*) from petition_petitioner where petition_id = ?", id)).isEqualTo(2);
		String shown = getAs(this.office, "/petitions/" + id).getContentAsString();
		assertThat(shown).contains("甲" + this.tag, "乙" + this.tag, "id=\"accept-form\"").doesNotContain(idNumber(502));
		assertThat(getAs(this.leader, "/petitions/" + id).getContentAsString()).doesNotContain("id=\"accept-form\"");
	}

}
