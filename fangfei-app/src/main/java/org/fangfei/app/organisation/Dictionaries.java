package org.fangfei.app.organisation;

import java.util.List;
import java.util.Map;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Rejected;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The editable dictionaries of open lists (字典): key sectors (重点领域) and fundraising
 * schemes (集资模式). Items are disabled, never deleted, because ledgers keep referring to
 * their codes.
 */
@Service
public class Dictionaries {

	/** The dictionaries that can be edited, with their Chinese names. */
	public static final Map<String, String> TYPES = Map.of("sector", "重点领域(行业)", "scheme", "集资模式");

	/** One item of a dictionary. */
	public record Item(String type, String code, String label, int sortOrder, boolean enabled) {
	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	Dictionaries(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<Item> items(String type) {
		checkType(type);
		return this.jdbc.sql("select * from dict_item where dict_type = :t order by sort_order, code")
			.param("t", type)
			.query((rs, n) -> new Item(rs.getString("dict_type"), rs.getString("code"), rs.getString("label"),
					rs.getInt("sort_order"), rs.getBoolean("enabled")))
			.list();
	}

	/** Adds an item, or changes the label, order and state of an existing one. */
	@Transactional
	public Item save(String type, String code, String label, int sortOrder, boolean enabled) {
		checkType(type);
		String c = code == null ? "" : code.trim().toUpperCase();
		String l = label == null ? "" : label.trim();
		if (!c.matches("[A-Z][A-Z0-9_]{1,39}")) {
			throw new Rejected("代码为2到40位大写字母、数字或下划线，以字母开头", Map.of("code", "代码格式不正确"));
		}
		if (l.isEmpty() || l.length() > 100) {
			throw new Rejected("名称不能为空且不能超过100个字", Map.of("label", "名称不能为空且不能超过100个字"));
		}
		if (sortOrder < 0 || sortOrder > 100_000) {
			throw new Rejected("排序应在0到100000之间", Map.of("sortOrder", "排序应在0到100000之间"));
		}
		boolean labelTaken = this.jdbc
			.sql("select count(*) from dict_item where dict_type = :t and label = :l and code <> :c")
			.param("t", type)
			.param("l", l)
			.param("c", c)
			.query(Long.class)
			.single() > 0;
		if (labelTaken) {
			throw new Rejected("名称“" + l + "”已被其他条目使用", Map.of("label", "名称重复"));
		}
		List<Item> before = items(type).stream().filter(i -> i.code().equals(c)).toList();
		this.jdbc.sql("""
				insert into dict_item (dict_type, code, label, sort_order, enabled) values (:t, :c, :l, :s, :e)
				on conflict (dict_type, code) do update set label = :l, sort_order = :s, enabled = :e
				""").param("t", type).param("c", c).param("l", l).param("s", sortOrder).param("e", enabled).update();
		Item after = new Item(type, c, l, sortOrder, enabled);
		this.audit.success(before.isEmpty() ? "CREATE" : "UPDATE", "dict_item", type + ":" + c,
				(before.isEmpty() ? "新增字典条目 " : "修改字典条目 ") + TYPES.get(type) + " " + l,
				before.isEmpty() ? null : before.get(0).toString(), after.toString());
		return after;
	}

	private static void checkType(String type) {
		if (!TYPES.containsKey(type)) {
			throw new NotFound("字典");
		}
	}

}
