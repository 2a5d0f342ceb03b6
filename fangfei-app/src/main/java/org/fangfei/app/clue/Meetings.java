package org.fangfei.app.clue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Times;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Rejected;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 会商研判 and 联席会议: a meeting with its date, attending units and minutes, and a decision for
 * each clue discussed. A decision drives the clue's determination: when the recorder may
 * determine and the clue awaits assessment, the determination is made with the meeting as
 * its basis; a disputed clue is ruled on when the recorder may arbitrate. Otherwise the
 * decision is kept on the clue for the office head to apply.
 */
@Service
class Meetings {

	/** One clue discussed and what was decided. */
	record Decision(String clueCode, Determination determination, String note) {
	}

	record MeetingForm(MeetingKind kind, LocalDate heldOn, String title, String attendees, String minutes,
			List<Decision> decisions) {
	}

	record Meeting(long id, MeetingKind kind, LocalDate heldOn, String title, String attendees, String minutes,
			String createdBy, List<Discussed> clues) {
	}

	record Discussed(long clueId, String code, String title, ClueState state, Determination determination,
			String note) {
	}

	private static final RowMapper<Meeting> MEETING = (rs, n) -> new Meeting(rs.getLong("id"),
			MeetingKind.valueOf(rs.getString("kind")), rs.getObject("held_on", LocalDate.class), rs.getString("title"),
			rs.getString("attendees"), rs.getString("minutes"), rs.getString("created_by"), List.of());

	private final JdbcClient jdbc;

	private final ClueQueries queries;

	private final ClueWorkflow workflow;

	private final Clues clues;

	private final AuditLog audit;

	Meetings(JdbcClient jdbc, ClueQueries queries, ClueWorkflow workflow, Clues clues, AuditLog audit) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.workflow = workflow;
		this.clues = clues;
		this.audit = audit;
	}

	@Transactional
	long record(MeetingForm form, Actor actor) {
		Map<String, String> errors = check(form);
		Map<Long, Decision> decided = new LinkedHashMap<>();
		Set<String> seen = new HashSet<>();
		for (Decision d : form.decisions()) {
			if (d.clueCode() == null || d.clueCode().isBlank()) {
				continue;
			}
			String code = d.clueCode().strip().toUpperCase();
			if (!seen.add(code)) {
				errors.put("decisions", "线索 " + code + " 重复");
				continue;
			}
			if (d.determination() == null) {
				errors.put("decisions", "请为线索 " + code + " 选择研判结论");
				continue;
			}
			this.queries.idOfCode(code, actor)
				.ifPresentOrElse(id -> decided.put(id, d), () -> errors.put("decisions", "线索 " + code + " 不存在或无权查看"));
		}
		if (!errors.isEmpty()) {
			throw new Rejected(String.join("；", errors.values()), errors);
		}
		long id = this.jdbc.sql("""
				insert into meeting (kind, held_on, title, region_code, attendees, minutes, created_by, created_at)
				values (:kind, :on, :title, :region, :attendees, :minutes, :by, :now) returning id
				""")
			.param("kind", form.kind().name())
			.param("on", form.heldOn())
			.param("title", form.title().strip())
			.param("region", actor.regionCode())
			.param("attendees", form.attendees().strip())
			.param("minutes", form.minutes() == null ? null : form.minutes().strip())
			.param("by", actor.username())
			.param("now", Times.now())
			.query(Long.class)
			.single();
		decided.forEach((clueId, d) -> decide(id, form, clueId, d, actor));
		this.audit.success("MEETING_RECORD", "meeting", id,
				form.kind().label() + "：" + form.title().strip() + "，研判线索 " + decided.size() + " 条", null, null);
		return id;
	}

	private void decide(long meetingId, MeetingForm form, long clueId, Decision d, Actor actor) {
		this.jdbc.sql("insert into meeting_clue (meeting_id, clue_id, determination, note) values (:m, :c, :d, :n)")
			.param("m", meetingId)
			.param("c", clueId)
			.param("d", d.determination().name())
			.param("n", d.note() == null || d.note().isBlank() ? null : d.note().strip())
			.update();
		String basis = form.kind().label() + "《" + form.title().strip() + "》(" + form.heldOn() + ")研判结论"
				+ (d.note() == null || d.note().isBlank() ? "" : "：" + d.note().strip());
		Map<String, Object> row = this.jdbc.sql("select state, version from clue where id = :id")
			.param("id", clueId)
			.query()
			.singleRow();
		ClueState state = ClueState.valueOf((String) row.get("state"));
		int version = (Integer) row.get("version");
		if (state == ClueState.ASSESSING && actor.can("clue:clue:determine")) {
			this.workflow.determine(clueId, version, d.determination(), basis, actor);
		}
		else if (state == ClueState.DISPUTED && actor.can("clue:dispute:resolve")) {
			this.workflow.resolveDispute(clueId, version, d.determination(), basis, actor);
		}
		else {
			this.clues.event(clueId, actor, "会商研判", null, null, basis + "：" + d.determination().label());
		}
	}

	private static Map<String, String> check(MeetingForm form) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (form.kind() == null) {
			errors.put("kind", "请选择会议类型");
		}
		if (form.heldOn() == null || form.heldOn().isAfter(Times.today())) {
			errors.put("heldOn", "请填写会议日期(不能晚于今天)");
		}
		if (form.title() == null || form.title().isBlank() || form.title().strip().length() > 200) {
			errors.put("title", "请填写会议名称(不超过 200 字)");
		}
		if (form.attendees() == null || form.attendees().isBlank() || form.attendees().strip().length() > 1000) {
			errors.put("attendees", "请填写参会单位(不超过 1000 字)");
		}
		if (form.minutes() != null && form.minutes().strip().length() > 5000) {
			errors.put("minutes", "会议纪要不能超过 5000 字");
		}
		return errors;
	}

	List<Meeting> list(Actor actor) {
		return this.jdbc
			.sql("""
					select m.* from meeting m where m.region_code like :regionLike order by m.held_on desc, m.id desc limit 200
					""")
			.param("regionLike", actor.scope().regionLike())
			.query(MEETING)
			.list();
	}

	@Transactional(readOnly = true)
	Meeting get(long id, Actor actor) {
		Meeting meeting = this.jdbc.sql("select * from meeting m where m.id = :id and m.region_code like :regionLike")
			.param("id", id)
			.param("regionLike", actor.scope().regionLike())
			.query(MEETING)
			.optional()
			.orElseThrow(() -> new NotFound("会议"));
		List<Discussed> discussed = new ArrayList<>(this.jdbc.sql("""
				select c.id, c.code, c.title, c.state, mc.determination, mc.note from meeting_clue mc
				join clue c on c.id = mc.clue_id where mc.meeting_id = :m and """ + Clues.VISIBLE + " order by c.code")
			.params(Clues.scopeParams(actor))
			.param("m", id)
			.query((rs, n) -> new Discussed(rs.getLong(1), rs.getString(2), rs.getString(3),
					ClueState.valueOf(rs.getString(4)), Determination.valueOf(rs.getString(5)), rs.getString(6)))
			.list());
		return new Meeting(meeting.id(), meeting.kind(), meeting.heldOn(), meeting.title(), meeting.attendees(),
				meeting.minutes(), meeting.createdBy(), discussed);
	}

}
