package org.fangfei.app.organisation;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The system administrator edits the sector and scheme dictionaries; a disabled sector
 * drops out of the choices but keeps its code.
 */
@IntegrationTest
class DictionaryTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Sectors sectors;

	@Test
	void aSectorIsAddedRenamedAndDisabled() throws Exception {
		UserDetails sys = this.accounts.ready("sysadmin");
		this.mvc
			.perform(post("/dicts/sector").with(user(sys))
				.with(csrf())
				.param("code", "pawn_shop")
				.param("label", "典当")
				.param("sortOrder", "500")
				.param("enabled", "true"))
			.andExpect(redirectedUrl("/dicts/sector"));
		assertThat(this.sectors.all()).contains(new Sector("PAWN_SHOP", "典当"));
		this.mvc
			.perform(post("/dicts/sector").with(user(sys))
				.with(csrf())
				.param("code", "PAWN_SHOP")
				.param("label", "典当行")
				.param("sortOrder", "500"))
			.andExpect(redirectedUrl("/dicts/sector"));
		assertThat(this.sectors.all()).extracting(Sector::code).doesNotContain("PAWN_SHOP");
		this.mvc.perform(get("/dicts/sector").with(user(sys))).andExpect(content().string(containsString("典当行")));
	}

	@Test
	void badItemsAreRefusedInChinese() throws Exception {
		UserDetails sys = this.accounts.ready("sysadmin");
		this.mvc.perform(post("/dicts/sector").with(user(sys)).with(csrf()).param("code", "坏").param("label", "x"))
			.andExpect(content().string(containsString("代码为2到40位大写字母")));
		this.mvc
			.perform(post("/dicts/sector").with(user(sys))
				.with(csrf())
				.param("code", "DUPLICATE_LABEL")
				.param("label", "房地产"))
			.andExpect(content().string(containsString("名称“房地产”已被其他条目使用")));
		this.mvc.perform(get("/dicts/nonsense").with(user(sys))).andExpect(status().isNotFound());
		this.mvc.perform(get("/dicts/sector").with(user(this.accounts.ready("office"))))
			.andExpect(status().isForbidden());
	}

}
