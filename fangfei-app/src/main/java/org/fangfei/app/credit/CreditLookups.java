package org.fangfei.app.credit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.CreditCode;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.PersonalData;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.SqlLike;
import org.fangfei.app.shared.Times;
import org.fangfei.app.subject.Subjects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A department asks the list about one party (联合惩戒: 一处发现，处处受限): by name (contained in the
 * subject's name), by 统一社会信用代码 (exactly, check character verified) or by 身份证号码 (exactly,
 * through the ledger's blind index; the number itself is never stored or shown). Every
 * question is logged — who, when, through which door, what was asked (an ID number
 * masked, with its blind index) and how many entries it found — and the log is seen by
 * the office of the asker's jurisdiction.
 */
@Service
class CreditLookups {

	static final String QUERY = "credit:entry:query";

	static final String LOG = "credit:log:view";

	/** The answer to one question: the entries found, listed ones first. */
	public record Answer(KeyKind key, String asked, List<CreditRow> entries) {

		public long listed() {
			return this.entries.stream().filter(CreditRow::listed).count();
		}

	}

	/** One line of the query log. */
	public record Logged(long id, String askedBy, String askedName, String regionCode, String via, KeyKind key,
			String asked, int hits, OffsetDateTime askedAt) {

		public String viaLabel() {
			return "API".equals(this.via) ? "接口" : "页面";
		}

	}

	private final JdbcClient jdbc;

	private final Subjects subjects;

	CreditLookups(JdbcClient jdbc, Subjects subjects) {
		this.jdbc = jdbc;
		this.subjects = subjects;
	}

	/**
	 * Answers a question within the caller's scope and logs it with the answer, in one
	 * transaction; a malformed question is refused and nothing is logged.
	 */
	@Transactional
	Answer ask(KeyKind key, String value, Actor actor, String via) {
		if (!actor.can(QUERY)) {
			throw new AccessDeniedException("无权查询失信名单");
		}
		if (key == null) {
			throw new Rejected("请选择查询方式(名称、统一社会信用代码或身份证号码)", Map.of("key", "请选择查询方式"));
		}
		String raw = value == null ? "" : value.strip();
		String where;
		Object bound;
		String shown;
		String index = null;
		switch (key) {
			case NAME -> {
				if (raw.length() < 2 || raw.length() > 100) {
					throw new Rejected("请输入要查询的名称(2 到 100 字)", Map.of("value", "请输入要查询的名称(2 到 100 字)"));
				}
				where = "e.subject_name like :v";
				bound = SqlLike.contains(raw);
				shown = raw;
			}
			case CREDIT_CODE -> {
				String code = CreditCode.normalise(raw);
				if (code == null || !CreditCode.isValid(code)) {
					throw new Rejected("统一社会信用代码不正确(18位，校验位须正确)", Map.of("value", "统一社会信用代码不正确"));
				}
				where = "e.credit_code = :v";
				bound = code;
				shown = code;
			}
			default -> {
				String id = PersonalData.normaliseIdNumber(raw);
				if (id == null || !PersonalData.isValidIdNumber(id)) {
					throw new Rejected("身份证号码不正确(18位，校验位须正确)", Map.of("value", "身份证号码不正确"));
				}
				index = this.subjects.idNumberIndex(id);
				where = "e.id_number_idx = :v";
				bound = index;
				shown = PersonalData.maskIdNumber(id);
			}
		}
		List<CreditRow> found = this.jdbc
			.sql(CreditEntries.SELECT + " where " + where + " and " + CreditEntries.VISIBLE
					+ " order by case when e.status = 'LISTED' then 0 else 1 end, e.id desc limit 100")
			.params(actor.scope().sqlParams())
			.param("v", bound)
			.query((rs, n) -> CreditEntries.row(rs))
			.list();
		this.jdbc.sql("""
				insert into credit_query_log (asked_by, asked_name, region_code, via, key_kind, asked, asked_idx, hits)
				values (:by, :name, :region, :via, :key, :asked, :idx, :hits)
				""")
			.param("by", actor.username())
			.param("name", actor.displayName())
			.param("region", actor.regionCode())
			.param("via", via)
			.param("key", key.name())
			.param("asked", shown.length() > 200 ? shown.substring(0, 200) : shown)
			.param("idx", index)
			.param("hits", found.size())
			.update();
		return new Answer(key, shown, found);
	}

	/**
	 * The log of questions asked by accounts within the caller's jurisdiction, newest
	 * first.
	 */
	@Transactional(readOnly = true)
	PageOf<Logged> log(DataScope scope, PageRequest paging) {
		long total = this.jdbc.sql("select count(*) from credit_query_log where region_code like :regionLike")
			.param("regionLike", scope.regionLike())
			.query(Long.class)
			.single();
		List<Logged> rows = this.jdbc.sql("""
				select * from credit_query_log where region_code like :regionLike order by id desc limit :l offset :o
				""")
			.param("regionLike", scope.regionLike())
			.param("l", paging.size())
			.param("o", paging.offset())
			.query((rs, n) -> new Logged(rs.getLong("id"), rs.getString("asked_by"), rs.getString("asked_name"),
					rs.getString("region_code"), rs.getString("via"), KeyKind.valueOf(rs.getString("key_kind")),
					rs.getString("asked"), rs.getInt("hits"),
					Times.local(rs.getObject("asked_at", OffsetDateTime.class))))
			.list();
		return paging.pageOf(rows, total);
	}

}
