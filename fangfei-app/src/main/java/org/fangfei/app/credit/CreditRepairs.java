package org.fangfei.app.credit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Conflict;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 信用修复: the office applies for a listed entry with its reason and document; the office
 * head approves — the entry leaves the list, its history kept — or refuses with a reason
 * ({@link RepairNeedsOfficeHead}). One open application per entry; every step audited.
 */
@Service
class CreditRepairs {

	static final String APPLY = "credit:repair:apply";

	/** An application as the pages show it. */
	public record Repair(long id, long entryId, String subjectName, String reason, String docNumber, String status,
			String appliedBy, OffsetDateTime appliedAt, String decidedBy, OffsetDateTime decidedAt,
			String decisionNote) {

		public String statusLabel() {
			return switch (this.status) {
				case "PENDING" -> "待审批";
				case "APPROVED" -> "已批准修复";
				default -> "不予修复";
			};
		}

		public boolean pending() {
			return "PENDING".equals(this.status);
		}

	}

	private final JdbcClient jdbc;

	private final CreditEntries entries;

	private final AuditLog audit;

	CreditRepairs(JdbcClient jdbc, CreditEntries entries, AuditLog audit) {
		this.jdbc = jdbc;
		this.entries = entries;
		this.audit = audit;
	}

	/** Applies for the repair of a listed entry; returns the application's id. */
	@Transactional
	long apply(long entryId, String reason, String docNumber, Actor actor) {
		if (!actor.can(APPLY)) {
			throw new AccessDeniedException("无权申请信用修复");
		}
		CreditRow entry = lockedEntry(entryId, actor.scope());
		if (!entry.listed()) {
			throw new Rejected("该记录已" + entry.status().label() + "，无需修复");
		}
		RepairNeedsOfficeHead.checkApplication(reason, docNumber);
		boolean open = this.jdbc.sql("select count(*) from credit_repair where entry_id = :e and status = 'PENDING'")
			.param("e", entryId)
			.query(Long.class)
			.single() > 0;
		if (open) {
			throw new Rejected("该记录已有待审批的信用修复申请");
		}
		long id = this.jdbc
			.sql("""
					insert into credit_repair (entry_id, reason, doc_number, applied_by) values (:e, :r, :d, :by) returning id
					""")
			.param("e", entryId)
			.param("r", reason.strip())
			.param("d", docNumber.strip())
			.param("by", actor.username())
			.query(Long.class)
			.single();
		this.audit.success("CREDIT_REPAIR_APPLY", "credit_entry", entryId,
				"申请信用修复 " + entry.subjectName() + "（" + docNumber.strip() + "）", null, null);
		return id;
	}

	/** Approves or refuses an open application. */
	@Transactional
	void decide(long repairId, boolean approve, String note, Actor actor) {
		Repair r = this.jdbc.sql("""
				select p.*, e.subject_name from credit_repair p join credit_entry e on e.id = p.entry_id
				where p.id = :id and e.region_code like :regionLike for update of p
				""")
			.param("id", repairId)
			.param("regionLike", actor.scope().regionLike())
			.query((rs, n) -> repair(rs))
			.optional()
			.orElseThrow(() -> new NotFound("信用修复申请"));
		RepairNeedsOfficeHead.checkDecision(actor, r.appliedBy(), approve, note);
		if (!r.pending()) {
			throw new Conflict("该申请已审批（" + r.statusLabel() + "），请刷新后查看");
		}
		CreditRow entry = lockedEntry(r.entryId(), actor.scope());
		String clean = note == null || note.isBlank() ? null : note.strip();
		this.jdbc
			.sql("""
					update credit_repair set status = :s, decided_by = :by, decided_at = now(), decision_note = :note where id = :id
					""")
			.param("s", approve ? "APPROVED" : "REJECTED")
			.param("by", actor.username())
			.param("note", clean)
			.param("id", repairId)
			.update();
		if (approve) {
			if (!entry.listed()) {
				throw new Conflict("该记录已" + entry.status().label() + "，请刷新后查看");
			}
			LocalDate today = Times.today();
			this.jdbc
				.sql("""
						update credit_entry set status = 'REPAIRED', ended_on = :on, ended_note = :note, version = version + 1,
						updated_at = now() where id = :id
						""")
				.param("on", today)
				.param("note", cut("信用修复：" + r.reason() + "（" + r.docNumber() + "）", 500))
				.param("id", r.entryId())
				.update();
			this.audit.success("CREDIT_REPAIR_APPROVE", "credit_entry", r.entryId(),
					"批准信用修复，移出失信名单 " + entry.subjectName(), null, null);
		}
		else {
			this.audit.success("CREDIT_REPAIR_REJECT", "credit_entry", r.entryId(),
					"不予信用修复 " + entry.subjectName() + "：" + clean, null, null);
		}
	}

	/** The applications for one entry, newest first. */
	@Transactional(readOnly = true)
	List<Repair> ofEntry(long entryId) {
		return this.jdbc.sql("""
				select p.*, e.subject_name from credit_repair p join credit_entry e on e.id = p.entry_id
				where p.entry_id = :e order by p.id desc
				""").param("e", entryId).query((rs, n) -> repair(rs)).list();
	}

	/** The open applications within the caller's scope, oldest first. */
	@Transactional(readOnly = true)
	List<Repair> pending(DataScope scope) {
		return this.jdbc.sql("""
				select p.*, e.subject_name from credit_repair p join credit_entry e on e.id = p.entry_id
				where p.status = 'PENDING' and e.region_code like :regionLike order by p.id limit 200
				""").param("regionLike", scope.regionLike()).query((rs, n) -> repair(rs)).list();
	}

	private CreditRow lockedEntry(long entryId, DataScope scope) {
		this.jdbc.sql("select id from credit_entry where id = :id for update")
			.param("id", entryId)
			.query()
			.listOfRows();
		return this.entries.get(entryId, scope);
	}

	private static Repair repair(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Repair(rs.getLong("id"), rs.getLong("entry_id"), rs.getString("subject_name"),
				rs.getString("reason"), rs.getString("doc_number"), rs.getString("status"), rs.getString("applied_by"),
				Times.local(rs.getObject("applied_at", OffsetDateTime.class)), rs.getString("decided_by"),
				rs.getObject("decided_at", OffsetDateTime.class) == null ? null
						: Times.local(rs.getObject("decided_at", OffsetDateTime.class)),
				rs.getString("decision_note"));
	}

	private static String cut(String s, int max) {
		return s.length() > max ? s.substring(0, max) : s;
	}

}
