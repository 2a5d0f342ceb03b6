package org.fangfei.app.clue;

import com.jayway.jsonpath.JsonPath;
import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The office corrects an open clue: each changed field lands on the timeline as before →
 * after, raising the grade to major reports it upward, a stale version or bad input
 * changes nothing, and a township cannot correct it.
 */
@IntegrationTest
class ClueEditTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	UserDetails office;

	String tag;

	@BeforeEach
	void setUp() {
		this.office = this.accounts.ready("office");
		this.tag = Long.toString(System.nanoTime(), 36);
	}

	private long register() throws Exception {
		String body = this.mvc
			.perform(post("/api/v1/clues").with(user(this.office))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"source\":\"MEDIA\",\"title\":\"修改前" + this.tag
						+ "\",\"description\":\"媒体报道某养老机构高息揽储\",\"regionCode\":\"620422100001\",\"amount\":\"1000\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.parse(body).read("$.id", Long.class);
	}

	private MockHttpServletRequestBuilder edit(UserDetails who, long id, int version, String title, String amount,
			String grade) {
		return post("/clues/{id}/edit", id).with(user(who))
			.with(csrf())
			.param("version", String.valueOf(version))
			.param("title", title)
			.param("description", "媒体报道某养老机构高息揽储")
			.param("regionCode", "620422100001")
			.param("sectorCode", "ELDERLY_CARE")
			.param("amount", amount)
			.param("grade", grade);
	}

	private String timeline(long id) {
		return String.join("\n",
				this.jdbc.sql("select kind || ':' || coalesce(note, '') from clue_event where clue_id = :c order by id")
					.param("c", id)
					.query(String.class)
					.list());
	}

	@Test
	void changesGoToTheTimelineAndMajorIsReportedUpward() throws Exception {
		long id = register();
		this.mvc.perform(edit(this.office, id, 0, "修改后" + this.tag, "6000000", "MAJOR"))
			.andExpect(status().is3xxRedirection());
		assertThat(timeline(id)).contains("修改:标题：修改前" + this.tag + " → 修改后" + this.tag)
			.contains("涉及金额(元)：1,000.00 → 6,000,000.00")
			.contains("等级：一般 → 重大")
			.contains("行业：(空) → ELDERLY_CARE");
		assertThat(this.jdbc.sql("select count(*) from clue_upward_report where clue_id = :c")
			.param("c", id)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'CLUE_EDIT' and target_id = :id")
			.param("id", String.valueOf(id))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void staleVersionBadInputAndTownshipsChangeNothing() throws Exception {
		long id = register();
		// the form comes back with the message and what the user typed
		this.mvc.perform(edit(this.office, id, 5, "旧页面" + this.tag, "1000", "NORMAL"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已被他人处理")))
			.andExpect(content().string(containsString("旧页面" + this.tag)));
		this.mvc.perform(edit(this.office, id, 0, "", "-3", "NORMAL"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请填写标题")))
			.andExpect(content().string(containsString("不能为负数")));
		UserDetails huishi = this.accounts.ready("huishi");
		this.mvc.perform(edit(huishi, id, 0, "乡镇改" + this.tag, "1000", "NORMAL")).andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("select title || '/' || version from clue where id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("修改前" + this.tag + "/0");
		assertThat(timeline(id)).doesNotContain("修改:");
	}

}
