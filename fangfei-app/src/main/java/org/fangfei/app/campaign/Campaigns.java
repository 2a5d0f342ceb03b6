package org.fangfei.app.campaign;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaigns: reading them within the caller's reach, copying 004's template into a new
 * one, and editing a campaign's header and phases (tasks: {@link CampaignTasks}). A
 * caller sees the campaigns of their jurisdiction and of the regions above it; one who
 * does not manage campaigns sees only the tasks their unit is on.
 */
@Service
public class Campaigns {

	static final String MANAGE = "campaign:campaign:manage";

	private final JdbcClient jdbc;

	private final CampaignUnits units;

	private final AuditLog audit;

	Campaigns(JdbcClient jdbc, CampaignUnits units, AuditLog audit) {
		this.jdbc = jdbc;
		this.units = units;
		this.audit = audit;
	}

	/** One campaign in a list. */
	record Listed(long id, String name, String document, LocalDate startsOn, LocalDate endsOn, boolean sweep,
			int tasks) {
	}

	@Transactional(readOnly = true)
	List<Listed> list(Actor actor) {
		DataScope scope = actor.scope();
		return this.jdbc.sql("""
				select c.id, c.name, c.document, c.starts_on, c.ends_on, c.sweep_campaign_id is not null as sweep,
				  (select count(*) from campaign_task t where t.campaign_id = c.id) as tasks
				from campaign c where (c.region_code like :like or c.region_code = any(:above))
				order by c.starts_on desc, c.id desc limit 200
				""")
			.param("like", scope.regionLike())
			.param("above", Scope.above(scope))
			.query((rs, n) -> new Listed(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getBoolean(6), rs.getInt(7)))
			.list();
	}

	/**
	 * A campaign with all its tasks, for the office; a unit's staff see their own tasks.
	 */
	@Transactional(readOnly = true)
	public Campaign get(long id, Actor actor) {
		Campaign all = load(id);
		if (!Scope.sees(actor, all.regionCode())) {
			throw new NotFound("专项行动");
		}
		if (manages(actor)) {
			return all;
		}
		String mine = UnitKey.ofActor(actor);
		List<Campaign.Task> own = all.tasks()
			.stream()
			.filter(t -> t.sweep() || t.units().stream().anyMatch(u -> u.key().equals(mine)))
			.toList();
		return new Campaign(all.id(), all.name(), all.document(), all.regionCode(), all.startsOn(), all.endsOn(),
				all.sweepCampaignId(), all.phases(), own);
	}

	static boolean manages(Actor actor) {
		return actor.can(MANAGE);
	}

	Campaign load(long id) {
		Campaign head = this.jdbc.sql("select * from campaign where id = :id")
			.param("id", id)
			.query((rs, n) -> new Campaign(rs.getLong("id"), rs.getString("name"), rs.getString("document"),
					rs.getString("region_code"), rs.getObject("starts_on", LocalDate.class),
					rs.getObject("ends_on", LocalDate.class), (Long) rs.getObject("sweep_campaign_id"), List.of(),
					List.of()))
			.optional()
			.orElseThrow(() -> new NotFound("专项行动"));
		List<Campaign.Phase> phases = this.jdbc
			.sql("select * from campaign_phase where campaign_id = :id order by seq, id")
			.param("id", id)
			.query((rs, n) -> new Campaign.Phase(rs.getLong("id"), rs.getInt("seq"), rs.getString("name"),
					rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
					rs.getString("note")))
			.list();
		Map<Long, List<Campaign.Unit>> unitsByTask = new LinkedHashMap<>();
		this.jdbc.sql("""
				select u.* from campaign_task_unit u join campaign_task t on t.id = u.task_id
				where t.campaign_id = :id order by u.task_id, u.lead desc, u.id
				""")
			.param("id", id)
			.query((rs, n) -> new Campaign.Unit(rs.getLong("id"), rs.getLong("task_id"), rs.getBoolean("lead"),
					rs.getString("written_name"), rs.getString("region_code"), (Long) rs.getObject("department_id")))
			.list()
			.forEach(u -> unitsByTask.computeIfAbsent(u.taskId(), k -> new ArrayList<>()).add(u));
		List<Campaign.Task> tasks = this.jdbc
			.sql("select * from campaign_task where campaign_id = :id order by group_no, seq, id")
			.param("id", id)
			.query((rs, n) -> new Campaign.Task(rs.getLong("id"), rs.getInt("group_no"), rs.getString("group_name"),
					rs.getInt("seq"), rs.getString("title"), rs.getString("body"),
					Period.valueOf(rs.getString("period")), rs.getInt("due_day"),
					rs.getObject("due_on", LocalDate.class), rs.getBoolean("sweep"),
					List.copyOf(unitsByTask.getOrDefault(rs.getLong("id"), List.of()))))
			.list();
		return new Campaign(head.id(), head.name(), head.document(), head.regionCode(), head.startsOn(), head.endsOn(),
				head.sweepCampaignId(), phases, tasks);
	}

