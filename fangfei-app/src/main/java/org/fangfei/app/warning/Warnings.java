package org.fangfei.app.warning;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.calendar.WorkCalendar;
import org.fangfei.app.notification.Inbox;
import org.fangfei.app.notification.NoticeKind;
import org.fangfei.app.notification.Recipient;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Warnings (预警): raised when a subject's index enters 橙 or 红, pushed to the inbox of the
 * township responsible (and the supervising department), answered with what was checked,
 * what was done and the tier proposed — a red one only with the on-site visit recorded —
 * by a deadline in working days; once overdue the office and the leaders are told.
 */
@Service
class Warnings {

	static final String ANSWER = "warning:warning:answer";

	private static final String SELECT = """
			select w.id, w.subject_id, w.subject_name, w.region_code, r.name as region_name, w.tier, w.score, w.reasons,
			  w.raised_at, w.due_on, w.status, w.escalated_at, w.checked, w.done, w.proposed_tier, w.visited_on,
			  w.visit_note, w.answered_by, w.answered_at
			from warning w left join region r on r.code = w.region_code
			""";

	private static final String SCOPE = " w.region_code like :regionLike and (not :sectorLimited or w.sector_code = any(:sectorCodes)) ";

	private final JdbcClient jdbc;

	private final Inbox inbox;

	private final WorkCalendar calendar;

	private final WarningSettings settings;

	private final AuditLog audit;

	Warnings(JdbcClient jdbc, Inbox inbox, WorkCalendar calendar, WarningSettings settings, AuditLog audit) {
		this.jdbc = jdbc;
		this.inbox = inbox;
		this.calendar = calendar;
		this.settings = settings;
		this.audit = audit;
	}

	/**
	 * Raises the warning for a subject that rose into 橙 or 红, unless one of that tier or
	 * higher is still open for it; returns its id.
	 */
	@Transactional
	Optional<Long> raise(RiskIndex.Rise rise) {
		Boolean open = this.jdbc.sql("""
				select exists (select 1 from warning where subject_id = :s and status = 'OPEN'
				  and (tier = 'RED' or tier = :tier))
				""").param("s", rise.subjectId()).param("tier", rise.to().name()).query(Boolean.class).single();
		if (open) {
			return Optional.empty();
		}
		Map<String, Object> subject = this.jdbc
			.sql("select name, region_code, sector_code, department_id from warning_subject where subject_id = :s")
			.param("s", rise.subjectId())
			.query()
			.singleRow();
		String reasons = String.join("；", this.jdbc.sql("""
				select label from warning_signal where subject_id = :s order by at desc limit 5
				""").param("s", rise.subjectId()).query(String.class).list());
		String region = (String) subject.get("region_code");
		String unit = region.substring(0, 9) + "000";
		OffsetDateTime now = Times.now();
		LocalDate due = this.calendar.plusWorkingDays(now.atZoneSameInstant(Times.zone()).toLocalDate(),
				this.settings.config().dueDays(rise.to()));
		Long dept = subject.get("department_id") == null ? null : ((Number) subject.get("department_id")).longValue();
		long id = this.jdbc.sql("""
				insert into warning (subject_id, subject_name, region_code, sector_code, unit_code, department_id, tier,
				  score, reasons, raised_at, due_on, status)
				values (:s, :name, :region, :sector, :unit, :dept, :tier, :score, :reasons, :now, :due, 'OPEN')
				returning id
				""")
			.param("s", rise.subjectId())
			.param("name", subject.get("name"))
			.param("region", region)
			.param("sector", subject.get("sector_code"))
			.param("unit", unit)
			.param("dept", dept)
			.param("tier", rise.to().name())
			.param("score", rise.score())
			.param("reasons", reasons.length() > 1000 ? reasons.substring(0, 1000) : reasons)
			.param("now", now)
			.param("due", due)
			.query(Long.class)
			.single();
		String title = rise.to().label() + "预警：" + subject.get("name") + "（风险指数 " + rise.score() + "）";
		String body = "请于 " + due + " 前反馈核查情况、处置措施和建议等级" + (rise.to() == Tier.RED ? "，并登记现场指导。" : "。");
		this.inbox.post(NoticeKind.ASSIGNED, Recipient.unit(unit), title, body, "/warnings/" + id, key(id));
		if (dept != null) {
			this.inbox.post(NoticeKind.ASSIGNED, Recipient.department(dept), title, body, "/warnings/" + id, key(id));
		}
		this.audit.success("WARNING_RAISE", "warning", id, title, null, null);
		return Optional.of(id);
	}

