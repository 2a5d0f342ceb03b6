package org.fangfei.app.clue;

import com.jayway.jsonpath.JsonPath;
import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultHandlers.print;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ClueSmokeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Test
	void smoke() throws Exception {
		UserDetails office = this.accounts.ready("office");
		UserDetails huishi = this.accounts.ready("huishi");
		UserDetails chief = this.accounts.ready("chief");
		String body = this.mvc.perform(post("/api/v1/clues").with(user(office))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"source\":\"HOTLINE\",\"title\":\"测试\",\"description\":\"某公司高息揽储\",\"regionCode\":\"620422100001\",\"amount\":\"20000\",\"peopleCount\":12,\"informantName\":\"张三\",\"informantPhone\":\"13912345678\"}"))
			.andDo(print())
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = JsonPath.parse(body).read("$.id", Long.class);
		move(office, id, "ACCEPT", "{\"version\":0}");
		move(office, id, "DISPATCH", "{\"version\":1,\"unit\":\"R620422100000\"}");
		move(huishi, id, "RECEIVE", "{\"version\":2}");
		move(huishi, id, "VERIFY",
				"{\"version\":3,\"investigators\":\"张伟、李四\",\"visitedOn\":\"2026-11-20\",\"findings\":\"属实\"}");
		move(chief, id, "DETERMINE", "{\"version\":4,\"determination\":\"SUSPECTED_ILLEGAL\",\"note\":\"涉嫌非法吸收公众存款\"}");
		move(huishi, id, "MEASURE",
				"{\"version\":5,\"kind\":\"SUPERVISED_REFUND\",\"takenOn\":\"2026-11-21\",\"docNumber\":\"会师清退〔2026〕1号\",\"amount\":\"20000\",\"result\":\"已清退\"}");
		move(huishi, id, "MEASURE",
				"{\"version\":6,\"kind\":\"ADMIN_PENALTY\",\"takenOn\":\"2026-11-22\",\"docNumber\":\"会师罚〔2026〕1号\",\"amount\":\"5000\",\"result\":\"罚款\"}");
		move(huishi, id, "FINISH", "{\"version\":7}");
		move(office, id, "FEEDBACK", "{\"version\":8,\"note\":\"已处理\"}");
		move(chief, id, "CLOSE", "{\"version\":9}");
		this.mvc.perform(get("/clues/" + id).with(user(chief))).andExpect(status().isOk());
		this.mvc.perform(get("/clues").with(user(huishi))).andExpect(status().isOk());
		this.mvc.perform(get("/clues/dashboard").with(user(chief))).andExpect(status().isOk());
		this.mvc.perform(get("/clues/supervision").with(user(chief))).andExpect(status().isOk());
		this.mvc.perform(get("/meetings/new").with(user(chief))).andExpect(status().isOk());
		this.mvc.perform(get("/clues/new").with(user(office))).andExpect(status().isOk());
		this.mvc.perform(get("/clues/deadlines").with(user(chief))).andExpect(status().isOk());
		this.mvc.perform(get("/inbox").with(user(huishi))).andExpect(status().isOk());
	}

	private void move(UserDetails who, long id, String action, String json) throws Exception {
		this.mvc
			.perform(post("/api/v1/clues/" + id + "/moves/" + action).with(user(who))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(json))
			.andDo(r -> {
				if (r.getResponse().getStatus() != 200) {
					System.out.println("MOVE " + action + " -> " + r.getResponse().getContentAsString());
				}
			})
			.andExpect(status().isOk());
	}

}