	/** The campaign the office may change; throws otherwise. */
	Campaign editable(long id, Actor actor) {
		if (!manages(actor)) {
			throw new AccessDeniedException("无权编辑专项行动");
		}
		Campaign c = load(id);
		if (!actor.scope().covers(c.regionCode())) {
			throw new NotFound("专项行动");
		}
		return c;
	}

	/**
	 * A new campaign copied from 004's template: its phases and its 30 tasks, with each
	 * written unit mapped to the county's units where it has them (docs/campaigns.md).
	 */
	@Transactional
	public long copyTemplate(CampaignForms.Header header, Actor actor) {
		return copyTemplate(header, null, actor);
	}

	/**
	 * A new campaign copied from 004's template with only the chosen tasks (by their
	 * number in the document, which they keep), or all of them when {@code tasks} is
	 * null: a county that runs part of the campaign does not carry thirty tasks it never
	 * reports on.
	 * @throws Rejected when no task is chosen, or a number is not one of the template's
	 */
	@Transactional
	public long copyTemplate(CampaignForms.Header header, java.util.Collection<Integer> tasks, Actor actor) {
		if (tasks != null && tasks.isEmpty()) {
			throw new Rejected("请至少选择一项任务", Map.of("tasks", "请至少选择一项任务"));
		}
		if (tasks != null
				&& !CampaignTemplate.TASKS.stream().map(CampaignTemplate.Task::seq).toList().containsAll(tasks)) {
			throw new Rejected("所选任务不在模板中，请从模板的任务中选择", Map.of("tasks", "所选任务不在模板中"));
		}
		long id = insert(header, actor);
		int seq = 0;
		long shift = java.time.temporal.ChronoUnit.MONTHS.between(YearMonth.from(CampaignTemplate.STARTS),
				YearMonth.from(header.startsOn()));
		for (CampaignTemplate.Phase p : CampaignTemplate.PHASES) {
			LocalDate from = p.startsOn().plusMonths(shift);
			LocalDate to = p.endsOn().plusMonths(shift);
			from = from.isBefore(header.startsOn()) ? header.startsOn() : from;
			to = to.isAfter(header.endsOn()) ? header.endsOn() : to;
			if (!from.isAfter(to)) {
				insertPhase(id, ++seq, new CampaignForms.PhaseForm(p.name(), from, to, shift == 0 ? p.note() : null));
			}
		}
		String county = actor.regionCode();
		for (CampaignTemplate.Task t : CampaignTemplate.TASKS) {
			if (tasks != null && !tasks.contains(t.seq())) {
				continue;
			}
			long task = this.jdbc.sql("""
					insert into campaign_task (campaign_id, group_no, group_name, seq, title, body, period)
					values (:c, :g, :gn, :s, :t, :b, :p) returning id
					""")
				.param("c", id)
				.param("g", t.groupNo())
				.param("gn", t.groupName())
				.param("s", t.seq())
				.param("t", t.title())
				.param("b", t.body())
				.param("p", t.period().name())
				.query(Long.class)
				.single();
			List<String> seen = new ArrayList<>();
			for (int i = 0; i < t.units().size(); i++) {
				String written = t.units().get(i);
				List<CampaignUnits.Resolved> resolved = this.units.resolve(written, county);
				if (resolved.isEmpty()) {
					resolved = List.of(new CampaignUnits.Resolved(written, null, null));
				}
				for (CampaignUnits.Resolved r : resolved) {
					String key = UnitKey.of(r.regionCode(), r.departmentId(), -1);
					if (r.regionCode() == null && r.departmentId() == null || !seen.contains(key)) {
						seen.add(key);
						CampaignTasks.insertUnit(this.jdbc, task, i == 0, r);
					}
				}
			}
		}
		this.audit.success("CREATE", "campaign", id,
				"由模板新建专项行动 " + header.name().strip() + (tasks == null ? "" : "(选用" + tasks.size() + "项任务)"), null,
				null);
		return id;
	}

