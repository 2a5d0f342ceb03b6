package org.fangfei.app.outreach;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Issue 17: the outreach JSON API — a township's app reports activities with an API
 * client's token; the same checks, scope and permissions as the pages; trainings and
 * awareness rates read within the caller's jurisdiction.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestAccounts.class)
class OutreachApiTests extends OutreachTestSupport {

	@Test
	void aTownshipsAppReportsAnActivityWithItsTokenAndReadsItBack() throws Exception {
		String token = this.accounts.apiToken(this.mvc, "会师镇微信报送" + this.tag, "huishi");
		MockHttpServletResponse created = bearer(token, post("/api/v1/outreach/activities"), body(HUISHI_VILLAGE));
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		long id = JsonPath.parse(created.getContentAsString()).read("$.id", Long.class);
		assertThat(JsonPath.parse(created.getContentAsString()).read("$.venueLabel", String.class)).isEqualTo("进社区");
		assertThat(count("select count(*) from outreach_activity where id = ? and created_by = 'huishi'", id))
			.isEqualTo(1);
		assertThat(
				count("select count(*) from audit_log where action = 'OUTREACH_ACTIVITY' and target_id = ?", "" + id))
			.isEqualTo(1);

		MockHttpServletResponse list = bearer(token, get("/api/v1/outreach/activities").param("text", this.tag), null);
		assertThat(list.getStatus()).isEqualTo(200);
		List<Number> ids = JsonPath.parse(list.getContentAsString()).read("$.items[*].id", List.class);
		assertThat(ids.stream().map(Number::longValue).toList()).containsExactly(id);
		assertThat(bearer(token, get("/api/v1/outreach/activities/" + id), null).getContentAsString())
			.contains("\"place\":\"社区服务中心 " + this.tag + "\"");

		MockHttpServletResponse none = this.mvc.perform(get("/api/v1/outreach/activities")).andReturn().getResponse();
		assertThat(none.getStatus()).isEqualTo(401);
		assertThat(bearer("not-a-token-" + this.tag, get("/api/v1/outreach/activities"), null).getStatus())
			.isEqualTo(401);
	}

	@Test
	void badActivitiesAreAnswered400WithChineseMessagesPerField() throws Exception {
		String token = this.accounts.apiToken(this.mvc, "会师镇报送" + this.tag, "huishi");
		Map<String, Object> bad = body(HEPAN_VILLAGE);
		bad.put("heldOn", LocalDate.now().plusDays(1).toString());
		bad.put("forms", List.of());
		bad.put("peopleReached", -1);
		bad.remove("venue");
		MockHttpServletResponse r = bearer(token, post("/api/v1/outreach/activities"), bad);
		assertThat(r.getStatus()).isEqualTo(400);
		var json = JsonPath.parse(r.getContentAsString());
		assertThat(json.read("$.errors.venue", String.class)).isEqualTo("请选择宣传场所(七进)");
		assertThat(json.read("$.errors.heldOn", String.class)).isEqualTo("活动日期不能晚于今天");
		assertThat(json.read("$.errors.regionCode", String.class)).isEqualTo("所在区划不在您的管辖范围内");
		assertThat(json.read("$.errors.forms", String.class)).isEqualTo("请至少选择一种宣传形式");
		assertThat(json.read("$.errors.peopleReached", String.class)).isEqualTo("覆盖人数不能为负数");

		Map<String, Object> wrongVenue = body(HUISHI_VILLAGE);
		wrongVenue.put("venue", "MOON");
		MockHttpServletResponse unreadable = bearer(token, post("/api/v1/outreach/activities"), wrongVenue);
		assertThat(unreadable.getStatus()).isEqualTo(400);
		assertThat(unreadable.getContentAsString()).contains("请求内容不是有效的 JSON，或字段类型不正确");
		assertThat(count("select count(*) from outreach_activity where place like ?", "%" + this.tag)).isZero();
	}

