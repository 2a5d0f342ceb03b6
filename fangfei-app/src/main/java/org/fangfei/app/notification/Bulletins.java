package org.fangfei.app.notification;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulletins (通报). The sending side — users who may send, within whose jurisdiction the
 * sender's region lies — sees a bulletin with every unit's receipt; a receiving unit's
 * members see it and give its receipt the first time one of them opens it. Nobody else
 * can tell it exists.
 */
@Service
class Bulletins {

	static final int LISTED = 200;

	private static final String SELECT = """
			select b.*, (select count(*) from bulletin_recipient x where x.bulletin_id = b.id) as units,
			  (select count(*) from bulletin_recipient x where x.bulletin_id = b.id and x.first_read_at is not null) as units_read
			""";

	/** Whether the reader's unit or department is among the recipients of bulletin b. */
	private static final String ADDRESSED = """
			exists (select 1 from bulletin_recipient x where x.bulletin_id = b.id
			  and (x.region_code = cast(:unit as varchar) or x.department_id = cast(:dept as bigint)))""";

	private static final String READ_BY_MY_UNIT = """
			exists (select 1 from bulletin_recipient x where x.bulletin_id = b.id and x.first_read_at is not null
			  and (x.region_code = cast(:unit as varchar) or x.department_id = cast(:dept as bigint)))""";

	private final JdbcClient jdbc;

	private final BulletinRules rules;

	private final Inbox inbox;

	private final AuditLog audit;

	Bulletins(JdbcClient jdbc, BulletinRules rules, Inbox inbox, AuditLog audit) {
		this.jdbc = jdbc;
		this.rules = rules;
		this.inbox = inbox;
		this.audit = audit;
	}

	private static RowMapper<Bulletin> mapper(boolean received) {
		return (rs, n) -> {
			BulletinLevel level = BulletinLevel.valueOf(rs.getString("level"));
			return new Bulletin(rs.getLong("id"), rs.getString("title"), rs.getString("body"), level, level.label(),
					rs.getString("sender_name"), rs.getString("sender_region_code"),
					Times.local(rs.getObject("sent_at", OffsetDateTime.class)), rs.getInt("units"),
					rs.getInt("units_read"), received ? rs.getBoolean("read_by_my_unit") : null);
		};
	}

	/**
	 * Sends a bulletin: one receipt row and one {@link NoticeKind#BULLETIN} notice per
	 * receiving unit, all or nothing, audited.
	 */
	@Transactional
	Bulletin send(BulletinForm form, DataScope scope, Reader sender) {
		List<BulletinRules.Target> targets = this.rules.targets(form, scope, sender);
		if (sender.regionCode() == null) {
			throw new Rejected("您的账号未设置所属区划，不能发送通报");
		}
		long id = this.jdbc.sql("""
				insert into bulletin (title, body, level, sender_id, sender_name, sender_region_code, sent_at)
				values (:title, :body, :level, :sender, :name, :region, :now) returning id
				""")
			.param("now", Times.now())
			.param("title", form.title().strip())
			.param("body", form.body().strip())
			.param("level", form.level().name())
			.param("sender", sender.userId())
			.param("name", sender.displayName())
			.param("region", sender.regionCode())
			.query(Long.class)
			.single();
		String title = "【" + form.level().label() + "】" + form.title().strip();
		for (BulletinRules.Target t : targets) {
			this.jdbc.sql("""
					insert into bulletin_recipient (bulletin_id, region_code, department_id, unit_name)
					values (:id, cast(:region as varchar), cast(:dept as bigint), :name)
					""")
				.param("id", id)
				.param("region", t.regionCode())
				.param("dept", t.departmentId())
				.param("name", t.name())
				.update();
			this.inbox.post(NoticeKind.BULLETIN, t.recipient(), title, form.body().strip(), "/bulletins/" + id,
					dedupKey(id));
		}
		String units = targets.stream().map(BulletinRules.Target::name).collect(Collectors.joining("、"));
		this.audit.success("SEND", "bulletin", id, "发送通报 " + form.title().strip() + "（" + targets.size() + "个单位）", null,
				"level=" + form.level() + ", units=" + units);
		return sentGet(id);
	}

