package org.fangfei.app.security;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts as other modules need them: who an account is (name, unit, roles) and who
 * holds a role within a jurisdiction. The accounts' tables ({@code app_user},
 * {@code user_role}) are this module's; other modules ask here, a list's names in one
 * call.
 */
@Service
public class Accounts {

	/**
	 * An account as others see it.
	 *
	 * @param id the account
	 * @param displayName the person's name
	 * @param regionCode their region code, or null
	 * @param departmentId their department, or null
	 * @param roles their role codes, in code order
	 */
	public record Account(long id, String displayName, String regionCode, Long departmentId, List<String> roles) {

		public Account {
			roles = List.copyOf(roles);
		}

	}

	private static final String SELECT = """
			select u.id, u.display_name, u.region_code, u.department_id,
			  array(select r.role_code from user_role r where r.user_id = u.id order by r.role_code) as roles
			from app_user u
			""";

	private static final RowMapper<Account> MAPPER = (rs, n) -> new Account(rs.getLong("id"),
			rs.getString("display_name"), rs.getString("region_code"), (Long) rs.getObject("department_id"),
			strings(rs.getArray("roles")));

	private final JdbcClient jdbc;

	Accounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The account when it exists and is enabled. */
	@Transactional(readOnly = true)
	public Optional<Account> enabled(long id) {
		return this.jdbc.sql(SELECT + " where u.id = :id and u.enabled").param("id", id).query(MAPPER).optional();
	}

	/** The enabled account signed in with this username, if there is one. */
	@Transactional(readOnly = true)
	public Optional<Account> enabledNamed(String username) {
		return this.jdbc.sql(SELECT + " where u.username = :u and u.enabled")
			.param("u", username)
			.query(MAPPER)
			.optional();
	}

	/**
	 * The names of these accounts, disabled ones included (a name stays on the records an
	 * account made); ids of no account are left out.
	 */
	@Transactional(readOnly = true)
	public Map<Long, String> displayNames(Collection<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		this.jdbc.sql("select id, display_name from app_user where id = any(:ids)")
			.param("ids", ids.stream().distinct().toArray(Long[]::new))
			.query(rs -> {
				names.put(rs.getLong(1), rs.getString(2));
			});
		return names;
	}

	/**
	 * The enabled accounts holding any of {@code roleCodes} whose region code is like
	 * {@code regionLike} (a jurisdiction's prefix with {@code %}), by name.
	 */
	@Transactional(readOnly = true)
	public List<Account> holding(Collection<String> roleCodes, String regionLike) {
		return this.jdbc.sql(SELECT + """
				where u.enabled and u.region_code like :regionLike
				and exists (select 1 from user_role r where r.user_id = u.id and r.role_code = any(:roles))
				order by u.display_name, u.id
				""")
			.param("regionLike", regionLike)
			.param("roles", roleCodes.toArray(String[]::new))
			.query(MAPPER)
			.list();
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

}
