package org.fangfei.app.outreach;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.organisation.People;
import org.fangfei.app.organisation.Person;
import org.fangfei.app.organisation.PersonRole;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Exports;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.PageOf;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.SqlLike;
import org.fangfei.app.shared.Times;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Training (教育培训制度 for grid workers, seed 000; seed 003 art. 16): sessions with topic,
 * date, trainer, hours and materials, attended by people of the grid system (grid workers
 * and leaders, staff, informants — {@link People}, by id). Answers the hours per person,
 * the coverage of grid workers this year, and who has never been trained.
 */
@Service
class Trainings {

	static final String EDIT = "outreach:training:edit";

	/** The roles whose training coverage is counted. */
	static final List<PersonRole> GRID_ROLES = List.of(PersonRole.GRID_WORKER, PersonRole.GRID_LEADER);

	record SessionForm(String topic, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn, String regionCode,
			String trainer, String hours, String materials, List<Long> attendeeIds) {

		SessionForm {
			attendeeIds = attendeeIds == null ? List.of()
					: attendeeIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
		}

		static SessionForm blank(String regionCode) {
			return new SessionForm("", Times.today(), regionCode, "", "2", "", List.of());
		}

	}

	record TrainingSession(long id, String topic, LocalDate heldOn, String regionCode, String regionName,
			String trainer, BigDecimal hours, String materials, int attendees, int version, Long departmentId) {
	}

	/** A person with their training of the year and ever. */
	record Trained(Person person, int sessionsThisYear, BigDecimal hoursThisYear, int sessionsEver) {
	}

	record Coverage(int year, int gridWorkers, int trainedThisYear, int neverTrained) {

		public int percent() {
			return this.gridWorkers == 0 ? 0 : Math.round(100f * this.trainedThisYear / this.gridWorkers);
		}

	}

	private final JdbcClient jdbc;

	private final People people;

	private final AuditLog audit;

	Trainings(JdbcClient jdbc, People people, AuditLog audit) {
		this.jdbc = jdbc;
		this.people = people;
		this.audit = audit;
	}

