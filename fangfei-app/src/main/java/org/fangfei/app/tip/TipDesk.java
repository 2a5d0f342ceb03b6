package org.fangfei.app.tip;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.FieldCipher;
import org.fangfei.app.shared.Money;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The office's side of tips: the list, a tip's content and attachments, messages to the
 * reporter, and revealing the reporter's identity — only with
 * {@code tip:reporter:reveal}, a stated reason, and an audit row each time. Nothing here
 * returns the identity except {@link #reveal}.
 */
@Service
class TipDesk {

	record Row(long id, OffsetDateTime createdAt, String regionName, String subjectName, String clueCode, Long clueId,
			TipStatus status, boolean anonymous, int additions) {
	}

	record View(long id, OffsetDateTime createdAt, String regionCode, String regionName, String subjectName,
			String subjectAddress, String subjectBusiness, String whatHappened, Long amountFen, Integer peopleCount,
			boolean anonymous, boolean wantsReward, Long clueId, String clueCode, TipStatus status) {

		public String amountYuan() {
			return Money.yuan(this.amountFen);
		}

	}

	/** The reporter's identity in clear, for one response only. */
	record Reporter(String name, String phone, String contact) {
	}

	private final JdbcClient jdbc;

	private final TipTracking tracking;

	private final FieldCipher cipher;

	private final AuditLog audit;

	TipDesk(JdbcClient jdbc, TipTracking tracking, FieldCipher cipher, AuditLog audit) {
		this.jdbc = jdbc;
		this.tracking = tracking;
		this.cipher = cipher;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	List<Row> list(Actor actor) {
		return this.jdbc
			.sql("""
					select t.id, t.created_at, r.name, t.subject_name, t.clue_code, t.clue_id, t.anonymous,
					  (select count(*) from tip_message m where m.tip_id = t.id and m.direction = 'FROM_REPORTER') additions,
					  t.clue_progress
					from tip t join region r on r.code = t.region_code
					where t.region_code like :regionLike order by t.id desc limit 500
					""")
			.param("regionLike", actor.scope().regionLike())
			.query((rs, n) -> new Row(rs.getLong(1), Times.local(rs.getObject(2, OffsetDateTime.class)),
					rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, Long.class),
					TipStatus.of(rs.getString(9)), rs.getBoolean(7), rs.getInt(8)))
			.list();
	}

	@Transactional(readOnly = true)
	View view(long id, Actor actor) {
		return this.jdbc.sql("""
				select t.*, r.name region_name from tip t join region r on r.code = t.region_code
				where t.id = :id and t.region_code like :regionLike
				""")
			.param("id", id)
			.param("regionLike", actor.scope().regionLike())
			.query((rs, n) -> new View(rs.getLong("id"), Times.local(rs.getObject("created_at", OffsetDateTime.class)),
					rs.getString("region_code"), rs.getString("region_name"), rs.getString("subject_name"),
					rs.getString("subject_address"), rs.getString("subject_business"), rs.getString("what_happened"),
					rs.getObject("amount_fen", Long.class), rs.getObject("people_count", Integer.class),
					rs.getBoolean("anonymous"), rs.getBoolean("wants_reward"), rs.getObject("clue_id", Long.class),
					rs.getString("clue_code"), TipStatus.of(rs.getString("clue_progress"))))
			.optional()
			.orElseThrow(() -> new NotFound("举报"));
	}

	List<TipMessage> messages(long id, Actor actor) {
		view(id, actor);
		return this.tracking.messages(id);
	}

	List<TipAttachments.Listed> attachments(long id, Actor actor) {
		view(id, actor);
		return TipAttachments.of(this.jdbc, id);
	}

	TipAttachments.Content attachment(long id, long attachmentId, Actor actor) {
		view(id, actor);
		return this.jdbc
			.sql("select file_name, content_type, content from tip_attachment where id = :a and tip_id = :t")
			.param("a", attachmentId)
			.param("t", id)
			.query((rs, n) -> new TipAttachments.Content(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional()
			.orElseThrow(() -> new NotFound("附件"));
	}

	/** A message the reporter reads with the tracking code. */
	@Transactional
	void message(long id, String body, Actor actor) {
		view(id, actor);
		String text = body == null ? "" : body.strip();
		if (text.length() < 2 || text.length() > 2000) {
			throw new Rejected("答复内容须为2–2000字", Map.of("body", "请填写答复内容"));
		}
		post(this.jdbc, id, text, actor.username());
		this.audit.success("TIP_MESSAGE", "tip", id, "答复举报人(举报 #" + id + ")", null, null);
	}

	static void post(JdbcClient jdbc, long tipId, String text, String by) {
		jdbc.sql("""
				insert into tip_message (tip_id, direction, body, created_by, created_at)
				values (:t, 'TO_REPORTER', :b, :by, :now)
				""").param("t", tipId).param("now", Times.now()).param("b", text).param("by", by).update();
	}

	/**
	 * The reporter's identity for a stated reason; the audit row has the reason, never
	 * the identity.
	 */
	@Transactional
	Reporter reveal(long id, String reason, Actor actor) {
		if (!actor.can("tip:reporter:reveal")) {
			throw new Rejected("无权查看举报人身份");
		}
		if (reason == null || reason.strip().length() < 2 || reason.strip().length() > 200) {
			throw new Rejected("查看举报人身份须填写事由(2–200字)", Map.of("reason", "请填写事由"));
		}
		View tip = view(id, actor);
		if (tip.anonymous()) {
			throw new Rejected("这是匿名举报，没有登记举报人身份");
		}
		Map<String, Object> row = this.jdbc
			.sql("select name_enc, phone_enc, contact_enc from tip_reporter where tip_id = :id")
			.param("id", id)
			.query()
			.singleRow();
		this.audit.success("TIP_REVEAL", "tip", id, "查看举报人身份(举报 #" + id + ")，事由：" + reason.strip(), null, null);
		return new Reporter(this.cipher.decrypt((byte[]) row.get("name_enc"), "tip_reporter.name:" + id),
				this.cipher.decrypt((byte[]) row.get("phone_enc"), "tip_reporter.phone:" + id),
				row.get("contact_enc") == null ? ""
						: this.cipher.decrypt((byte[]) row.get("contact_enc"), "tip_reporter.contact:" + id));
	}

}
