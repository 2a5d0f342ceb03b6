package org.fangfei.app.clue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.security.Accounts;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Rejected;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 督办: the supervision board lists every open clue that is overdue or under listed
 * supervision (挂牌督办), oldest deadline first; the office head or a leader lists a clue
 * with a named leader (领导包案) and sends supervision notes to whoever holds it.
 */
@Service
class Supervision {

	record Leader(long id, String name) {
	}

	/** A line of the board. */
	record BoardRow(long id, String code, String title, String regionName, String handlerName, ClueState state,
			LocalDate dueOn, int daysOverdue, boolean supervised, Long leaderId, String leaderName) {

		BoardRow withLeaderName(String name) {
			return new BoardRow(this.id, this.code, this.title, this.regionName, this.handlerName, this.state,
					this.dueOn, this.daysOverdue, this.supervised, this.leaderId, name);
		}

	}

	/** Who may be named the leader of a clue (领导包案). */
	private static final List<String> LEADER_ROLES = List.of("LEADER", "OFFICE_HEAD");

	private final JdbcClient jdbc;

	private final Clues clues;

	private final ClueNotices notices;

	private final AuditLog audit;

	private final Accounts accounts;

	Supervision(JdbcClient jdbc, Clues clues, ClueNotices notices, AuditLog audit, Accounts accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.clues = clues;
		this.notices = notices;
		this.audit = audit;
	}

	/** Leaders and office heads within the actor's jurisdiction, for 领导包案. */
	List<Leader> leaders(Actor actor) {
		return this.accounts.holding(LEADER_ROLES, actor.scope().regionLike())
			.stream()
			.map(a -> new Leader(a.id(), a.displayName()))
			.toList();
	}

	@Transactional(readOnly = true)
	List<BoardRow> board(Actor actor) {
		List<BoardRow> rows = this.jdbc
			.sql("""
					select c.id, c.code, c.title, r.name as region_name, coalesce(hr.name, hd.name) as handler_name, c.state,
					  c.due_on, greatest(current_date - c.due_on, 0) as days_overdue, c.supervised, c.supervision_leader_id
					from clue c join region r on r.code = c.region_code
					left join region hr on hr.code = c.handler_region_code
					left join department hd on hd.id = c.handler_department_id
					where (c.supervised or c.due_on < current_date) and c.state not in ('CLOSED','REJECTED','MERGED')
					and """
					+ Clues.VISIBLE + " order by c.supervised desc, c.due_on nulls last, c.id limit 500")
			.params(Clues.scopeParams(actor))
			.query((rs, n) -> new BoardRow(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
					rs.getString("region_name"), rs.getString("handler_name"), ClueState.valueOf(rs.getString("state")),
					rs.getObject("due_on", LocalDate.class), rs.getInt("days_overdue"), rs.getBoolean("supervised"),
					(Long) rs.getObject("supervision_leader_id"), null))
			.list();
		Map<Long, String> leaders = this.accounts
			.displayNames(rows.stream().map(BoardRow::leaderId).filter(Objects::nonNull).toList());
		return rows.stream().map(row -> row.withLeaderName(leaders.get(row.leaderId()))).toList();
	}

	/**
	 * Lists the clue (or adds a note when it is listed already) and tells the holder and
	 * the leader.
	 */
	@Transactional
	void supervise(long clueId, Long leaderId, String note, Actor actor) {
		if (note == null || note.isBlank() || note.length() > 500) {
			throw new Rejected("请填写督办意见(不超过 500 字)", Map.of("note", "请填写督办意见"));
		}
		Clue clue = this.clues.load(clueId, actor);
		if (!clue.state().open()) {
			throw new Rejected("线索已" + clue.state().label() + "，无需督办");
		}
		if (leaderId != null && leaders(actor).stream().noneMatch(l -> l.id() == leaderId)) {
			throw new Rejected("包案领导须为辖区内的领导或处非办负责人", Map.of("leaderId", "请选择领导"));
		}
		this.jdbc.sql("""
				update clue set supervised = true, supervision_leader_id = coalesce(:leader, supervision_leader_id),
				  supervision_note = :note, version = version + 1 where id = :id
				""").param("leader", leaderId).param("note", note.strip()).param("id", clueId).update();
		this.clues.event(clueId, actor, "督办", null, null, note.strip());
		long eventId = this.jdbc.sql("select max(id) from clue_event where clue_id = :c")
			.param("c", clueId)
			.query(Long.class)
			.single();
		this.notices.supervision(clueId, clue.state(), leaderId, note.strip(), eventId);
		this.audit.success("CLUE_SUPERVISE", "clue", clueId, clue.code() + " 挂牌督办：" + note.strip(), null, null);
	}

	@Transactional
	void lift(long clueId, Actor actor) {
		Clue clue = this.clues.load(clueId, actor);
		this.jdbc.sql("update clue set supervised = false, version = version + 1 where id = :id")
			.param("id", clueId)
			.update();
		this.clues.event(clueId, actor, "督办", null, null, "撤销挂牌督办");
		this.notices.supervisionEnded(clueId);
		this.audit.success("CLUE_SUPERVISE_LIFT", "clue", clueId, clue.code() + " 撤销挂牌督办", null, null);
	}

}
