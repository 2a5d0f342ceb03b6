package org.fangfei.app.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Static files are served from their three paths only — the application's CSS and
 * scripts, and WebJars without a version in the path — and nothing else on the classpath
 * is reachable as a file.
 */
@IntegrationTest
class StaticResourcesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Test
	void cssScriptsAndWebJarsAreServedWithoutSigningIn() throws Exception {
		this.mvc.perform(get("/css/app.css")).andExpect(status().isOk());
		this.mvc.perform(get("/js/app.js")).andExpect(status().isOk());
		this.mvc.perform(get("/webjars/bootstrap/css/bootstrap.min.css"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Bootstrap")));
		this.mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
		this.mvc.perform(get("/webjars/echarts/echarts.common.min.js")).andExpect(status().isOk());
		// every browser asks for it on its first page: a 404 there was a console error on
		// the first page signed in
		this.mvc.perform(get("/favicon.ico")).andExpect(status().isOk());
	}

	@Test
	void nothingElseOnTheClasspathIsAFile() throws Exception {
		var office = this.accounts.ready("office");
		this.mvc.perform(get("/application.yml").with(user(office))).andExpect(status().isNotFound());
		this.mvc.perform(get("/static/css/app.css").with(user(office))).andExpect(status().isNotFound());
		this.mvc.perform(get("/favicon.ico/../css/app.css").with(user(office))).andExpect(status().is4xxClientError());
		this.mvc.perform(get("/css/../application.yml").with(user(office))).andExpect(status().is4xxClientError());
		this.mvc.perform(get("/templates/clue/list.html").with(user(office))).andExpect(status().isNotFound());
	}

	@Test
	void pagesLinkTheStaticFilesWhereTheyAreServed() throws Exception {
		String page = this.mvc.perform(get("/clues").with(user(this.accounts.ready("office"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher links = Pattern.compile("(?:href|src)=\"(/(?:css|js|webjars)/[^\"]+)\"").matcher(page);
		List<String> found = new ArrayList<>();
		while (links.find()) {
			found.add(links.group(1));
		}
		// WebJars are linked with their version, so browsers may keep them
		assertThat(found).contains("/css/app.css", "/js/app.js")
			.anyMatch(link -> link.matches("/webjars/bootstrap/[0-9.]+/css/bootstrap.min.css"));
		for (String link : found) {
			this.mvc.perform(get(link)).andExpect(status().isOk());
		}
	}

}
