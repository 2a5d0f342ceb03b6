package org.fangfei.app.clue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Conflict;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Times;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads and saves clues within the actor's data scope. A clue is visible to a user when
 * its region and sector are in their scope, or when it is dispatched to their department.
 * Saving checks the version read, so of two concurrent moves one fails with a
 * {@link Conflict} and its transaction writes nothing.
 */
@Component
class Clues {

	/**
	 * The visibility rule, as bound parameters: {@code :regionLike},
	 * {@code :sectorLimited}, {@code :sectorCodes} from the scope, {@code :myDepartment}
	 * and {@code :myUnit} (the user's unit as an assisting unit is keyed, see
	 * {@link ClueParties#unitKeyOf}): a clue is also visible to its assisting units.
	 */
	static final String VISIBLE = """
			((c.region_code like :regionLike and (not :sectorLimited or c.sector_code = any(:sectorCodes)))
			 or c.handler_department_id = :myDepartment
			 or exists (select 1 from clue_assist ca where ca.clue_id = c.id and ca.unit_key = :myUnit))""";

	/** The assisting-unit branch of {@link #VISIBLE}. */
	private static final String ASSISTING = "exists (select 1 from clue_assist ca where ca.clue_id = c.id and ca.unit_key = :myUnit)";

	private final JdbcClient jdbc;

	private final Deadlines deadlines;

	private final ApplicationEventPublisher events;

	Clues(JdbcClient jdbc, Deadlines deadlines, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.deadlines = deadlines;
		this.events = events;
	}

	/**
	 * {@link #VISIBLE} written for one actor, with the same parameters and the same
	 * clues: without the sector term when the scope is not limited to sectors, and
	 * without the department branch for an actor without a department (it compares with
	 * -1, which no clue has). The planner then sees only what restricts. Without the
	 * assisting-unit branch, so that it also applies to the dashboard's tallies (which
	 * count clues by territory, sector and lead unit); lists use {@link #listedFor}.
	 */
	static String visibleFor(Actor actor) {
		String region = actor.scope().sectorLimited()
				? "(c.region_code like :regionLike and c.sector_code = any(:sectorCodes))"
				: "c.region_code like :regionLike";
		return actor.departmentId() == null ? "(" + region + ")"
				: "(" + region + " or c.handler_department_id = :myDepartment)";
	}

	/**
	 * {@link #VISIBLE} over {@code clue c} written for one actor: {@link #visibleFor}
	 * and, for an actor whose unit can assist (a department or a township), the clues it
	 * assists.
	 */
	static String listedFor(Actor actor) {
		String visible = visibleFor(actor);
		return ClueParties.unitKeyOf(actor) == null ? visible
				: "(" + visible.substring(1, visible.length() - 1) + " or " + ASSISTING + ")";
	}

	/** The scope of {@code actor} as the named parameters of {@link #VISIBLE}. */
	static Map<String, Object> scopeParams(Actor actor) {
		Map<String, Object> params = actor.scope().sqlParams();
		params.put("myDepartment", actor.departmentId() == null ? -1L : actor.departmentId());
		String unit = ClueParties.unitKeyOf(actor);
		params.put("myUnit", unit == null ? "" : unit);
		return params;
	}

