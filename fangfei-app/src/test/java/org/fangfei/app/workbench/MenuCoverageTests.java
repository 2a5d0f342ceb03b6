package org.fangfei.app.workbench;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The menu is the controllers' permission checks, seen from each first-start account:
 * every page in a role's menu opens (200), every page of the menu left out of it is
 * refused (403), and the rendered menu shows exactly the model's groups and pages.
 */
@IntegrationTest
class MenuCoverageTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TestAccounts accounts;

	@ParameterizedTest
	@ValueSource(
			strings = { "office", "chief", "leader", "huishi", "market", "grid", "sysadmin", "secadmin", "auditadmin" })
	void everyMenuPageOpensForItsRolesAndNoOther(String username) throws Exception {
		UserDetails account = this.accounts.ready(username);
		Set<String> held = account.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.toSet());
		List<Menu.Group> menu = Menu.of(held::contains);
		Set<String> shown = menu.stream()
			.flatMap(g -> g.items().stream())
			.map(Menu.Item::href)
			.collect(Collectors.toSet());
		List<String> wrong = new ArrayList<>();
		for (Menu.Item item : Menu.all()) {
			int status = this.mvc.perform(get(item.href()).with(user(account))).andReturn().getResponse().getStatus();
			int expected = shown.contains(item.href()) ? 200 : 403;
			if (status != expected) {
				wrong.add(item.href() + " gave " + status + ", expected " + expected);
			}
		}
		assertThat(wrong).as("%s's menu against the pages' checks", username).isEmpty();

		String home = this.mvc.perform(get("/").with(user(account))).andReturn().getResponse().getContentAsString();
		for (Menu.Item item : Menu.all()) {
			assertThat(home.contains("id=\"" + item.id() + "\"")).as("%s: %s in the rendered menu", username, item.id())
				.isEqualTo(shown.contains(item.href()));
		}
		for (Menu.Group group : Menu.GROUPS) {
			assertThat(home.contains("id=\"menu-group-" + group.id() + "\""))
				.as("%s: group %s", username, group.label())
				.isEqualTo(menu.stream().anyMatch(g -> g.id().equals(group.id())));
		}
	}

}