	@Test
	void scopeAndPermissionsAreThePagesOnes() throws Exception {
		MockHttpServletResponse created = postJsonAs(this.huishi, "/api/v1/outreach/activities", body(HUISHI_VILLAGE));
		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		long id = JsonPath.parse(created.getContentAsString()).read("$.id", Long.class);
		// another township and a department do not see a township's activity
		assertThat(getAs(this.hepan, "/api/v1/outreach/activities/" + id).getStatus()).isEqualTo(404);
		assertThat(getAs(this.accounts.ready("market"), "/api/v1/outreach/activities/" + id).getStatus())
			.isEqualTo(404);
		assertThat(getAs(this.office, "/api/v1/outreach/activities/" + id).getStatus()).isEqualTo(200);
		// a leader reads but does not report
		assertThat(postJsonAs(this.leader, "/api/v1/outreach/activities", body(HUISHI_VILLAGE)).getStatus())
			.isEqualTo(403);
		// a department's report is its own
		String market = this.accounts.apiToken(this.mvc, "市场监管局报送" + this.tag, "market");
		Map<String, Object> fair = body(HEPAN_VILLAGE);
		fair.put("place", "集市 " + this.tag);
		MockHttpServletResponse marketCreated = bearer(market, post("/api/v1/outreach/activities"), fair);
		assertThat(marketCreated.getStatus()).as(marketCreated.getContentAsString()).isEqualTo(201);
		MockHttpServletResponse marketList = bearer(market, get("/api/v1/outreach/activities").param("text", this.tag),
				null);
		assertThat(JsonPath.parse(marketList.getContentAsString()).read("$.items[*].place", List.class))
			.containsExactly("集市 " + this.tag);
		assertThat(getAs(this.huishi, "/api/v1/outreach/activities?text=" + this.tag).getContentAsString())
			.contains("社区服务中心 " + this.tag)
			.doesNotContain("集市 " + this.tag);
	}

	@Test
	void trainingsAndAwarenessRatesAreReadWithinTheJurisdiction() throws Exception {
		long worker = count("select min(id) from person where role = 'GRID_WORKER' and region_code like '620422100%'");
		postForm(this.huishi, "/outreach/trainings",
				Map.of("topic", "接口培训 " + this.tag, "heldOn", LocalDate.now().toString(), "regionCode", HUISHI_VILLAGE,
						"trainer", "镇处非办", "hours", "1.5", "attendeeIds", "" + worker));
		MockHttpServletResponse trainings = getAs(this.huishi, "/api/v1/outreach/trainings?text=" + this.tag);
		assertThat(trainings.getStatus()).isEqualTo(200);
		assertThat(JsonPath.parse(trainings.getContentAsString()).read("$.items[0].hours", Double.class))
			.isEqualTo(1.5);
		assertThat(JsonPath.parse(getAs(this.hepan, "/api/v1/outreach/trainings?text=" + this.tag).getContentAsString())
			.read("$.total", Integer.class)).isZero();
		assertThat(getAs(this.accounts.ready("grid"), "/api/v1/outreach/trainings").getStatus())
			.as("grid workers do not read training")
			.isEqualTo(403);

		String redirect = postForm(this.office, "/outreach/surveys",
				Map.of("title", "接口知晓率调查 " + this.tag, "regionCode", "620422000000", "opensOn",
						LocalDate.now().minusDays(1).toString(), "closesOn", LocalDate.now().plusDays(10).toString(),
						"passMark", "80"))
			.getResponse()
			.getRedirectedUrl();
		long survey = Long.parseLong(redirect.replaceAll("\\D", ""));
		// three answer sheets as the public page stores them: two in 会师镇 (one aware), one
		// in 河畔镇
		sheet(survey, HUISHI_VILLAGE, "FROM_60", 100, true);
		sheet(survey, HUISHI_VILLAGE, "FROM_60", 50, false);
		sheet(survey, HEPAN_VILLAGE, "UNDER_30", 100, true);

		var county = JsonPath.parse(getAs(this.office, "/api/v1/outreach/surveys/" + survey).getContentAsString());
		assertThat(county.read("$.answers", Integer.class)).isEqualTo(3);
		assertThat(county.read("$.aware", Integer.class)).isEqualTo(2);
		assertThat(county.read("$.rate", Integer.class)).isEqualTo(67);
		assertThat(county.read("$.townships[*].key", List.class)).containsExactly("620422100000", "620422102000");
		assertThat(county.read("$.ageBands.length()", Integer.class)).isEqualTo(AgeBand.values().length);
		var township = JsonPath.parse(getAs(this.huishi, "/api/v1/outreach/surveys/" + survey).getContentAsString());
		assertThat(township.read("$.answers", Integer.class)).isEqualTo(2);
		assertThat(township.read("$.rate", Integer.class)).isEqualTo(50);
		assertThat(township.read("$.townships[*].key", List.class)).containsExactly("620422100000");
		assertThat(township.read("$.communities[0].label", String.class)).isNotBlank();
		assertThat(getAs(this.huishi, "/api/v1/outreach/surveys").getContentAsString()).contains("接口知晓率调查 " + this.tag);
		assertThat(getAs(this.office, "/api/v1/outreach/surveys/999999999").getStatus()).isEqualTo(404);
	}

