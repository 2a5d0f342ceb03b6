package org.fangfei.app.security;

import java.util.List;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Accounts} as the other modules use it instead of reading the account tables: an
 * enabled account with its unit and roles, names of a list of accounts in one call, and
 * the holders of a role within a jurisdiction.
 */
@IntegrationTest
class AccountsTests {

	private static final String COUNTY = "620422000000";

	@Autowired
	Accounts accounts;

	@Autowired
	TestAccounts test;

	@Autowired
	JdbcClient jdbc;

	private long chief;

	private long leader;

	private long retired;

	@BeforeEach
	void setUp() {
		this.test.ready("chief");
		this.test.ready("leader");
		this.chief = idOf("chief");
		this.leader = idOf("leader");
		if (this.jdbc.sql("select count(*) from app_user where username = 'retired.leader'")
			.query(Long.class)
			.single() == 0) {
			long id = this.jdbc.sql("""
					insert into app_user (username, display_name, password_hash, region_code, enabled)
					values ('retired.leader', '原县领导 吴涛', 'x', :county, false) returning id
					""").param("county", COUNTY).query(Long.class).single();
			this.jdbc.sql("insert into user_role (user_id, role_code) values (:id, 'LEADER')").param("id", id).update();
		}
		this.retired = idOf("retired.leader");
	}

	private long idOf(String username) {
		return this.jdbc.sql("select id from app_user where username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
	}

	@Test
	void anEnabledAccountComesWithItsUnitAndRolesADisabledOneNot() {
		assertThat(this.accounts.enabled(this.chief)).hasValueSatisfying(a -> {
			assertThat(a.displayName()).isEqualTo("县处非办主任 周强");
			assertThat(a.regionCode()).isEqualTo(COUNTY);
			assertThat(a.departmentId()).isNotNull();
			assertThat(a.roles()).containsExactly("OFFICE_HEAD");
		});
		assertThat(this.accounts.enabled(this.leader)).hasValueSatisfying(a -> {
			assertThat(a.departmentId()).isNull();
			assertThat(a.roles()).containsExactly("LEADER");
		});
		assertThat(this.accounts.enabled(this.retired)).isEmpty();
		assertThat(this.accounts.enabled(-1)).isEmpty();
	}

	@Test
	void namesOfAListInOneCallDisabledAccountsIncluded() {
		assertThat(this.accounts.displayNames(List.of(this.chief, this.retired, this.chief, -1L)))
			.containsOnlyKeys(this.chief, this.retired)
			.containsEntry(this.chief, "县处非办主任 周强")
			.containsEntry(this.retired, "原县领导 吴涛");
		assertThat(this.accounts.displayNames(List.of())).isEmpty();
	}

	@Test
	void holdersOfARoleAreEnabledAndWithinTheJurisdiction() {
		List<Long> county = this.accounts.holding(List.of("LEADER", "OFFICE_HEAD"), "620422%")
			.stream()
			.map(Accounts.Account::id)
			.toList();
		assertThat(county).contains(this.chief, this.leader).doesNotContain(this.retired, idOf("office"));
		assertThat(this.accounts.holding(List.of("LEADER"), "620422%")).extracting(Accounts.Account::id)
			.contains(this.leader)
			.doesNotContain(this.chief);
		assertThat(this.accounts.holding(List.of("LEADER", "OFFICE_HEAD"), "620422100%"))
			.extracting(Accounts.Account::id)
			.doesNotContain(this.chief, this.leader);
	}

}