	/**
	 * The workflow state of a clue the actor can see; {@link #save} checks it is still
	 * current.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Clue load(long id, Actor actor) {
		Clue clue = this.jdbc.sql("""
				select c.*, coalesce(hr.name, hd.name) as handler_name from clue c
				left join region hr on hr.code = c.handler_region_code
				left join department hd on hd.id = c.handler_department_id
				where c.id = :id and """ + VISIBLE)
			.params(scopeParams(actor))
			.param("id", id)
			.query((rs, n) -> clueOf(rs))
			.optional()
			.orElseThrow(() -> new NotFound("线索"));
		return clue;
	}

	private Clue clueOf(ResultSet rs) throws SQLException {
		long id = rs.getLong("id");
		List<Clue.Measure> measures = this.jdbc
			.sql("select kind, amount_fen from clue_measure where clue_id = :id order by id")
			.param("id", id)
			.query((m, n) -> new Clue.Measure(MeasureKind.valueOf(m.getString(1)), (Long) m.getObject(2)))
			.list();
		String handlerName = rs.getString("handler_name");
		Unit handler = null;
		if (rs.getString("handler_region_code") != null) {
			handler = Unit.township(rs.getString("handler_region_code"), handlerName);
		}
		else if (rs.getObject("handler_department_id") != null) {
			handler = Unit.department(rs.getLong("handler_department_id"), handlerName);
		}
		List<Unit> assisting = assistingOf(id);
		Clue.Particulars about = new Clue.Particulars(rs.getString("title"), rs.getString("description"),
				rs.getString("region_code"), rs.getString("sector_code"), rs.getString("scheme_code"),
				(Long) rs.getObject("amount_fen"), (Integer) rs.getObject("people_count"),
				ClueGrade.valueOf(rs.getString("grade")));
		return new Clue(id, rs.getString("code"), ClueState.valueOf(rs.getString("state")),
				ClueSource.valueOf(rs.getString("source")), about, handler, assisting,
				enumOrNull(rs.getString("determination")), enumOrNull(rs.getString("disputed_determination")),
				rs.getBoolean("feedback_required"), rs.getString("feedback"), measures, rs.getInt("version"));
	}

	/** The clue's assisting units (协办单位), with their names, in the order assigned. */
	List<Unit> assistingOf(long clueId) {
		return this.jdbc.sql("""
				select a.region_code, a.department_id, coalesce(r.name, d.name) as name from clue_assist a
				left join region r on r.code = a.region_code left join department d on d.id = a.department_id
				where a.clue_id = :id order by a.assigned_at, a.unit_key
				""")
			.param("id", clueId)
			.query((rs, n) -> rs.getString(1) != null ? Unit.township(rs.getString(1), rs.getString(3))
					: Unit.department(rs.getLong(2), rs.getString(3)))
			.list();
	}

	/**
	 * Writes the assisting units a dispatch set, or clears them when the clue went back.
	 */
	private void saveAssisting(Clue clue) {
		this.jdbc.sql("delete from clue_assist where clue_id = :c").param("c", clue.id()).update();
		for (Unit unit : clue.assisting()) {
			this.jdbc.sql("""
					insert into clue_assist (clue_id, unit_key, region_code, department_id)
					values (:c, :key, :region, :department)
					""")
				.param("c", clue.id())
				.param("key", unit.key())
				.param("region", unit.regionCode())
				.param("department", unit.departmentId())
				.update();
		}
	}

	private static Determination enumOrNull(String value) {
		return value == null ? null : Determination.valueOf(value);
	}

