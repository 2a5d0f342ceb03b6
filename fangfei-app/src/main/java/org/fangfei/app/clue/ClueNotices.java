package org.fangfei.app.clue;

import java.util.List;
import java.util.Optional;

import org.fangfei.app.clue.StepsChanged.Facts;
import org.fangfei.app.notification.Inbox;
import org.fangfei.app.notification.NoticeKind;
import org.fangfei.app.notification.Recipient;

import org.fangfei.app.shared.Times;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells whoever's turn it is: each step of a clue posts one notice to the party that must
 * act (the office, the handling unit, the office head, a leader), keyed by the step, and
 * resolves it when the step ends — so the inbox holds what needs each user now. Major
 * clues are reported upward at once (重大线索即时上报).
 */
@Component
class ClueNotices {

	/** Who receives reports of major clues: the next level's lead office. */
	static final String UPWARD = "市处非办";

	private final JdbcClient jdbc;

	private final Inbox inbox;

	ClueNotices(JdbcClient jdbc, Inbox inbox) {
		this.jdbc = jdbc;
		this.inbox = inbox;
	}

	/**
	 * A move (or a registration) ended one step and started the next: the step's notice
	 * leaves "needs me now" and the party whose turn the new step is gets one. Handled in
	 * the move's transaction, so a notice exists exactly when the move committed, in the
	 * order of the moves, and costs the move no commit of its own (intake is bounded by
	 * the commits: docs/performance.md).
	 */
	@EventListener
	void on(StepsChanged change) {
		stepFinished(change.finished());
		Facts clue = change.clue();
		if (change.from() != null && !change.to().open()) {
			supervisionEnded(clue.id());
		}
		if (change.started() != null) {
			stepStarted(clue, change.to(), change.started(),
					change.from() == ClueState.DISPATCHED && change.to() == ClueState.ACCEPTED);
		}
		assisting(clue, change);
		if (change.from() == null && clue.grade() == ClueGrade.MAJOR) {
			// 重大线索即时上报 of a clue registered as major
			reportUpward(clue);
		}
	}

	/** 重大线索上报 of a clue raised to major after intake (修改线索). */
	@ApplicationModuleListener
	void on(ClueEvent.Corrected corrected) {
		if (corrected.gradeBefore() != ClueGrade.MAJOR && corrected.clue().grade() == ClueGrade.MAJOR) {
			reportUpward(facts(corrected.clue().id()));
		}
	}

	private void stepStarted(Facts clue, ClueState state, long stepId, boolean returned) {
		Optional<Recipient> to = turnOf(clue, state);
		String title = (returned ? "退回待重新分派：" : "待" + actionOf(state) + "：") + clue.code() + " " + clue.title();
		to.ifPresent(recipient -> this.inbox.post(returned ? NoticeKind.RETURNED : NoticeKind.ASSIGNED, recipient,
				title, "线索当前状态：" + state.label() + (clue.grade() == ClueGrade.MAJOR ? "(重大线索)" : ""), clue.link(),
				stepKey(stepId)));
	}

	/**
	 * The assisting units (协办单位) of a dispatch are told when it is made, and their
	 * notices are resolved when the lead submits the verification or returns the clue.
	 */
	private void assisting(Facts clue, StepsChanged change) {
		boolean dispatched = change.to() == ClueState.DISPATCHED && change.started() != null;
		boolean ended = change.from() == ClueState.VERIFYING && change.to() != ClueState.VERIFYING
				|| change.from() == ClueState.DISPATCHED && change.to() == ClueState.ACCEPTED;
		if (!dispatched && !ended) {
			return;
		}
		List<String[]> units = this.jdbc
			.sql("select unit_key, region_code, department_id from clue_assist where clue_id = :c order by unit_key")
			.param("c", clue.id())
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.list();
		if (units.isEmpty()) {
			return;
		}
		long dispatchStep = dispatched ? change.started()
				: this.jdbc.sql("select max(id) from clue_step where clue_id = :c and step = 'DISPATCHED'")
					.param("c", clue.id())
					.query(Long.class)
					.single();
		for (String[] unit : units) {
			String key = "clue-assist:" + clue.id() + ":" + unit[0] + ":" + dispatchStep;
			if (dispatched) {
				Recipient to = unit[1] != null ? Recipient.unit(unit[1])
						: Recipient.department(Long.parseLong(unit[2]));
				this.inbox.post(NoticeKind.ASSIGNED, to, "协办核查：" + clue.code() + " " + clue.title(),
						"牵头单位核查时，请在线索页“补充协查情况”中提交本单位的协查情况", clue.link(), key);
			}
			else {
				this.inbox.resolve(key);
			}
		}
	}

	/** A step ended: its notices leave "needs me now". */
	void stepFinished(Long stepId) {
		if (stepId != null) {
			this.inbox.resolve(stepKey(stepId));
			this.inbox.resolve(stepKey(stepId) + ":due");
			this.inbox.resolve(stepKey(stepId) + ":overdue");
		}
	}