	private void sheet(long survey, String region, String band, int score, boolean aware) {
		this.jdbc.sql("""
				insert into survey_response (survey_id, region_code, age_band, score, aware, answers)
				values (:s, :r, :b, :score, :aware, '111111')
				""")
			.param("s", survey)
			.param("r", region)
			.param("b", band)
			.param("score", score)
			.param("aware", aware)
			.update();
	}

	@Test
	void theApiIsDescribedInTheOpenApiDocument() throws Exception {
		String doc = getAs(this.leader, "/api/v1/openapi").getContentAsString();
		assertThat(doc).contains("/api/v1/outreach/activities", "/api/v1/outreach/trainings",
				"/api/v1/outreach/surveys/{id}", "宣传教育");
		// the acting account comes from the session or token, never from a parameter
		assertThat(
				JsonPath.parse(doc).read("$.paths['/api/v1/outreach/activities'].get.parameters[*].name", List.class))
			.containsExactly("q", "page", "size");
		assertThat(
				JsonPath.parse(doc).read("$.paths['/api/v1/outreach/surveys/{id}'].get.parameters[*].name", List.class))
			.containsExactly("id");
	}

	Map<String, Object> body(String region) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("venue", "COMMUNITY");
		form.put("heldOn", LocalDate.now().minusDays(1).toString());
		form.put("regionCode", region);
		form.put("place", "社区服务中心 " + this.tag);
		form.put("organiser", "会师镇处非工作站");
		form.put("forms", List.of("LECTURE", "LEAFLET"));
		form.put("peopleReached", 150);
		form.put("elderly", true);
		return form;
	}

	MockHttpServletResponse bearer(String token,
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, Object body)
			throws Exception {
		request = request.header("Authorization", "Bearer " + token);
		if (body != null) {
			request = request.contentType(MediaType.APPLICATION_JSON).content(this.json.writeValueAsString(body));
		}
		return this.mvc.perform(request).andReturn().getResponse();
	}

	MockHttpServletResponse postJsonAs(org.springframework.security.core.userdetails.UserDetails who, String path,
			Object body) throws Exception {
		return this.mvc
			.perform(post(path).with(user(who))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(body)))
			.andReturn()
			.getResponse();
	}

	MockHttpServletResponse getAs(org.springframework.security.core.userdetails.UserDetails who, String path)
			throws Exception {
		return this.mvc.perform(get(path).with(user(who))).andReturn().getResponse();
	}

}