	@Transactional
	long create(SessionForm f, Actor actor) {
		if (!actor.can(EDIT)) {
			throw new org.springframework.security.access.AccessDeniedException("无权登记培训");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		BigDecimal hours = check(f, List.of(), actor, errors);
		Checks.done(errors);
		long id = this.jdbc
			.sql("""
					insert into training_session (topic, held_on, region_code, trainer, hours, materials, created_by, department_id)
					values (:topic, :held, :region, :trainer, :hours, :materials, :by, :unit) returning id
					""")
			.param("topic", f.topic().strip())
			.param("held", f.heldOn())
			.param("region", f.regionCode().strip())
			.param("trainer", f.trainer().strip())
			.param("hours", hours)
			.param("materials", Checks.strip(f.materials()))
			.param("by", actor.username())
			.param("unit", OutreachScope.unitOf(actor))
			.query(Long.class)
			.single();
		attend(id, f.attendeeIds());
		this.audit.success("TRAINING_CREATE", "training_session", id,
				"登记培训：" + f.topic().strip() + "，参训 " + f.attendeeIds().size() + " 人，" + hours + " 学时", null, null);
		return id;
	}

	/**
	 * Checks a session form; answers the hours when they are valid. People who already
	 * attended ({@code kept}) stay acceptable on a correction without a new scope check.
	 */
	BigDecimal check(SessionForm f, List<Long> kept, Actor actor, Map<String, String> errors) {
		Checks.text(f.topic(), "topic", "培训主题", 200, errors);
		Checks.pastDate(f.heldOn(), "heldOn", "培训日期", errors);
		Checks.region(f.regionCode(), actor, this.jdbc, errors);
		Checks.text(f.trainer(), "trainer", "授课人", 100, errors);
		BigDecimal hours = hours(f.hours(), errors);
		Checks.optional(f.materials(), "materials", "培训资料", 1000, errors);
		if (f.attendeeIds().isEmpty()) {
			errors.put("attendeeIds", "请选择参训人员");
		}
		else if (f.attendeeIds().size() > 500) {
			errors.put("attendeeIds", "一次培训最多登记500名参训人员");
		}
		else {
			for (Long id : f.attendeeIds()) {
				if (kept.contains(id)) {
					continue;
				}
				try {
					this.people.get(id, actor.scope());
				}
				catch (NotFound ex) {
					errors.put("attendeeIds", "参训人员(编号" + id + ")不存在或不在您的管辖范围内");
					break;
				}
			}
		}
		return hours;
	}

	void attend(long sessionId, List<Long> attendeeIds) {
		for (Long person : attendeeIds) {
			this.jdbc.sql("insert into training_attendee (session_id, person_id) values (:s, :p)")
				.param("s", sessionId)
				.param("p", person)
				.update();
		}
	}

	private static BigDecimal hours(String text, Map<String, String> errors) {
		if (text == null || text.isBlank()) {
			errors.put("hours", "请填写学时");
			return null;
		}
		try {
			BigDecimal h = new BigDecimal(text.strip());
			if (h.signum() <= 0 || h.compareTo(BigDecimal.valueOf(40)) > 0) {
				errors.put("hours", "学时应大于0且不超过40");
			}
			else if (h.stripTrailingZeros().scale() > 1) {
				errors.put("hours", "学时最多保留一位小数");
			}
			return h;
		}
		catch (NumberFormatException ex) {
			errors.put("hours", "学时应为数字，如 2 或 1.5");
			return null;
		}
	}

	@Transactional(readOnly = true)
	TrainingSession get(long id, OutreachScope scope) {
		return this.jdbc.sql(SELECT + " where s.id = :id and" + OutreachScope.where("s"))
			.params(scope.params())
			.param("id", id)
			.query((rs, n) -> row(rs))
			.optional()
			.orElseThrow(() -> new NotFound("培训"));
	}

	/** The attendees of a session the caller may see, as the caller may see them. */
	@Transactional(readOnly = true)
	List<Person> attendees(long sessionId, OutreachScope within) {
		get(sessionId, within);
		DataScope scope = within.region();
		List<Person> found = new ArrayList<>();
		for (Long id : this.jdbc.sql("select person_id from training_attendee where session_id = :s order by person_id")
			.param("s", sessionId)
			.query(Long.class)
			.list()) {
			try {
				found.add(this.people.get(id, scope));
			}
			catch (NotFound ex) {
				// a person outside the caller's scope (a county session seen by a
				// township)
			}
		}
		return found;
	}

	@Transactional(readOnly = true)
	PageOf<TrainingSession> search(Integer year, String text, OutreachScope scope, PageRequest page) {
		StringBuilder where = new StringBuilder(" where" + OutreachScope.where("s"));
		Map<String, Object> params = scope.params();
		if (year != null) {
			where.append(" and s.held_on >= :from and s.held_on < :to");
			params.put("from", LocalDate.of(year, 1, 1));
			params.put("to", LocalDate.of(year + 1, 1, 1));
		}
		if (text != null && !text.isBlank()) {
			where.append(" and (s.topic like :like or s.trainer like :like)");
			params.put("like", SqlLike.contains(text.strip()));
		}
		long total = this.jdbc.sql("select count(*) from training_session s" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<TrainingSession> rows = this.jdbc
			.sql(SELECT + where + " order by s.held_on desc, s.id desc limit " + page.size() + " offset "
					+ page.offset())
			.params(params)
			.query((rs, n) -> row(rs))
			.list();
		return page.pageOf(rows, total);
	}

	/**
	 * Every grid worker and grid leader in the caller's scope with their training of
	 * {@code year} and ever; those never trained first.
	 */
	@Transactional(readOnly = true)
	List<Trained> gridWorkers(int year, DataScope scope) {
		List<Person> workers = new ArrayList<>();
		for (PersonRole role : GRID_ROLES) {
			workers.addAll(Exports.all(page -> this.people.search(null, role, null, scope, page), "网格员"));
		}
		return trained(workers, year);
	}

	/** The year's training of each of these people. */
	List<Trained> trained(List<Person> persons, int year) {
		if (persons.isEmpty()) {
			return List.of();
		}
		Map<Long, Object[]> stats = new HashMap<>();
		this.jdbc.sql("""
				select a.person_id,
				  count(*) filter (where s.held_on >= :from and s.held_on < :to),
				  coalesce(sum(s.hours) filter (where s.held_on >= :from and s.held_on < :to), 0),
				  count(*)
				from training_attendee a join training_session s on s.id = a.session_id
				where a.person_id in (:ids) group by a.person_id
				""")
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.param("ids", persons.stream().map(Person::id).toList())
			.query((rs, n) -> stats.put(rs.getLong(1),
					new Object[] { rs.getInt(2), rs.getBigDecimal(3), rs.getInt(4) }))
			.list();
		List<Trained> rows = new ArrayList<>();
		for (Person p : new LinkedHashSet<>(persons)) {
			Object[] s = stats.get(p.id());
			rows.add(s == null ? new Trained(p, 0, BigDecimal.ZERO, 0)
					: new Trained(p, (Integer) s[0], (BigDecimal) s[1], (Integer) s[2]));
		}
		rows.sort(java.util.Comparator.comparingInt(Trained::sessionsEver)
			.thenComparing(t -> t.person().regionCode())
			.thenComparingLong(t -> t.person().id()));
		return rows;
	}

	/**
	 * One page of the coverage rows: the whole list is read to count the coverage, so the
	 * page is cut from it (the Excel export stays whole).
	 */
	static PageOf<Trained> page(List<Trained> rows, PageRequest page) {
		int from = Math.min(page.offset(), rows.size());
		int to = Math.min(from + page.size(), rows.size());
		return page.pageOf(rows.subList(from, to), rows.size());
	}

	static Coverage coverage(int year, List<Trained> rows) {
		Set<Long> thisYear = new LinkedHashSet<>();
		int never = 0;
		for (Trained t : rows) {
			if (t.sessionsThisYear() > 0) {
				thisYear.add(t.person().id());
			}
			if (t.sessionsEver() == 0) {
				never++;
			}
		}
		return new Coverage(year, rows.size(), thisYear.size(), never);
	}

	private static final String SELECT = """
			select s.*, r.name as region_name,
			  (select count(*) from training_attendee a where a.session_id = s.id) as attendees
			from training_session s left join region r on r.code = s.region_code
			""";

	private static TrainingSession row(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new TrainingSession(rs.getLong("id"), rs.getString("topic"), rs.getObject("held_on", LocalDate.class),
				rs.getString("region_code"), rs.getString("region_name"), rs.getString("trainer"),
				rs.getBigDecimal("hours"), rs.getString("materials"), rs.getInt("attendees"), rs.getInt("version"),
				(Long) rs.getObject("department_id"));
	}

}