	static String dedupKey(long bulletinId) {
		return "bulletin:" + bulletinId;
	}

	/**
	 * Bulletins sent within the jurisdiction, newest first; empty for users who cannot
	 * send.
	 */
	@Transactional(readOnly = true)
	List<Bulletin> sent(DataScope scope, boolean canSend) {
		if (!canSend || scope.nothing()) {
			return List.of();
		}
		return this.jdbc
			.sql(SELECT + " from bulletin b where b.sender_region_code like :regionLike"
					+ " order by b.sent_at desc, b.id desc limit " + LISTED)
			.param("regionLike", scope.regionLike())
			.query(mapper(false))
			.list();
	}

	/** Bulletins addressed to the reader's unit or department, newest first. */
	@Transactional(readOnly = true)
	List<Bulletin> received(Reader reader) {
		return this.jdbc
			.sql(SELECT + ", " + READ_BY_MY_UNIT + " as read_by_my_unit from bulletin b where " + ADDRESSED
					+ " order by b.sent_at desc, b.id desc limit " + LISTED)
			.params(reader.params())
			.query(mapper(true))
			.list();
	}

	/**
	 * Opens a bulletin. For a member of a receiving unit this gives the unit's receipt
	 * (the first time any member opens it) and marks their notice read.
	 * @throws NotFound when the reader is neither on the sending side nor a recipient
	 */
	@Transactional
	BulletinView open(long id, DataScope scope, boolean canSend, Reader reader) {
		boolean sender = canSend && !scope.nothing()
				&& this.jdbc.sql("select count(*) from bulletin where id = :id and sender_region_code like :regionLike")
					.param("id", id)
					.param("regionLike", scope.regionLike())
					.query(Long.class)
					.single() > 0;
		Map<String, Object> params = reader.params();
		params.put("id", id);
		boolean recipient = this.jdbc.sql("select count(*) from bulletin b where b.id = :id and " + ADDRESSED)
			.params(params)
			.query(Long.class)
			.single() > 0;
		if (!sender && !recipient) {
			throw new NotFound("通报");
		}
		if (recipient) {
			receive(id, reader);
		}
		Bulletin bulletin = this.jdbc.sql(SELECT + " from bulletin b where b.id = :id")
			.param("id", id)
			.query(mapper(false))
			.single();
		return new BulletinView(bulletin, sender, sender ? receipts(id) : List.of());
	}

	private void receive(long id, Reader reader) {
		List<String> units = this.jdbc.sql("""
				update bulletin_recipient set first_reader_id = :uid, first_reader_name = :name, first_read_at = :now
				where bulletin_id = :id and first_read_at is null
				and (region_code = cast(:unit as varchar) or department_id = cast(:dept as bigint))
				returning unit_name
				""")
			.params(reader.params())
			.param("id", id)
			.param("name", reader.displayName())
			.param("now", Times.now())
			.query(String.class)
			.list();
		if (!units.isEmpty()) {
			this.audit.success("RECEIPT", "bulletin", id, "签收通报(" + String.join("、", units) + ")", null, null);
		}
		this.inbox.markReadByKey(dedupKey(id), reader);
	}

	private Bulletin sentGet(long id) {
		return this.jdbc.sql(SELECT + " from bulletin b where b.id = :id")
			.param("id", id)
			.query(mapper(false))
			.single();
	}

	private List<Receipt> receipts(long id) {
		return this.jdbc.sql("""
				select * from bulletin_recipient where bulletin_id = :id
				order by department_id nulls first, region_code, department_id
				""")
			.param("id", id)
			.query((rs, n) -> new Receipt(rs.getString("unit_name"), rs.getString("region_code"),
					(Long) rs.getObject("department_id"), rs.getString("first_reader_name"),
					Times.local(rs.getObject("first_read_at", OffsetDateTime.class))))
			.list();
	}

}