	/** A new campaign with no phases or tasks yet. */
	@Transactional
	public long create(CampaignForms.Header header, Actor actor) {
		long id = insert(header, actor);
		this.audit.success("CREATE", "campaign", id, "新建专项行动 " + header.name().strip(), null, null);
		return id;
	}

	private long insert(CampaignForms.Header header, Actor actor) {
		if (!manages(actor) || actor.regionCode() == null) {
			throw new AccessDeniedException("无权新建专项行动");
		}
		checkDates(header);
		return this.jdbc.sql("""
				insert into campaign (name, document, region_code, starts_on, ends_on, created_by)
				values (:n, :d, :r, :s, :e, :by) returning id
				""")
			.param("n", header.name().strip())
			.param("d", blankToNull(header.document()))
			.param("r", actor.regionCode())
			.param("s", header.startsOn())
			.param("e", header.endsOn())
			.param("by", actor.username())
			.query(Long.class)
			.single();
	}

	@Transactional
	public void updateHeader(long id, CampaignForms.Header header, Actor actor) {
		Campaign c = editable(id, actor);
		checkDates(header);
		for (Campaign.Phase p : c.phases()) {
			if (p.startsOn().isBefore(header.startsOn()) || p.endsOn().isAfter(header.endsOn())) {
				throw new Rejected("阶段“" + p.name() + "”超出新的起止日期，请先调整该阶段", Map.of("startsOn", "阶段超出起止日期"));
			}
		}
		this.jdbc.sql("update campaign set name = :n, document = :d, starts_on = :s, ends_on = :e where id = :id")
			.param("n", header.name().strip())
			.param("d", blankToNull(header.document()))
			.param("s", header.startsOn())
			.param("e", header.endsOn())
			.param("id", id)
			.update();
		this.audit.success("UPDATE", "campaign", id, "修改专项行动 " + header.name().strip(), c.name(), header.name());
	}

	@Transactional
	public void addPhase(long id, CampaignForms.PhaseForm form, Actor actor) {
		Campaign c = editable(id, actor);
		if (form.endsOn().isBefore(form.startsOn())) {
			throw new Rejected("阶段结束日期不能早于开始日期", Map.of("endsOn", "阶段结束日期不能早于开始日期"));
		}
		if (form.startsOn().isBefore(c.startsOn()) || form.endsOn().isAfter(c.endsOn())) {
			throw new Rejected("阶段日期应在行动起止日期(" + c.startsOn() + " 至 " + c.endsOn() + ")之内",
					Map.of("startsOn", "阶段日期应在行动起止日期之内"));
		}
		insertPhase(id, c.phases().size() + 1, form);
		this.audit.success("UPDATE", "campaign", id, "新增阶段 " + form.name().strip(), null, null);
	}

	@Transactional
	public void removePhase(long id, long phaseId, Actor actor) {
		editable(id, actor);
		int removed = this.jdbc.sql("delete from campaign_phase where id = :p and campaign_id = :c")
			.param("p", phaseId)
			.param("c", id)
			.update();
		if (removed == 0) {
			throw new NotFound("阶段");
		}
		this.audit.success("UPDATE", "campaign", id, "删除阶段", null, null);
	}

	private void insertPhase(long id, int seq, CampaignForms.PhaseForm p) {
		this.jdbc.sql("""
				insert into campaign_phase (campaign_id, seq, name, starts_on, ends_on, note)
				values (:c, :s, :n, :f, :t, :note)
				""")
			.param("c", id)
			.param("s", seq)
			.param("n", p.name().strip())
			.param("f", p.startsOn())
			.param("t", p.endsOn())
			.param("note", blankToNull(p.note()))
			.update();
	}

	private static void checkDates(CampaignForms.Header header) {
		if (header.endsOn().isBefore(header.startsOn())) {
			throw new Rejected("结束日期不能早于开始日期", Map.of("endsOn", "结束日期不能早于开始日期"));
		}
		if (header.endsOn().isAfter(header.startsOn().plusYears(5))) {
			throw new Rejected("专项行动不能超过5年", Map.of("endsOn", "专项行动不能超过5年"));
		}
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	static LocalDate today() {
		return Times.today();
	}

}
