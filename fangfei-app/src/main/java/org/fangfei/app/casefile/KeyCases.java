package org.fangfei.app.casefile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.notification.Inbox;
import org.fangfei.app.notification.NoticeKind;
import org.fangfei.app.notification.Recipient;
import org.fangfei.app.security.Accounts;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Rejected;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What makes a case a key case by hand and how it is led (004 tasks 21–22): a leader's
 * instruction (批示) and a petition or stability flag, listed supervision (挂牌督办), the
 * leader who owns the case (领导包案, told through the inbox), its timetable, and its task
 * force (一案一专班: units and people). Each change is on the timeline and audited.
 */
@Service
class KeyCases {

	static final String SUPERVISE = "casefile:case:supervise";

	static final List<String> LEADER_ROLES = List.of("LEADER", "OFFICE_HEAD");

	private final JdbcClient jdbc;

	private final Cases cases;

	private final AuditLog audit;

	private final Accounts accounts;

	private final Inbox inbox;

	KeyCases(JdbcClient jdbc, Cases cases, AuditLog audit, Accounts accounts, Inbox inbox) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.audit = audit;
		this.accounts = accounts;
		this.inbox = inbox;
	}

	/**
	 * What a leader or the office head decides on a case.
	 *
	 * @param leaderInstruction the instruction, or blank for none
	 * @param listedSupervision 挂牌督办
	 * @param ownerLeaderId the leader who owns the case, or null
	 */
	record Leadership(String leaderInstruction, Boolean listedSupervision, String supervisionNote, Long ownerLeaderId) {

		boolean listed() {
			return Boolean.TRUE.equals(this.listedSupervision);
		}

	}

	/** What the office keeps: the stability flag and the timetable. */
	record Handling(String stabilityRisk, String timetable) {
	}

	/** One member of the task force. */
	record Member(String unit, String person, String duty) {
	}

	@Transactional
	void lead(long id, int seenVersion, Leadership l, Actor actor) {
		if (!actor.can(SUPERVISE)) {
			throw new AccessDeniedException("无权督办案件");
		}
		CaseFile c = this.cases.forChange(id, seenVersion, actor);
		Map<String, String> errors = new LinkedHashMap<>();
		String instruction = limited(l.leaderInstruction(), 500, "leaderInstruction", "领导批示", errors);
		String note = limited(l.supervisionNote(), 500, "supervisionNote", "督办要求", errors);
		if (l.listed() && note == null) {
			errors.put("supervisionNote", "挂牌督办须写明督办要求");
		}
		String leaderName = null;
		if (l.ownerLeaderId() != null) {
			leaderName = leaders(actor).stream()
				.filter(a -> a.id() == l.ownerLeaderId())
				.map(Accounts.Account::displayName)
				.findFirst()
				.orElse(null);
			if (leaderName == null) {
				errors.put("ownerLeaderId", "包案领导须是本辖区的领导或处非办负责人");
			}
		}
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
		Long before = this.jdbc.sql("select owner_leader_id from case_file where id = :id")
			.param("id", id)
			.query(Long.class)
			.optional()
			.orElse(null);
		c.record("督办", (instruction == null ? "" : "领导批示：" + instruction + "；")
				+ (l.listed() ? "挂牌督办：" + note : "未挂牌督办") + "；包案领导：" + (leaderName == null ? "无" : leaderName));
		this.cases.save(c, actor);
		this.jdbc.sql("""
				update case_file set leader_instruction = :instruction, listed_supervision = :listed,
				supervision_note = :note, owner_leader_id = :leader where id = :id
				""")
			.param("instruction", instruction)
			.param("listed", l.listed())
			.param("note", note)
			.param("leader", l.ownerLeaderId())
			.param("id", id)
			.update();
		if (l.ownerLeaderId() != null && !l.ownerLeaderId().equals(before)) {
			this.inbox.post(NoticeKind.SUPERVISION, Recipient.user(l.ownerLeaderId()), "领导包案：" + c.code(),
					"您被确定为案件 " + c.code() + " 的包案领导。", "/cases/" + id, "case-owner:" + id + ":" + l.ownerLeaderId());
		}
		this.audit.success("CASE_LEAD", "case", id, c.code() + " 督办与包案", null, null);
	}

	@Transactional
	void handle(long id, int seenVersion, Handling h, Actor actor) {
		CaseRegistry.need(actor);
		CaseFile c = this.cases.forChange(id, seenVersion, actor);
		Map<String, String> errors = new LinkedHashMap<>();
		String risk = limited(h.stabilityRisk(), 500, "stabilityRisk", "涉稳风险说明", errors);
		String timetable = limited(h.timetable(), 1000, "timetable", "时间表", errors);
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
		c.record("办理安排", (risk == null ? "无涉稳风险标记" : "涉稳风险：" + risk) + (timetable == null ? "" : "；时间表：" + timetable));
		this.cases.save(c, actor);
		this.jdbc.sql("update case_file set stability_risk = :risk, timetable = :timetable where id = :id")
			.param("risk", risk)
			.param("timetable", timetable)
			.param("id", id)
			.update();
		this.audit.success("CASE_HANDLING", "case", id, c.code() + " 涉稳与时间表", null, null);
	}

	@Transactional
	void addMember(long id, int seenVersion, Member m, Actor actor) {
		CaseRegistry.need(actor);
		CaseFile c = this.cases.forChange(id, seenVersion, actor);
		Map<String, String> errors = new LinkedHashMap<>();
		String unit = limited(m.unit(), 100, "unit", "单位", errors);
		String person = limited(m.person(), 60, "person", "人员", errors);
		String duty = limited(m.duty(), 200, "duty", "职责", errors);
		if (unit == null) {
			errors.put("unit", "请填写专班成员单位");
		}
		if (person == null) {
			errors.put("person", "请填写专班成员姓名");
		}
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
		c.record("专班", "加入专班：" + unit + " " + person + (duty == null ? "" : "（" + duty + "）"));
		this.cases.save(c, actor);
		this.jdbc
			.sql("""
					insert into case_task_force (case_id, unit, person, duty, added_by) values (:case, :unit, :person, :duty, :by)
					""")
			.param("case", id)
			.param("unit", unit)
			.param("person", person)
			.param("duty", duty)
			.param("by", actor.username())
			.update();
		this.audit.success("CASE_TASK_FORCE", "case", id, c.code() + " 专班加入 " + unit + " " + person, null, null);
	}

	@Transactional
	void removeMember(long id, int seenVersion, long memberId, Actor actor) {
		CaseRegistry.need(actor);
		CaseFile c = this.cases.forChange(id, seenVersion, actor);
		String who = this.jdbc
			.sql("select unit || ' ' || person from case_task_force where id = :m and case_id = :case")
			.param("m", memberId)
			.param("case", id)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new Rejected("专班成员不存在"));
		c.record("专班", "退出专班：" + who);
		this.cases.save(c, actor);
		this.jdbc.sql("delete from case_task_force where id = :m").param("m", memberId).update();
		this.audit.success("CASE_TASK_FORCE", "case", id, c.code() + " 专班退出 " + who, null, null);
	}

	/** The leaders who may own a case of the caller's jurisdiction. */
	List<Accounts.Account> leaders(Actor actor) {
		return this.accounts.holding(LEADER_ROLES, actor.scope().regionLike());
	}

	static String limited(String text, int max, String field, String label, Map<String, String> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String s = text.strip();
		if (s.length() > max) {
			errors.put(field, label + "不能超过" + max + "字");
		}
		return s;
	}

}
