package org.fangfei.app.security;

import java.util.ArrayList;
import java.util.List;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A role's permissions changed by the security administrator apply from the next request
 * of everyone holding the role, including sessions signed in before the change — although
 * the permissions are kept in memory between requests.
 */
@IntegrationTest
class RoleGrantTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Roles roles;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRevokedPermissionStopsTheNextRequestOfASessionSignedInBefore() throws Exception {
		UserDetails office = this.accounts.ready("office");
		UserDetails secadmin = this.accounts.ready("secadmin");
		List<String> before = this.roles.get("OFFICE").permissions();
		assertThat(before).contains("clue:dashboard:view");
		this.mvc.perform(get("/api/v1/clues/dashboard").with(user(office))).andExpect(status().isOk());
		List<String> without = new ArrayList<>(before);
		without.remove("clue:dashboard:view");
		try {
			var form = post("/roles/OFFICE").with(user(secadmin)).with(csrf());
			without.forEach(p -> form.param("permissions", p));
			this.mvc.perform(form).andExpect(status().is3xxRedirection());
			assertThat(this.roles.permissionsOf(List.of("OFFICE"))).doesNotContain("clue:dashboard:view")
				.contains("clue:clue:intake");
			this.mvc.perform(get("/api/v1/clues/dashboard").with(user(office))).andExpect(status().isForbidden());
			this.mvc.perform(get("/clues/dashboard").with(user(office))).andExpect(status().isForbidden());
			String logged = this.jdbc
				.sql("select before_data || after_data from audit_log where action = 'GRANT' and target_id = 'OFFICE' "
						+ "order by id desc limit 1")
				.query(String.class)
				.single();
			assertThat(logged).as("the audit log names permissions in Chinese")
				.contains(Roles.PERMISSIONS.get("clue:dashboard:view"))
				.doesNotContain("clue:dashboard:view");
		}
		finally {
			this.roles.grant("OFFICE", before, null);
		}
		assertThat(this.roles.permissionsOf(List.of("OFFICE"))).contains("clue:dashboard:view");
		this.mvc.perform(get("/api/v1/clues/dashboard").with(user(office))).andExpect(status().isOk());
	}

}
