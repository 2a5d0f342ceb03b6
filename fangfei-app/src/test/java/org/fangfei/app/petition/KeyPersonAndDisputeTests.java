package org.fangfei.app.petition;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.Exported;
import org.fangfei.app.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Key persons with their responsible cadre and contact records, and the 矛盾摸排 register,
 * through their pages: every bad input refused in Chinese with nothing written, one entry
 * per ID number, an unusual movement brought to the county office and leaders, scope,
 * version checks, and the exports.
 */
@IntegrationTest
class KeyPersonAndDisputeTests extends PetitionTestSupport {

	Map<String, String> keyPerson(String id) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("regionCode", HUISHI_VILLAGE);
		form.put("name", "钱" + this.tag);
		form.put("idNumber", id);
		form.put("phone", "13909435555");
		form.put("reason", "集资参与人代表，多次组织集体访");
		form.put("riskLevel", "HIGH");
		form.put("responsibleName", "刘建华");
		form.put("responsibleUnit", "会师镇人民政府");
		return form;
	}

	long created(MockHttpServletResponse response, String prefix) throws Exception {
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(302);
		return Long.parseLong(response.getRedirectedUrl().replace(prefix, ""));
	}

	@Test
	void aKeyPersonWithContactsAnUnusualMovementAndRelease() throws Exception {
		String id = idNumber(100 + Math.abs(this.tag.hashCode()) % 800);
		long k = created(postForm(this.huishi, "/stability/key-persons", keyPerson(id)), "/stability/key-persons/");
		Map<String, Object> row = this.jdbc.sql("select * from key_person where id = :id")
			.param("id", k)
			.query()
			.singleRow();
		assertThat(row).containsEntry("phone_masked", "139****5555").containsEntry("status", "WATCHED");
		assertThat(row.get("id_number_idx")).isNotNull();
		// one entry per ID number
		MockHttpServletResponse twice = postForm(this.huishi, "/stability/key-persons", keyPerson(id));
		assertThat(twice.getStatus()).isEqualTo(200);
		assertThat(twice.getContentAsString()).contains("该身份证号已登记为重点人员");
		// found by the full ID number, shown masked
		String list = getAs(this.huishi, "/stability/key-persons?text=" + id).getContentAsString();
		String table = list.substring(list.indexOf("id=\"key-person-table\""));
		assertThat(list).contains("table-cards\" id=\"key-person-table\"");
		assertThat(table).contains("钱" + this.tag, "data-label=\"包保责任人\"").doesNotContain(id);
		assertThat(getAs(this.hepan, "/stability/key-persons/" + k).getStatus()).isEqualTo(404);

		Map<String, String> contact = new LinkedHashMap<>();
		contact.put("version", "0");
		contact.put("on", LocalDate.now().toString());
		contact.put("way", "VISIT");
		contact.put("contactedBy", "刘建华");
		contact.put("movement", "称近期可能赴省");
		contact.put("unusual", "true");
		var done = submit(this.huishi, "/stability/key-persons/" + k + "/contacts", contact);
		assertThat(done.getFlashMap().get("done")).isEqualTo("已登记联系情况");
		assertThat(count("select count(*) from notice where dedup_key = ? and (to_unit_code = '620422000000'"
				+ " or to_role = 'LEADER')", "key-person:" + k + ":unusual:" + LocalDate.now()))
			.isEqualTo(2);
		assertThat(submit(this.huishi, "/stability/key-persons/" + k + "/contacts", contact).getFlashMap()
			.get("actionError")).as("the version seen is stale").isEqualTo("重点人员信息已被他人修改，请刷新后重试");
		contact.put("version", "1");
		contact.put("movement", " ");
		contact.put("on", LocalDate.now().plusDays(1).toString());
		assertThat(submit(this.huishi, "/stability/key-persons/" + k + "/contacts", contact).getFlashMap()
			.get("actionError")
			.toString()).contains("联系日期不能晚于今天", "请填写近期动向");
		assertThat(count("select count(*) from key_person_contact where key_person_id = ?", k)).isEqualTo(1);

		assertThat(submit(this.huishi, "/stability/key-persons/" + k + "/release", Map.of("version", "1", "reason", ""))
			.getFlashMap()
			.get("actionError")).isEqualTo("请填写解除理由");
		assertThat(submit(this.huishi, "/stability/key-persons/" + k + "/release",
				Map.of("version", "1", "reason", "风险化解，已签订息诉罢访承诺"))
			.getFlashMap()
			.get("done")).isEqualTo("已解除重点管控");
		assertThat(this.jdbc.sql("select status from key_person where id = :id")
			.param("id", k)
			.query(String.class)
			.single()).isEqualTo("RELEASED");
		assertThat(this.jdbc
			.sql("select action from audit_log where target_type = 'key_person' and target_id = :id order by id")
			.param("id", Long.toString(k))
			.query(String.class)
			.list()).containsExactly("KEY_PERSON_CREATE", "KEY_PERSON_CONTACT", "KEY_PERSON_RELEASE");

		var rows = Exported.rows(this.mvc, this.huishi,
				get("/stability/key-persons/export").param("text", "钱" + this.tag));
		assertThat(rows.get(0)).containsExactlyElementsOf(StabilityExportPages.KEY_PERSON_HEADER);
		assertThat(rows).hasSize(2);
		assertThat(rows.get(1).get(0)).isEqualTo("钱" + this.tag);
		assertThat(String.join(",", rows.get(1))).doesNotContain(id).contains("已解除");
	}

	@Test
	void aKeyPersonsBadInputsAreRefusedAndNothingIsWritten() throws Exception {
		long before = count("select count(*) from key_person");
		Map<String, String> form = keyPerson("620422197001010000");
		form.put("regionCode", "620422102001");
		form.put("phone", "123");
		form.put("name", "");
		form.put("reason", "");
		form.put("responsibleName", "");
		form.put("caseId", "999999999");
		MockHttpServletResponse r = postForm(this.huishi, "/stability/key-persons", form);
		assertThat(r.getContentAsString()).contains("所在区划不在您的管辖范围内", "请填写姓名", "身份证号不正确", "手机号或电话号码不正确",
				"关联案件不存在或不在您的管辖范围内", "请填写列为重点人员的原因", "请填写包保责任人");
		assertThat(postForm(this.leader, "/stability/key-persons", keyPerson(idNumber(1))).getStatus()).isEqualTo(403);
		assertThat(count("select count(*) from key_person")).isEqualTo(before);
	}

	@Test
	void theDisputeRegisterFromFindingToResolution() throws Exception {
		long before = count("select count(*) from dispute");
		Map<String, String> bad = new LinkedHashMap<>();
		bad.put("regionCode", HEPAN_VILLAGE);
		bad.put("foundOn", LocalDate.now().plusDays(1).toString());
		bad.put("peopleCount", "0");
		bad.put("amount", "-5");
		bad.put("parties", "");
		bad.put("description", "");
		MockHttpServletResponse refused = postForm(this.huishi, "/stability/disputes", bad);
		assertThat(refused.getContentAsString()).contains("所在区划不在您的管辖范围内", "摸排日期不能晚于今天", "请选择来源", "请填写涉及人数（至少1人）",
				"涉及金额", "请填写矛盾双方(当事人)", "请填写矛盾情况");
		assertThat(count("select count(*) from dispute")).isEqualTo(before);

		Map<String, String> form = new LinkedHashMap<>();
		form.put("regionCode", HUISHI_VILLAGE);
		form.put("foundOn", LocalDate.now().toString());
		form.put("source", "PATROL");
		form.put("parties", "村民与业务员 " + this.tag);
		form.put("peopleCount", "15");
		form.put("amount", "860000");
		form.put("description", "投资理财产品逾期未兑付，村民聚集讨要");
		long d = created(postForm(this.huishi, "/stability/disputes", form), "/stability/disputes/");
		assertThat(getAs(this.hepan, "/stability/disputes/" + d).getStatus()).isEqualTo(404);
		assertThat(submit(this.huishi, "/stability/disputes/" + d + "/progress",
				Map.of("version", "0", "status", "RESOLVING", "handling", ""))
			.getFlashMap()
			.get("actionError")).isEqualTo("请填写化解措施和进展");
		assertThat(submit(this.huishi, "/stability/disputes/" + d + "/progress",
				Map.of("version", "0", "status", "RESOLVED", "handling", "已协调退还部分款项", "reportedUp", "true"))
			.getFlashMap()
			.get("done")).isEqualTo("已保存化解进展");
		Map<String, Object> row = this.jdbc.sql("select * from dispute where id = :id")
			.param("id", d)
			.query()
			.singleRow();
		assertThat(row).containsEntry("status", "RESOLVED").containsEntry("reported_up", true);
		assertThat(row.get("resolved_on")).isNotNull();
		assertThat(submit(this.huishi, "/stability/disputes/" + d + "/progress",
				Map.of("version", "1", "status", "OPEN", "handling", "重新"))
			.getFlashMap()
			.get("actionError")).isEqualTo("该矛盾纠纷已化解，不能再修改");
		assertThat(getAs(this.huishi, "/stability/disputes?text=" + this.tag).getContentAsString())
			.contains("村民与业务员 " + this.tag, "860,000.00", "已化解");
		var rows = Exported.rows(this.mvc, this.huishi, get("/stability/disputes/export").param("text", this.tag));
		assertThat(rows.get(0)).containsExactlyElementsOf(StabilityExportPages.DISPUTE_HEADER);
		assertThat(rows.get(1)).contains("走访巡查", "15", "860,000.00", "已化解", "是");
		assertThat(List.of("DISPUTE_CREATE", "DISPUTE_PROGRESS")).containsExactlyElementsOf(this.jdbc
			.sql("select action from audit_log where target_type = 'dispute' and target_id = :id order by id")
			.param("id", Long.toString(d))
			.query(String.class)
			.list());
	}

}
