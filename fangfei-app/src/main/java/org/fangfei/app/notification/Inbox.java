package org.fangfei.app.notification;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.security.Accounts;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every user's inbox (待办通知). Other modules {@link #post post} a notice when something
 * needs someone and {@link #resolve resolve} it when the matter is done; users read their
 * notices on {@code /inbox}. Posting and resolving join the caller's transaction, so a
 * notice exists exactly when the change that caused it was committed; they are not
 * audited on their own because the change that causes them is.
 */
@Service
public class Inbox {

	static final int TITLE_MAX = 200;

	static final int BODY_MAX = 2000;

	/**
	 * A path on this site: one leading slash, no backslash or blank (never another host).
	 */
	private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[^\\s\\\\]*");

	private static final String SELECT = Reader.MINE + """
			select n.*, r.read_at from notice n join mine m on m.id = n.id
			left join notice_read r on r.notice_id = n.id and r.user_id = :uid
			""";

	private static final String OPEN = "(n.resolved_at is null and (n.needs_action or r.read_at is null))";

	private static final String FILTERS = """
			where (cast(:kind as varchar) is null or n.kind = :kind)
			and (:state = 'all' or (:state = 'open') =\s""" + OPEN + ")\n";

	private static final RowMapper<Notice> MAPPER = (rs, n) -> {
		NoticeKind kind = NoticeKind.valueOf(rs.getString("kind"));
		OffsetDateTime read = rs.getObject("read_at", OffsetDateTime.class);
		OffsetDateTime resolved = rs.getObject("resolved_at", OffsetDateTime.class);
		return new Notice(rs.getLong("id"), kind, kind.label(), rs.getString("title"), rs.getString("body"),
				rs.getString("link"), Times.local(rs.getObject("created_at", OffsetDateTime.class)), read != null,
				Times.local(resolved), resolved == null && (kind.needsAction() || read == null));
	};

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Accounts accounts;

	Inbox(JdbcClient jdbc, AuditLog audit, Accounts accounts) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.accounts = accounts;
	}

	/**
	 * Posts a notice. Idempotent on ({@code dedupKey}, recipient): posting the same key
	 * to the same recipient again — even after it was resolved — keeps the one notice
	 * there is; a null key always posts. Joins the caller's transaction.
	 * @param title shown in the list; cut to 200 characters
	 * @param body optional detail, plain text; cut to 2000 characters
	 * @param link optional path within the application (starting with one {@code /}) to
	 * the matter the notice is about
	 * @param dedupKey optional key naming the matter, such as {@code clue:42:assigned};
	 * also the key {@link #resolve(String)} takes
	 * @return whether a notice was posted: false when this key was posted to this
	 * recipient before
	 */
	@Transactional
	public boolean post(NoticeKind kind, Recipient to, String title, String body, String link, String dedupKey) {
		if (kind == null || to == null || title == null || title.isBlank()) {
			throw new IllegalArgumentException("A notice needs a kind, a recipient and a title");
		}
		if (link != null && !link.isBlank() && (!LOCAL_PATH.matcher(link).matches() || link.length() > 300)) {
			throw new IllegalArgumentException("A notice links to a path within the application: " + link);
		}
		if (dedupKey != null && dedupKey.length() > 200) {
			throw new IllegalArgumentException("A dedup key has at most 200 characters");
		}
		return this.jdbc.sql("""
				insert into notice (kind, needs_action, title, body, link, dedup_key, recipient_key,
				  to_user_id, to_unit_code, to_department_id, to_role, to_region_prefix, created_at)
				values (:kind, :needsAction, :title, cast(:body as varchar), cast(:link as varchar),
				  cast(:dedup as varchar), :recipient, cast(:user as bigint), cast(:unit as varchar),
				  cast(:dept as bigint), cast(:role as varchar), cast(:prefix as varchar), :now)
				on conflict (dedup_key, recipient_key) where dedup_key is not null do nothing
				""")
			.param("kind", kind.name())
			.param("needsAction", kind.needsAction())
			.param("title", cut(title.strip(), TITLE_MAX))
			.param("body", body == null || body.isBlank() ? null : cut(body.strip(), BODY_MAX))
			.param("link", link == null || link.isBlank() ? null : link)
			.param("dedup", dedupKey)
			.param("recipient", to.key())
			.param("user", to.userId())
			.param("unit", to.role() == null ? to.regionCode() : null)
			.param("dept", to.departmentId())
			.param("role", to.role())
			.param("prefix", to.role() == null ? null : to.regionCode())
			.param("now", Times.now())
			.update() > 0;
	}

	/**
	 * Marks done every notice posted with {@code dedupKey}, for all its recipients (the
	 * task it announced is finished), so it leaves their "needs me now". Joins the
	 * caller's transaction; resolving again changes nothing.
	 */
	@Transactional
	public void resolve(String dedupKey) {
		this.jdbc.sql("update notice set resolved_at = :now where dedup_key = :key and resolved_at is null")
			.param("now", Times.now())
			.param("key", dedupKey)
			.update();
	}

	/**
	 * Which of these dedup keys have been posted, to anyone, resolved or not: a sender
	 * skips a matter it already announced without reading the notices.
	 */
	@Transactional(readOnly = true)
	public Set<String> posted(Collection<String> dedupKeys) {
		if (dedupKeys.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(this.jdbc.sql("select distinct dedup_key from notice where dedup_key = any(:keys)")
			.param("keys", dedupKeys.toArray(String[]::new))
			.query(String.class)
			.list());
	}

	/** How many notices still need this account now (the header badge); 0 if disabled. */
	@Transactional(readOnly = true)
	public long openCount(long userId) {
		return reader(userId).map(this::openCount).orElse(0L);
	}

	long openCount(Reader reader) {
		return this.jdbc.sql(Reader.MINE + """
				select count(*) from notice n join mine m on m.id = n.id
				where n.resolved_at is null and (n.needs_action or not exists (
				  select 1 from notice_read r where r.notice_id = n.id and r.user_id = :uid))
				""").params(reader.params()).query(Long.class).single();
	}

	/** The reader's open notices counted by kind (the workbench). */
	@Transactional(readOnly = true)
	java.util.Map<NoticeKind, Long> openByKind(Reader reader) {
		java.util.Map<NoticeKind, Long> counts = new java.util.EnumMap<>(NoticeKind.class);
		this.jdbc
			.sql(SELECT.replace("select n.*, r.read_at", "select n.kind, count(*) as n") + " where " + OPEN
					+ " group by n.kind")
			.params(reader.params())
			.query(rs -> {
				counts.put(NoticeKind.valueOf(rs.getString("kind")), rs.getLong("n"));
			});
		return counts;
	}

	/** The enabled account with its unit, department and roles. */
	Optional<Reader> reader(long userId) {
		return this.accounts.enabled(userId)
			.map(a -> new Reader(a.id(), a.displayName(), a.regionCode(), a.departmentId(), a.roles()));
	}

	/** The signed-in account as a reader; a disabled one reads nothing. */
	Reader signedIn(long userId) {
		return reader(userId).orElseThrow(() -> new NotFound("账号"));
	}

	/** Newest first. */
	@Transactional(readOnly = true)
	PageOf<Notice> list(Reader reader, InboxQuery q, PageRequest paging) {
		Map<String, Object> params = reader.params();
		params.put("kind", q.kind() == null ? null : q.kind().name());
		params.put("state", q.stateOrDefault());
		long total = this.jdbc.sql(Reader.MINE + """
				select count(*) from notice n join mine m on m.id = n.id
				left join notice_read r on r.notice_id = n.id and r.user_id = :uid
				""" + FILTERS).params(params).query(Long.class).single();
		params.put("size", paging.size());
		params.put("offset", paging.offset());
		List<Notice> items = this.jdbc
			.sql(SELECT + FILTERS + " order by n.created_at desc, n.id desc limit :size offset :offset")
			.params(params)
			.query(MAPPER)
			.list();
		return paging.pageOf(items, total);
	}

	/** A notice addressed to the reader; any other does not exist for them. */
	@Transactional(readOnly = true)
	Notice get(long id, Reader reader) {
		return this.jdbc.sql(SELECT + " where n.id = :id")
			.params(reader.params())
			.param("id", id)
			.query(MAPPER)
			.optional()
			.orElseThrow(() -> new NotFound("通知"));
	}

	/** Marks one notice read by the reader (the first time only) and returns it. */
	@Transactional
	Notice markRead(long id, Reader reader) {
		Notice notice = get(id, reader);
		if (!notice.read()) {
			this.jdbc.sql("insert into notice_read (notice_id, user_id) values (:id, :uid)")
				.param("id", id)
				.param("uid", reader.userId())
				.update();
			this.audit.success("READ", "notice", id, "阅读通知 " + notice.title(), null, null);
		}
		return get(id, reader);
	}

	/** Marks every unread notice of the reader read; returns how many. */
	@Transactional
	int markAllRead(Reader reader) {
		int marked = this.jdbc.sql(Reader.MINE + """
				insert into notice_read (notice_id, user_id)
				select m.id, :uid from mine m
				where not exists (select 1 from notice_read r where r.notice_id = m.id and r.user_id = :uid)
				""").params(reader.params()).update();
		if (marked > 0) {
			this.audit.success("READ_ALL", "notice", null, "全部标为已读(" + marked + "条)", null, null);
		}
		return marked;
	}

	/**
	 * Marks read, for the reader, the notices of one matter (a bulletin they opened from
	 * its own page rather than from the inbox).
	 */
	@Transactional
	void markReadByKey(String dedupKey, Reader reader) {
		Map<String, Object> params = reader.params();
		params.put("key", dedupKey);
		this.jdbc.sql(Reader.MINE + """
				insert into notice_read (notice_id, user_id)
				select n.id, :uid from notice n join mine m on m.id = n.id
				where n.dedup_key = :key
				and not exists (select 1 from notice_read r where r.notice_id = n.id and r.user_id = :uid)
				""").params(params).update();
	}

	private static String cut(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max - 1) + "…";
	}

}
