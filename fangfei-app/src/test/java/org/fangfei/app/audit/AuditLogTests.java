package org.fangfei.app.audit;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit log is append-only for the application's database role, records writes with
 * before and after, and records refused access.
 */
@IntegrationTest
class AuditLogTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Test
	void theApplicationRoleCannotUpdateOrDeleteTheLog() {
		assertThat(this.jdbc.sql("select current_user").query(String.class).single()).isEqualTo("fangfei_app");
		assertThatThrownBy(() -> this.jdbc.sql("update audit_log set summary = 'x'").update()).rootCause()
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> this.jdbc.sql("delete from audit_log").update()).rootCause()
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> this.jdbc.sql("truncate audit_log").update()).rootCause()
			.hasMessageContaining("permission denied");
	}

	@Test
	void aWriteIsRecordedWithBeforeAndAfter() throws Exception {
		UserDetails sys = this.accounts.ready("sysadmin");
		long grid = this.jdbc.sql("select id from grid where code = '620422105001'").query(Long.class).single();
		this.mvc
			.perform(post("/grids/{id}", grid).with(user(sys))
				.with(csrf())
				.param("code", "620422105001")
				.param("name", "审计测试网格")
				.param("level", "2")
				.param("regionCode", "620422105001")
				.param("parentId",
						this.jdbc.sql("select id from grid where code = '620422105000'")
							.query(Long.class)
							.single()
							.toString()))
			.andExpect(status().is3xxRedirection());
		var row = this.jdbc.sql("""
				select actor, action, outcome, before_data, after_data from audit_log
				where target_type = 'grid' and target_id = :id order by id desc limit 1
				""")
			.param("id", String.valueOf(grid))
			.query((rs,
					n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getString(5) })
			.single();
		assertThat(row[0]).isEqualTo("sysadmin");
		assertThat(row[1]).isEqualTo("UPDATE");
		assertThat(row[2]).isEqualTo("SUCCESS");
		assertThat(row[3]).doesNotContain("审计测试网格");
		assertThat(row[4]).contains("审计测试网格");
	}

	@Test
	void refusedAccessIsRecorded() throws Exception {
		UserDetails grid = this.accounts.ready("grid");
		long before = this.jdbc.sql("select count(*) from audit_log where actor = 'grid' and action = 'ACCESS_DENIED'")
			.query(Long.class)
			.single();
		this.mvc.perform(get("/users").with(user(grid))).andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("select count(*) from audit_log where actor = 'grid' and action = 'ACCESS_DENIED'")
			.query(Long.class)
			.single()).isEqualTo(before + 1);
	}

}
