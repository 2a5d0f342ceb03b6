package org.fangfei.app.security;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.shared.AccountNames;
import org.fangfei.app.shared.Choice;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.SqlLike;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Names of accounts for the records that keep a login name, and the people picker: only
 * accounts of the caller's jurisdiction are offered or matched (the three administrators,
 * who have none, never are).
 */
@Service("accountNames")
class AccountNameDirectory implements AccountNames {

	private final JdbcClient jdbc;

	AccountNameDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, String> byUsername(Collection<String> usernames) {
		Map<String, String> names = new HashMap<>();
		String[] wanted = usernames.stream().filter(u -> u != null && !u.isBlank()).distinct().toArray(String[]::new);
		if (wanted.length == 0) {
			return names;
		}
		this.jdbc.sql("select username, display_name from app_user where username = any(:u)")
			.param("u", wanted)
			.query(rs -> {
				names.put(rs.getString(1), rs.getString(2));
			});
		return names;
	}

	@Override
	@Transactional(readOnly = true)
	public List<String> usernamesMatching(String text, DataScope scope) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		String t = text.strip();
		return this.jdbc.sql("""
				select username from app_user where region_code like :regionLike
				and (username = :t or display_name like :tLike) order by username limit 200
				""")
			.param("regionLike", scope.regionLike())
			.param("t", t)
			.param("tLike", SqlLike.contains(t))
			.query(String.class)
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Choice> pick(String text, DataScope scope, int limit) {
		String t = text == null || text.isBlank() ? null : text.strip();
		return this.jdbc.sql("""
				select u.username, u.display_name, coalesce(d.name, r.name, '') unit
				from app_user u left join region r on r.code = u.region_code
				left join department d on d.id = u.department_id
				where u.enabled and u.region_code like :regionLike
				and (cast(:t as varchar) is null or u.display_name like :tLike or u.username = :t)
				order by u.display_name, u.id limit :limit
				""")
			.param("regionLike", scope.regionLike())
			.param("t", t)
			.param("tLike", SqlLike.contains(t))
			.param("limit", limit)
			.query((rs, n) -> Choice.of(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
	}

}