	/**
	 * Writes the clue's new state (and what it is about, when corrected), its timeline
	 * entries and its steps, and publishes its events in the same transaction. Refuses
	 * with a {@link Conflict} when someone else saved the clue since it was loaded; the
	 * transaction then writes nothing.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void save(Clue clue, ClueState before, ClueGrade gradeBefore, Actor actor) {
		boolean moved = clue.state() != before;
		LocalDate today = Times.today();
		LocalDate due = moved ? this.deadlines.dueOn(clue.state(), clue.grade(), today) : null;
		Unit handler = clue.handler();
		// the step ends before the clue changes hands, so the on-time tally (V18) counts
		// it
		// for the unit that held it; a refused save below rolls this back too
		Long finished = moved ? finishStep(clue.id()) : null;
		boolean supervisionEnds = moved && !clue.state().open() && supervised(clue.id());
		int updated = this.jdbc.sql("""
				update clue set state = :state, handler_region_code = :hr, handler_department_id = :hd,
				  determination = :det, disputed_determination = :disputed, feedback = :feedback,
				  feedback_at = case when :feedback::text is distinct from feedback then :now else feedback_at end,
				  closed_at = case when :state = 'CLOSED' then :now when :state <> state then null else closed_at end,
				  step_started_at = case when :moved then :now else step_started_at end,
				  due_on = case when :moved then :due else due_on end,
				  overdue_notified_on = case when :moved then null else overdue_notified_on end,
				  supervised = case when :state in ('CLOSED','REJECTED','MERGED') then false else supervised end,
				  version = version + 1, updated_at = :now
				""" + (clue.corrected() ? CORRECTED : "") + """
				where id = :id and version = :version
				""")
			.params(clue.corrected() ? particulars(clue.about()) : Map.of())
			.param("state", clue.state().name())
			.param("hr", handler == null ? null : handler.regionCode())
			.param("hd", handler == null ? null : handler.departmentId())
			.param("det", clue.determination() == null ? null : clue.determination().name())
			.param("disputed", clue.disputed() == null ? null : clue.disputed().name())
			.param("feedback", clue.feedback())
			.param("moved", moved)
			.param("now", Times.now())
			.param("due", due)
			.param("id", clue.id())
			.param("version", clue.version())
			.update();
		if (updated != 1) {
			ClueState now = this.jdbc.sql("select state from clue where id = :id")
				.param("id", clue.id())
				.query(String.class)
				.optional()
				.map(ClueState::valueOf)
				.orElse(before);
			throw new Conflict("线索 " + clue.code() + " 刚刚已被他人处理(现为“" + now.label() + "”)，您的操作未执行。请刷新后查看再决定是否继续。");
		}
		for (Clue.Change change : clue.changes()) {
			event(clue.id(), actor, change.kind(), change.from(), change.to(), change.note());
		}
		if (moved && before == ClueState.ACCEPTED) {
			// dispatched: the assisting units are in place before their notices are
			// posted
			saveAssisting(clue);
		}
		if (supervisionEnds) {
			event(clue.id(), actor, "督办", null, null, "线索" + clue.state().label() + "，挂牌督办随之结束");
		}
		if (moved) {
			Long started = startStep(clue.id(), clue.state(), due);
			this.events
				.publishEvent(new StepsChanged(StepsChanged.Facts.of(clue), before, clue.state(), finished, started));
			if (clue.state() == ClueState.ACCEPTED) {
				// returned: cleared after their notices were resolved
				saveAssisting(clue);
			}
		}
		else if (clue.grade() != gradeBefore) {
			redue(clue);
		}
		clue.events().forEach(this.events::publishEvent);
	}

	/**
	 * Whether the clue is listed for supervision (挂牌督办); a clue that ends (销号, 不予受理, 合并)
	 * leaves the list with the move, and its supervision notices are resolved
	 * ({@link ClueNotices}).
	 */
	private boolean supervised(long clueId) {
		return this.jdbc.sql("select supervised from clue where id = :id")
			.param("id", clueId)
			.query(Boolean.class)
			.single();
	}

	/** The columns {@link Clue#correct} may change. */
	private static final String CORRECTED = """
			  , title = :title, description = :description, region_code = :region, sector_code = :sector,
			  scheme_code = :scheme, amount_fen = :amount, people_count = :people, grade = :grade
			""";

	private static Map<String, Object> particulars(Clue.Particulars about) {
		Map<String, Object> params = new java.util.HashMap<>();
		params.put("title", about.title());
		params.put("description", about.description());
		params.put("region", about.regionCode());
		params.put("sector", about.sectorCode());
		params.put("scheme", about.schemeCode());
		params.put("amount", about.amountFen());
		params.put("people", about.peopleCount());
		params.put("grade", about.grade().name());
		return params;
	}

