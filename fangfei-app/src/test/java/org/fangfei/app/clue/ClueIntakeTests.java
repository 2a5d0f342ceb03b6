package org.fangfei.app.clue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.jayway.jsonpath.JsonPath;
import org.fangfei.app.EventsDelivered;
import org.fangfei.app.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * 线索登记 through the API and the form: every bad input refused with a Chinese message per
 * field and no clue written; a repeat of the same source reference answers with the clue
 * already there; the informant kept encrypted and shown masked, revealed only with a
 * reason and logged; major clues reported upward at once.
 */
@IntegrationTest
class ClueIntakeTests extends ClueTestSupport {

	@Test
	void badInputThroughTheApiIsRefusedPerFieldAndNothingIsWritten() throws Exception {
		Map<String, Consumer<Map<String, Object>>> cases = new LinkedHashMap<>();
		cases.put("source", f -> f.remove("source"));
		cases.put("title", f -> f.put("title", " "));
		cases.put("description", f -> f.remove("description"));
		cases.put("regionCode", f -> f.remove("regionCode"));
		cases.put("regionCode ", f -> f.put("regionCode", "62042210"));
		cases.put("regionCode  ", f -> f.put("regionCode", "620422199999"));
		cases.put("sectorCode", f -> f.put("sectorCode", "NO_SUCH_SECTOR"));
		cases.put("amount", f -> f.put("amount", "-100"));
		cases.put("amount ", f -> f.put("amount", "12万"));
		cases.put("amount  ", f -> f.put("amount", "1.234"));
		cases.put("receivedAt",
				f -> f.put("receivedAt", LocalDateTime.now().plusDays(2).truncatedTo(ChronoUnit.SECONDS).toString()));
		cases.put("receivedAt ", f -> f.put("receivedAt", "2001-11-16T09:30:00"));
		cases.put("informantPhone", f -> f.put("informantPhone", "12345"));
		cases.put("peopleCount", f -> f.put("peopleCount", -3));
		for (var c : cases.entrySet()) {
			Map<String, Object> form = hotline("坏输入" + c.getKey().strip());
			c.getValue().accept(form);
			long before = count("select count(*) from clue");
			MockHttpServletResponse response = postJson(this.office, "/api/v1/clues", form);
			assertThat(response.getStatus()).as(c.getKey()).isEqualTo(400);
			String message = JsonPath.parse(response.getContentAsString())
				.read("$.errors." + c.getKey().strip(), String.class);
			assertThat(message).as(c.getKey()).containsPattern("\\p{IsHan}");
			assertThat(count("select count(*) from clue")).as(c.getKey()).isEqualTo(before);
		}
		assertThat(count("select count(*) from clue where title like ?", "%" + this.tag)).isZero();
		assertThat(count("select count(*) from audit_log where action = 'CLUE_REGISTER' and summary like ?",
				"%" + this.tag))
			.isZero();
	}

	@Test
	void everyProblemIsReportedAtOnce() throws Exception {
		MockHttpServletResponse response = postJson(this.office, "/api/v1/clues",
				Map.of("amount", "abc", "informantPhone", "1"));
		assertThat(response.getStatus()).isEqualTo(400);
		Map<String, String> errors = JsonPath.parse(response.getContentAsString()).read("$.errors");
		assertThat(errors).containsKeys("source", "title", "description", "regionCode", "amount", "informantPhone");
	}

