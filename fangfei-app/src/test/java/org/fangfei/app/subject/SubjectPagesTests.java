package org.fangfei.app.subject;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The ledger's pages as a township user uses them: register, see the duplicate pointer,
 * review flagged names, and never see another township's subjects.
 */
@IntegrationTest
class SubjectPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Test
	void aTownshipRegistersASubjectAndIsPointedToTheCopyOnFile() throws Exception {
		UserDetails huishi = this.accounts.ready("huishi");
		String code = SubjectTestData.creditCode();
		this.mvc.perform(get("/subjects/new").with(user(huishi))).andExpect(status().isOk());
		this.mvc
			.perform(post("/subjects").with(user(huishi))
				.with(csrf())
				.param("kind", "ENTERPRISE")
				.param("name", "会师镇页面测试投资咨询有限公司")
				.param("creditCode", code)
				.param("regionCode", "620422100003")
				.param("sectorCode", "INVESTMENT_CONSULTING")
				.param("status", "WATCHING")
				.param("businessScope", "投资咨询、理财咨询"))
			.andExpect(status().is3xxRedirection());
		long id = this.jdbc.sql("select id from subject where credit_code = :code")
			.param("code", code)
			.query(Long.class)
			.single();
		this.mvc.perform(get("/subjects/{id}", id).with(user(huishi)))
			.andExpect(content().string(containsString("会师镇页面测试投资咨询有限公司")))
			.andExpect(content().string(containsString("县市场监督管理局")))
			.andExpect(content().string(containsString("理财")));
		this.mvc
			.perform(post("/subjects").with(user(huishi))
				.with(csrf())
				.param("kind", "ENTERPRISE")
				.param("name", "换个名字再登记")
				.param("creditCode", code)
				.param("regionCode", "620422100003")
				.param("status", "WATCHING"))
			.andExpect(content().string(containsString("统一社会信用代码 " + code + " 已登记，请勿重复建档")))
			.andExpect(content().string(containsString("/subjects/" + id)));
		this.mvc
			.perform(post("/subjects").with(user(huishi))
				.with(csrf())
				.param("kind", "ENTERPRISE")
				.param("name", "")
				.param("regionCode", "6204")
				.param("status", "WATCHING"))
			.andExpect(content().string(containsString("请填写名称")))
			.andExpect(content().string(containsString("区划代码应为12位数字")));
	}

	@Test
	void anotherTownshipsSubjectIsNotFoundAndNotListed() throws Exception {
		UserDetails office = this.accounts.ready("office");
		this.mvc
			.perform(post("/subjects").with(user(office))
				.with(csrf())
				.param("kind", "ENTERPRISE")
				.param("name", "河畔镇页面范围测试公司")
				.param("regionCode", "620422102001")
				.param("status", "WATCHING"))
			.andExpect(status().is3xxRedirection());
		long id = this.jdbc.sql("select id from subject where name = '河畔镇页面范围测试公司'").query(Long.class).single();
		UserDetails huishi = this.accounts.ready("huishi");
		this.mvc.perform(get("/subjects/{id}", id).with(user(huishi))).andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/subjects/{id}", id).with(user(huishi))).andExpect(status().isNotFound());
		this.mvc.perform(get("/subjects").param("text", "河畔镇页面范围测试").with(user(huishi)))
			.andExpect(content().string(not(containsString("河畔镇页面范围测试公司"))));
		this.mvc.perform(get("/subjects").param("text", "河畔镇页面范围测试").with(user(office)))
			.andExpect(content().string(containsString("河畔镇页面范围测试公司")));
	}

	@Test
	void flaggedNamesAreReviewedByTheOffice() throws Exception {
		UserDetails office = this.accounts.ready("office");
		this.mvc
			.perform(post("/subjects").with(user(office))
				.with(csrf())
				.param("kind", "ENTERPRISE")
				.param("name", "会宁县审核测试金融交易中心")
				.param("regionCode", "620422107001")
				.param("status", "WATCHING"))
			.andExpect(status().is3xxRedirection());
		long id = this.jdbc.sql("select id from subject where name = '会宁县审核测试金融交易中心'").query(Long.class).single();
		this.mvc.perform(get("/subjects/review").with(user(office)))
			.andExpect(content().string(containsString("会宁县审核测试金融交易中心")))
			.andExpect(content().string(containsString("金融、交易中心")));
		this.mvc
			.perform(post("/subjects/{id}/review", id).with(user(office)).with(csrf()).param("decision", "CONFIRMED"))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select word_review from subject where id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("CONFIRMED");
		this.mvc.perform(get("/subjects/review").with(user(this.accounts.ready("huishi"))))
			.andExpect(status().isForbidden());
	}

}