	/**
	 * A corrected grade changes the time allowed for the step in hand (办理时限 per grade),
	 * counted again from the day the step started.
	 */
	private void redue(Clue clue) {
		this.jdbc.sql("select started_at from clue_step where clue_id = :c and finished_at is null")
			.param("c", clue.id())
			.query(OffsetDateTime.class)
			.optional()
			.ifPresent(started -> {
				LocalDate due = this.deadlines.dueOn(clue.state(), clue.grade(),
						started.atZoneSameInstant(Times.zone()).toLocalDate());
				this.jdbc.sql("update clue_step set due_on = :d where clue_id = :c and finished_at is null")
					.param("d", due)
					.param("c", clue.id())
					.update();
				this.jdbc.sql("update clue set due_on = :d, overdue_notified_on = null where id = :c")
					.param("d", due)
					.param("c", clue.id())
					.update();
			});
	}

	/** Appends one entry to the clue's timeline. */
	@Transactional(propagation = Propagation.MANDATORY)
	void event(long clueId, Actor actor, String kind, ClueState from, ClueState to, String note) {
		this.jdbc.sql("""
				insert into clue_event (clue_id, actor, actor_name, kind, from_state, to_state, note, occurred_at)
				values (:clue, :actor, :name, :kind, :from, :to, :note, :now)
				""")
			.param("clue", clueId)
			.param("now", Times.now())
			.param("actor", actor.username())
			.param("name", actor.displayName())
			.param("kind", kind)
			.param("from", from == null ? null : from.name())
			.param("to", to == null ? null : to.name())
			.param("note", note)
			.update();
	}

	/**
	 * A clue just written at intake: its first step (受理, started when the clue was
	 * received and due on {@code due}) and the timeline entry 登记, in one statement;
	 * returns the step's id.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	long registered(long clueId, Actor actor, String note, OffsetDateTime received, LocalDate due) {
		return this.jdbc
			.sql("""
					with step as (
					  insert into clue_step (clue_id, step, started_at, due_on) values (:clue, 'REGISTERED', :received, :due)
					  returning id),
					event as (
					  insert into clue_event (clue_id, actor, actor_name, kind, from_state, to_state, note, occurred_at)
					  values (:clue, :actor, :name, '登记', null, 'REGISTERED', :note, :now))
					select id from step
					""")
			.param("clue", clueId)
			.param("received", received)
			.param("due", due)
			.param("now", Times.now())
			.param("actor", actor.username())
			.param("name", actor.displayName())
			.param("note", note)
			.query(Long.class)
			.single();
	}

	@Transactional(propagation = Propagation.MANDATORY)
	Long startStep(long clueId, ClueState state, LocalDate due) {
		if (!state.open()) {
			return null;
		}
		return this.jdbc
			.sql("insert into clue_step (clue_id, step, started_at, due_on) values (:c, :s, :now, :d) returning id")
			.param("c", clueId)
			.param("now", Times.now())
			.param("s", state.name())
			.param("d", due)
			.query(Long.class)
			.single();
	}

	private Long finishStep(long clueId) {
		return this.jdbc.sql("""
				update clue_step set finished_at = :now, on_time = (due_on is null or :today <= due_on)
				where clue_id = :c and finished_at is null returning id
				""")
			.param("c", clueId)
			.param("now", Times.now())
			.param("today", Times.today())
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	/** The timeline, oldest first. */
	List<TimelineEntry> timeline(long clueId) {
		return this.jdbc.sql("select * from clue_event where clue_id = :c order by id")
			.param("c", clueId)
			.query((rs, n) -> new TimelineEntry(Times.local(rs.getObject("occurred_at", OffsetDateTime.class)),
					rs.getString("actor"), rs.getString("actor_name"), rs.getString("kind"),
					stateOrNull(rs.getString("from_state")), stateOrNull(rs.getString("to_state")),
					rs.getString("note")))
			.list();
	}

	private static ClueState stateOrNull(String s) {
		return s == null ? null : ClueState.valueOf(s);
	}

	/** One entry of a clue's timeline. */
	record TimelineEntry(OffsetDateTime at, String actor, String actorName, String kind, ClueState from, ClueState to,
			String note) {
	}

}