	@Test
	void badInputThroughTheFormIsShownAgainWithWhatWasTyped() throws Exception {
		String title = "表单坏输入 " + this.tag;
		long before = count("select count(*) from clue");
		MvcResult result = this.mvc
			.perform(form().param("source", "TIP")
				.param("title", title)
				.param("description", "")
				.param("regionCode", HUISHI_VILLAGE)
				.param("amount", "-1")
				.param("informantPhone", "999"))
			.andReturn();
		String page = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(page).contains("请填写线索内容", "不能为负数", "联系电话格式不正确", title);
		assertThat(count("select count(*) from clue")).isEqualTo(before);

		MvcResult future = this.mvc
			.perform(form().param("source", "TIP")
				.param("title", title)
				.param("description", "高息揽储")
				.param("regionCode", HUISHI_VILLAGE)
				.param("receivedAt", LocalDateTime.now().plusDays(3).truncatedTo(ChronoUnit.MINUTES).toString()))
			.andReturn();
		assertThat(future.getResponse().getStatus()).isEqualTo(200);
		assertThat(future.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("接收时间不能晚于现在");
		assertThat(count("select count(*) from clue")).isEqualTo(before);

		MvcResult good = this.mvc
			.perform(form().param("source", "TIP")
				.param("title", title)
				.param("description", "高息揽储")
				.param("regionCode", HUISHI_VILLAGE)
				.param("receivedAt", LocalDateTime.now().minusHours(2).truncatedTo(ChronoUnit.MINUTES).toString()))
			.andReturn();
		assertThat(good.getResponse().getRedirectedUrl()).matches("/clues/[0-9]+");
		assertThat(count("select count(*) from clue where title = ?", title)).isOne();
	}

	private MockHttpServletRequestBuilder form() {
		return post("/clues").with(user(this.office)).with(csrf());
	}

	@Test
	void aRepeatedSourceReferenceAnswersWithTheClueAlreadyRegistered() throws Exception {
		Map<String, Object> form = hotline("重复提交");
		form.put("sourceRef", "12345-" + this.tag);
		MockHttpServletResponse first = postJson(this.office, "/api/v1/clues", form);
		MockHttpServletResponse again = postJson(this.office, "/api/v1/clues", form);
		assertThat(first.getStatus()).isEqualTo(201);
		assertThat(again.getStatus()).isEqualTo(200);
		long id = JsonPath.parse(first.getContentAsString()).read("$.id", Long.class);
		assertThat(JsonPath.parse(again.getContentAsString()).read("$.id", Long.class)).isEqualTo(id);
		assertThat(JsonPath.parse(again.getContentAsString()).read("$.replayed", Boolean.class)).isTrue();
		assertThat(count("select count(*) from clue where source_ref = ?", "12345-" + this.tag)).isOne();
		assertThat(events(id, "登记")).hasSize(1);
		assertThat(audits(id)).containsExactly("CLUE_REGISTER");
	}

	@Test
	void theInformantIsStoredEncryptedAndShownMasked() throws Exception {
		long id = registered("提供人加密");
		Map<String, Object> row = clueRow(id);
		assertThat(row.get("informant_phone_enc")).isInstanceOf(byte[].class);
		assertThat(new String((byte[]) row.get("informant_phone_enc"), StandardCharsets.ISO_8859_1))
			.doesNotContain("13912345678");
		assertThat(new String((byte[]) row.get("informant_name_enc"), StandardCharsets.UTF_8)).doesNotContain("张三");
		assertThat(row).containsEntry("informant_masked", "张* 139****5678");
		assertThat(row.values()).noneMatch(v -> v instanceof String s && (s.contains("13912345678")));

		String json = getAs(this.office, "/api/v1/clues/" + id).getContentAsString(StandardCharsets.UTF_8);
		assertThat(json).contains("139****5678").doesNotContain("13912345678").doesNotContain("张三");
		String page = getAs(this.office, "/clues/" + id).getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("139****5678").doesNotContain("13912345678");
	}

	@Test
	void revealingTheInformantNeedsAReasonAndIsLogged() throws Exception {
		long id = registered("查看提供人");
		MvcResult noReason = reveal(id, "", this.office);
		assertThat(noReason.getModelAndView().getModel().get("actionError").toString()).contains("须填写事由");
		assertThat(noReason.getModelAndView().getModel().containsKey("informant")).isFalse();
		assertThat(events(id, "查看敏感信息")).isEmpty();

		MvcResult revealed = reveal(id, "需回访举报人核实细节", this.office);
		// in this response only, never in the session (which is stored in the database)
		assertThat(revealed.getModelAndView().getModel().get("informant"))
			.hasToString("Informant[name=张三, phone=13912345678]");
		assertThat(revealed.getFlashMap().containsKey("informant")).isFalse();
		List<Map<String, Object>> views = events(id, "查看敏感信息");
		assertThat(views).singleElement().satisfies(e -> {
			assertThat(e).containsEntry("actor", "office");
			assertThat(e.get("note").toString()).contains("需回访举报人核实细节");
		});
		assertThat(count(
				"select count(*) from audit_log where action = 'CLUE_REVEAL' and target_id = ? and actor = 'office'",
				Long.toString(id)))
			.isOne();

		assertThat(reveal(id, "想看看", this.huishi).getResponse().getStatus()).isEqualTo(403);
		assertThat(events(id, "查看敏感信息")).hasSize(1);
	}

	private MvcResult reveal(long id, String reason, org.springframework.security.core.userdetails.UserDetails who)
			throws Exception {
		return this.mvc
			.perform(post("/clues/" + id + "/informant").param("reason", reason).with(user(who)).with(csrf()))
			.andReturn();
	}

	@Test
	void aMajorClueIsReportedUpwardAtOnce() throws Exception {
		Map<String, Object> byAmount = hotline("重大线索金额");
		byAmount.put("amount", "5000000");
		long major = register(this.office, byAmount);
		Map<String, Object> explicit = hotline("重大线索指定");
		explicit.put("grade", "MAJOR");
		long chosen = register(this.office, explicit);
		long normal = registered("一般线索");
		EventsDelivered.await(this.jdbc);

		for (long id : List.of(major, chosen)) {
			assertThat(clueRow(id)).containsEntry("grade", "MAJOR");
			assertThat(this.jdbc.sql("select * from clue_upward_report where clue_id = :id")
				.param("id", id)
				.query()
				.singleRow()).containsEntry("reported_to", "市处非办");
			assertThat(notices(id)).anySatisfy(n -> assertThat(n).containsEntry("kind", "MAJOR_REPORT")
				.containsEntry("to_role", "LEADER")
				.containsEntry("resolved_at", null));
		}
		assertThat(count("select count(*) from clue_upward_report where clue_id = ?", normal)).isZero();
		assertThat(clueRow(normal)).containsEntry("grade", "NORMAL");
		// the leader sees it in the inbox
		String inbox = getAs(this.leader, "/api/v1/inbox?size=100").getContentAsString(StandardCharsets.UTF_8);
		assertThat(inbox).contains("重大线索：重大线索金额 " + this.tag);
	}

}