	/** Records the response; refuses a closed warning and an incomplete answer. */
	@Transactional
	WarningRecord answer(long id, WarningResponse r, Actor actor) {
		WarningRecord w = get(id, actor.scope());
		if (!w.open()) {
			throw new Rejected("该预警已反馈，不能重复反馈");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		required(errors, "checked", "核查情况", r.checked());
		required(errors, "done", "处置措施", r.done());
		Tier proposed = null;
		try {
			proposed = r.proposedTier() == null || r.proposedTier().isBlank() ? null : Tier.valueOf(r.proposedTier());
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		if (proposed == null) {
			errors.put("proposedTier", "请选择建议风险等级");
		}
		if (w.tier() == Tier.RED) {
			LocalDate today = Times.today();
			if (r.visitedOn() == null) {
				errors.put("visitedOn", "红色预警须登记现场指导日期");
			}
			else if (r.visitedOn().isAfter(today)
					|| r.visitedOn().isBefore(w.raisedAt().atZoneSameInstant(Times.zone()).toLocalDate())) {
				errors.put("visitedOn", "现场指导日期应在预警发出之日到今天之间");
			}
			required(errors, "visitNote", "现场指导情况", r.visitNote());
		}
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
		this.jdbc.sql("""
				update warning set status = 'ANSWERED', checked = :checked, done = :done, proposed_tier = :proposed,
				  visited_on = :visited, visit_note = :note, answered_by = :by, answered_at = :now
				where id = :id and status = 'OPEN'
				""")
			.param("checked", r.checked().strip())
			.param("done", r.done().strip())
			.param("proposed", proposed.name())
			.param("visited", w.tier() == Tier.RED ? r.visitedOn() : null)
			.param("note", w.tier() == Tier.RED ? r.visitNote().strip() : null)
			.param("by", actor.username())
			.param("now", Times.now())
			.param("id", id)
			.update();
		this.inbox.resolve(key(id));
		this.inbox.resolve(key(id) + ":overdue");
		this.audit.success("WARNING_ANSWER", "warning", id, "反馈预警 " + w.subjectName() + "，建议等级" + proposed.label(),
				null, null);
		return get(id, actor.scope());
	}

	/**
	 * Tells the office and the leaders of each warning past its deadline and still open
	 * (once per warning); returns how many were escalated.
	 */
	@Transactional
	int escalateOverdue(LocalDate today) {
		List<Map<String, Object>> due = this.jdbc
			.sql("""
					update warning set escalated_at = :now where status = 'OPEN' and due_on < :today and escalated_at is null
					returning id, subject_name, tier, due_on, region_code
					""")
			.param("now", Times.now())
			.param("today", today)
			.query()
			.listOfRows();
		for (Map<String, Object> w : due) {
			long id = ((Number) w.get("id")).longValue();
			String county = ((String) w.get("region_code")).substring(0, 6);
			String title = "预警逾期未反馈：" + w.get("subject_name") + "（" + Tier.valueOf((String) w.get("tier")).label()
					+ "）";
			String body = "反馈期限 " + w.get("due_on") + " 已过，请督促责任单位反馈。";
			this.inbox.post(NoticeKind.OVERDUE, Recipient.role("OFFICE", county), title, body, "/warnings/" + id,
					key(id) + ":overdue");
			this.inbox.post(NoticeKind.OVERDUE, Recipient.role("LEADER", county), title, body, "/warnings/" + id,
					key(id) + ":overdue");
			this.audit.success("WARNING_ESCALATE", "warning", id, title, null, null);
		}
		return due.size();
	}

	WarningRecord get(long id, DataScope scope) {
		Map<String, Object> p = scope.sqlParams();
		p.put("id", id);
		return this.jdbc.sql(SELECT + " where w.id = :id and" + SCOPE)
			.params(p)
			.query(Warnings::map)
			.optional()
			.orElseThrow(() -> new NotFound("预警"));
	}

	/** Warnings in scope: open first (by deadline), then the latest answered. */
	List<WarningRecord> list(DataScope scope, String status, Long subjectId, int limit) {
		Map<String, Object> p = scope.sqlParams();
		p.put("status", status == null || status.isBlank() ? null : status);
		p.put("subject", subjectId == null ? -1L : subjectId);
		p.put("hasSubject", subjectId != null);
		p.put("limit", limit);
		return this.jdbc.sql(SELECT + " where" + SCOPE + """
				and (cast(:status as varchar) is null or w.status = :status
				  or (:status = 'OVERDUE' and w.status = 'OPEN' and w.due_on < current_date))
				and (not :hasSubject or w.subject_id = :subject)
				order by (w.status = 'OPEN') desc, case when w.status = 'OPEN' then w.due_on end, w.raised_at desc
				limit :limit
				""").params(p).query(Warnings::map).list();
	}

	static String key(long id) {
		return "warning:" + id;
	}

	private static void required(Map<String, String> errors, String field, String label, String value) {
		if (value == null || value.isBlank()) {
			errors.put(field, "请填写" + label);
		}
		else if (value.strip().length() > 1000) {
			errors.put(field, label + "不能超过 1000 字");
		}
	}

	private static WarningRecord map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		String proposed = rs.getString("proposed_tier");
		java.sql.Date visited = rs.getDate("visited_on");
		return new WarningRecord(rs.getLong("id"), rs.getLong("subject_id"), rs.getString("subject_name"),
				rs.getString("region_code"), rs.getString("region_name"), Tier.valueOf(rs.getString("tier")),
				rs.getInt("score"), rs.getString("reasons"), rs.getObject("raised_at", OffsetDateTime.class),
				rs.getDate("due_on").toLocalDate(), rs.getString("status"),
				rs.getObject("escalated_at", OffsetDateTime.class), rs.getString("checked"), rs.getString("done"),
				proposed == null ? null : Tier.valueOf(proposed), visited == null ? null : visited.toLocalDate(),
				rs.getString("visit_note"), rs.getString("answered_by"),
				rs.getObject("answered_at", OffsetDateTime.class));
	}

}
