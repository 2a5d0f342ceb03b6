package org.fangfei.app.notification;

import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.fangfei.app.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bulletins (通报): the office sends to townships and departments, each receiving unit gets
 * one shared notice and gives one receipt (its first reader), the sender sees the
 * receipts, nobody else sees the bulletin, and every bad input is refused with nothing
 * written.
 */
@IntegrationTest
class BulletinTests extends NoticeTestSupport {

	private MockHttpServletRequestBuilder form(UserDetails who, String title, String body, String... townships) {
		return post("/bulletins").with(user(who))
			.with(csrf())
			.param("title", title)
			.param("body", body)
			.param("level", "RISK_ALERT")
			.param("townships", townships);
	}

	private long bulletinTitled(String title) {
		return count("select id from bulletin where title = ?", title);
	}

	private long sendToHuishiAndMarket(String title) throws Exception {
		this.mvc
			.perform(form(this.office, title, "第一段\n第二段 <script>alert(1)</script>", "620422100000").param("departments",
					String.valueOf(departmentOf("market"))))
			.andExpect(redirectedUrlPattern("/bulletins/*"));
		return bulletinTitled(title);
	}

	@Test
	void sendingPostsOneSharedNoticePerUnitAndIsAudited() throws Exception {
		String title = "关于防范养老诈骗的风险提示" + this.tag;
		long id = sendToHuishiAndMarket(title);
		assertThat(count("select count(*) from bulletin_recipient where bulletin_id = ?", id)).isEqualTo(2);
		assertThat(count("select count(*) from notice where kind = 'BULLETIN' and dedup_key = ?", "bulletin:" + id))
			.isEqualTo(2);
		assertThat(count("select count(*) from notice where dedup_key = ? and to_unit_code = '620422100000'",
				"bulletin:" + id))
			.isEqualTo(1);
		assertThat(seenBy("huishi")).extracting(Notice::title).containsExactly("【风险提示】" + title);
		assertThat(seenBy("huishi")).extracting(Notice::link).containsExactly("/bulletins/" + id);
		this.accounts.ready("market");
		assertThat(seenBy("market")).hasSize(1);
		assertThat(seenBy("hepan")).isEmpty();
		assertThat(count("""
				select count(*) from audit_log where actor = 'office' and action = 'SEND' and target_type = 'bulletin'
				and target_id = ? and outcome = 'SUCCESS'""", String.valueOf(id))).isEqualTo(1);
	}