	/**
	 * Deadline notices: due within two working days, or overdue (also to the office head
	 * as supervisor).
	 */
	void deadline(long clueId, ClueState state, long stepId, boolean overdue) {
		Facts clue = facts(clueId);
		String title = (overdue ? "已逾期：" : "两个工作日内到期：") + clue.code() + " " + clue.title();
		String body = "环节：" + state.label();
		NoticeKind kind = overdue ? NoticeKind.OVERDUE : NoticeKind.DUE_SOON;
		String key = overdue ? stepKey(stepId) + ":overdue" : dueSoonKey(stepId);
		turnOf(clue, state).ifPresent(r -> this.inbox.post(kind, r, title, body, clue.link(), key));
		if (overdue) {
			this.inbox.post(kind, Recipient.role("OFFICE_HEAD", clue.county()), title, body + "(逾期督办)", clue.link(),
					key);
		}
	}

	/** A supervision note (督办意见) to the unit holding the clue and the named leader. */
	void supervision(long clueId, ClueState state, Long leaderId, String note, long eventId) {
		Facts clue = facts(clueId);
		String title = "督办：" + clue.code() + " " + clue.title();
		String key = supervisionKey(clueId, eventId);
		turnOf(clue, state).ifPresent(r -> this.inbox.post(NoticeKind.SUPERVISION, r, title, note, clue.link(), key));
		if (leaderId != null) {
			this.inbox.post(NoticeKind.SUPERVISION, Recipient.user(leaderId), title, note, clue.link(), key);
		}
	}

	/**
	 * The clue left supervision (it ended, or the listing was lifted): every supervision
	 * note sent about it leaves "needs me now", and its badge goes with the flag.
	 */
	void supervisionEnded(long clueId) {
		this.jdbc.sql("select id from clue_event where clue_id = :c and kind = '督办' order by id")
			.param("c", clueId)
			.query(Long.class)
			.list()
			.forEach(eventId -> this.inbox.resolve(supervisionKey(clueId, eventId)));
	}

	private static String supervisionKey(long clueId, long eventId) {
		return "clue:" + clueId + ":supervision:" + eventId;
	}

	/**
	 * 重大线索上报: records the report to the next level (once per clue, however often the
	 * event is delivered) and tells the county's leaders at once.
	 */
	private void reportUpward(Facts clue) {
		long clueId = clue.id();
		String content = "重大线索 " + clue.code() + "：" + clue.title();
		this.jdbc.sql("""
				insert into clue_upward_report (clue_id, reported_to, content, reported_at)
				select :c, :to, :content, :at where not exists (select 1 from clue_upward_report where clue_id = :c)
				""").param("c", clueId).param("to", UPWARD).param("content", content).param("at", Times.now()).update();
		this.inbox.post(NoticeKind.MAJOR_REPORT, Recipient.role("LEADER", clue.county()), "重大线索：" + clue.title(),
				content + "，已即时上报" + UPWARD, clue.link(), "clue:" + clueId + ":major");
	}

	/** The party whose turn a state is. */
	private static Optional<Recipient> turnOf(Facts clue, ClueState state) {
		return switch (state) {
			case REGISTERED, ACCEPTED, FEEDBACK -> Optional.of(Recipient.role("OFFICE", clue.county()));
			case ASSESSING -> Optional.of(Recipient.role("OFFICE_HEAD", clue.county()));
			case DISPUTED -> Optional.of(Recipient.role("LEADER", clue.county()));
			case DISPATCHED, VERIFYING, DISPOSING -> handlerOf(clue);
			default -> Optional.empty();
		};
	}

	private static Optional<Recipient> handlerOf(Facts clue) {
		if (clue.handlerDepartment() != null) {
			return Optional.of(Recipient.department(clue.handlerDepartment()));
		}
		return Optional.ofNullable(clue.handlerRegion()).map(Recipient::unit);
	}

	private static String actionOf(ClueState state) {
		return switch (state) {
			case REGISTERED -> "受理";
			case ACCEPTED -> "分派";
			case DISPATCHED -> "签收";
			case VERIFYING -> "核查";
			case ASSESSING -> "研判认定";
			case DISPUTED -> "裁决";
			case DISPOSING -> "处置";
			case FEEDBACK -> "反馈销号";
			default -> "办理";
		};
	}

	private static String stepKey(long stepId) {
		return "clue-step:" + stepId;
	}

	/** The key of a step's "due within two working days" notice. */
	static String dueSoonKey(long stepId) {
		return stepKey(stepId) + ":due";
	}

	private Facts facts(long clueId) {
		return this.jdbc.sql("""
				select id, code, title, region_code, handler_region_code, handler_department_id, grade
				from clue where id = :id
				""")
			.param("id", clueId)
			.query((rs, n) -> new Facts(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), (Long) rs.getObject(6), ClueGrade.valueOf(rs.getString(7))))
			.single();
	}

}