	@Test
	void theFirstMemberToOpenItGivesTheUnitsReceiptWhichTheSenderSees() throws Exception {
		String title = "回执测试" + this.tag;
		long id = sendToHuishiAndMarket(title);
		this.mvc.perform(get("/bulletins/{id}", id).with(user(this.office)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("签收情况：0 / 2 个单位已读")));

		this.mvc.perform(get("/bulletins/{id}", id).with(user(this.huishi)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("第一段\n第二段 &lt;script&gt;alert(1)&lt;/script&gt;")))
			.andExpect(content().string(not(containsString("签收情况"))));
		UserDetails second = secondHuishiMember();
		this.mvc.perform(get("/api/v1/bulletins/{id}", id).with(user(second)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sender").value(false))
			.andExpect(jsonPath("$.receipts").isEmpty());

		Map<String, Object> receipt = this.jdbc
			.sql("select * from bulletin_recipient where bulletin_id = :id and region_code = '620422100000'")
			.param("id", id)
			.query()
			.singleRow();
		assertThat(receipt).containsEntry("first_reader_id", userId("huishi"))
			.containsEntry("first_reader_name", "会师镇 张伟");
		assertThat(
				count("select count(*) from audit_log where action = 'RECEIPT' and target_id = ?", String.valueOf(id)))
			.isEqualTo(1);
		// opening the bulletin read the member's notice too
		assertThat(seenBy("huishi")).allMatch(Notice::read).noneMatch(Notice::open);

		this.mvc.perform(get("/api/v1/bulletins/{id}", id).with(user(this.office)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.sender").value(true))
			.andExpect(jsonPath("$.bulletin.unitsRead").value(1))
			.andExpect(jsonPath("$.receipts[0].unitName").value("会师镇"))
			.andExpect(jsonPath("$.receipts[0].firstReaderName").value("会师镇 张伟"))
			.andExpect(jsonPath("$.receipts[1].firstReadAt").isEmpty());
		this.mvc.perform(get("/bulletins").with(user(this.office)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(title)))
			.andExpect(content().string(containsString("1 / 2")));
		// the department's member gives the department's receipt
		this.mvc.perform(get("/bulletins/{id}", id).with(user(this.accounts.ready("market"))))
			.andExpect(status().isOk());
		assertThat(count("select count(*) from bulletin_recipient where bulletin_id = ? and first_read_at is not null",
				id))
			.isEqualTo(2);
	}

	@Test
	void anotherTownshipCannotReadItByPageOrApi() throws Exception {
		String title = "他镇不可见" + this.tag;
		long id = sendToHuishiAndMarket(title);
		this.mvc.perform(get("/bulletins/{id}", id).with(user(this.hepan))).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/bulletins/{id}", id).with(user(this.hepan))).andExpect(status().isNotFound());
		this.mvc.perform(get("/bulletins/{id}", id).with(user(this.accounts.ready("grid"))))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/bulletins").with(user(this.hepan)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(title))));
		this.mvc.perform(get("/api/v1/bulletins").with(user(this.hepan)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(title))));
		this.mvc.perform(get("/bulletins").with(user(this.huishi)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(title)));
		this.mvc.perform(get("/api/v1/bulletins").with(user(this.huishi)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.received[?(@.id == " + id + ")].title").value(title))
			.andExpect(jsonPath("$.received[?(@.id == " + id + ")].readByMyUnit").value(false))
			.andExpect(jsonPath("$.sent").isEmpty());
		assertThat(count("select count(*) from bulletin_recipient where bulletin_id = ? and first_read_at is not null",
				id))
			.isZero();
	}

	@Test
	void onlyTheOfficeAndLeadersMaySend() throws Exception {
		this.mvc.perform(get("/bulletins/new").with(user(this.huishi))).andExpect(status().isForbidden());
		this.mvc.perform(form(this.huishi, "乡镇越权" + this.tag, "正文", "620422102000")).andExpect(status().isForbidden());
		this.mvc.perform(get("/bulletins/new").with(user(this.office)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("会师镇")))
			.andExpect(content().string(containsString("市场监督管理局")))
			.andExpect(content().string(not(containsString("value=\"" + departmentOf("office") + "\""))));
		String title = "领导通报" + this.tag;
		this.mvc.perform(form(this.accounts.ready("leader"), title, "正文", "620422102000"))
			.andExpect(redirectedUrlPattern("/bulletins/*"));
		assertThat(count("select count(*) from bulletin where title = ?", title)).isEqualTo(1);
		assertThat(count("select count(*) from bulletin where title = ?", "乡镇越权" + this.tag)).isZero();
	}

	@Test
	void allTownshipsAndAllDepartmentsReachEveryUnitOfTheJurisdiction() throws Exception {
		String body = this.mvc
			.perform(post("/api/v1/bulletins").with(user(this.office))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":\"全县通报" + this.tag
						+ "\",\"body\":\"正文\",\"level\":\"WORK\",\"allTownships\":true,\"allDepartments\":true}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = JsonPath.parse(body).read("$.id", Long.class);
		long townships = count(
				"select count(*) from region where level = 'TOWNSHIP' and enabled and code like '620422%'");
		long departments = count("select count(*) from department where enabled and region_code like '620422%'") - 1;
		assertThat(townships).isPositive();
		assertThat(
				count("select count(*) from bulletin_recipient where bulletin_id = ? and region_code is not null", id))
			.isEqualTo(townships);
		assertThat(count("select count(*) from bulletin_recipient where bulletin_id = ? and department_id is not null",
				id))
			.isEqualTo(departments);
		assertThat(count("select count(*) from notice where dedup_key = ?", "bulletin:" + id))
			.isEqualTo(townships + departments);
		assertThat(JsonPath.parse(body).read("$.units", Integer.class)).isEqualTo((int) (townships + departments));
	}

	@Test
	void badInputIsRefusedInChineseAndNothingIsWritten() throws Exception {
		this.jdbc
			.sql("""
					insert into region (code, name, level, parent_code) select '620423000000', '靖远县', 'COUNTY', '620400000000'
					where not exists (select 1 from region where code = '620423000000')""")
			.update();
		this.jdbc
			.sql("""
					insert into region (code, name, level, parent_code) select '620423100000', '乌兰镇', 'TOWNSHIP', '620423000000'
					where not exists (select 1 from region where code = '620423100000')""")
			.update();
		String ok = "坏输入通报" + this.tag;
		Object[][] cases = { { "", "正文", new String[] { "620422100000" }, "请填写通报标题" },
				{ "题".repeat(101), "正文", new String[] { "620422100000" }, "通报标题不能超过100个字" },
				{ ok, " ", new String[] { "620422100000" }, "请填写通报正文" },
				{ ok, "字".repeat(5001), new String[] { "620422100000" }, "通报正文不能超过5000个字" },
				{ ok, "正文", new String[0], "请至少选择一个接收单位(乡镇或成员单位)" },
				{ ok, "正文", new String[] { "620423100000" }, "接收乡镇“620423100000”不存在、已停用或不在您的管辖范围内" },
				{ ok, "正文", new String[] { "620422100001" }, "接收乡镇“620422100001”不存在、已停用或不在您的管辖范围内" },
				{ ok, "正文", new String[] { "999999999999" }, "不存在、已停用或不在您的管辖范围内" } };
		for (Object[] c : cases) {
			this.mvc.perform(form(this.office, (String) c[0], (String) c[1], (String[]) c[2]))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString((String) c[3])));
		}
		this.mvc.perform(form(this.office, ok, "正文").param("departments", "987654321"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("接收成员单位(编号987654321)不存在、已停用或不在您的管辖范围内")));
		this.mvc
			.perform(post("/bulletins").with(user(this.office))
				.with(csrf())
				.param("title", ok)
				.param("body", "正文")
				.param("level", "SHOUTING")
				.param("townships", "620422100000"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请选择正确的通报类别")));
		this.mvc
			.perform(post("/api/v1/bulletins").with(user(this.office))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":\"" + ok
						+ "\",\"body\":\"正文\",\"level\":\"WORK\",\"townships\":[\"620423100000\"]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.townships").value("接收乡镇“620423100000”不存在、已停用或不在您的管辖范围内"));
		this.mvc
			.perform(post("/api/v1/bulletins").with(user(this.office))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":\"" + ok + "\",\"body\":\"正文\",\"level\":\"WORK\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.recipients").value("请至少选择一个接收单位(乡镇或成员单位)"));
		assertThat(count("select count(*) from bulletin where title like ?", "%" + this.tag)).isZero();
		assertThat(count("select count(*) from notice where title like ?", "%" + this.tag)).isZero();
		assertThat(
				count("select count(*) from audit_log where action = 'SEND' and summary like ?", "%" + this.tag + "%"))
			.isZero();
	}

}
