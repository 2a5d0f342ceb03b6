package org.fangfei.app.campaign;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.notification.DueReminders;
import org.fangfei.app.notification.Inbox;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Progress reports (进展报送): a unit reports on each of its tasks once per period, late ones
 * flagged; the board of every task × unit; a unit's reports on a task.
 */
@Service
class Progress {

	static final String REPORT = "campaign:progress:report";

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	private final AuditLog audit;

	private final Inbox inbox;

	Progress(JdbcClient jdbc, Campaigns campaigns, AuditLog audit, Inbox inbox) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.audit = audit;
		this.inbox = inbox;
	}

	/** One report as shown. */
	record Report(long id, long unitId, String period, LocalDate dueOn, String body, boolean late, String filedBy,
			OffsetDateTime filedAt, List<Figures.Figure> figures, List<FileRow> files) {
	}

	/** An attachment's row, without its bytes. */
	record FileRow(long id, String fileName, String cleaning) {
	}

	/** A board cell: a unit on a task. */
	record Cell(long unitId, boolean lead, CellStatus status, int reported, int due) {
	}

	/** The board: tasks as rows, units as columns. */
	record Board(Campaign campaign, List<UnitKey.Named> units, Map<Long, Map<String, Cell>> cells,
			Map<CellStatus, Integer> totals) {

		public Cell cell(long taskId, String unitKey) {
			return this.cells.getOrDefault(taskId, Map.of()).get(unitKey);
		}

	}

	/** Files a unit's report on a task for a period; returns its id. */
	@Transactional
	long report(long campaignId, long unitId, String period, String body, String figuresText, List<Attachment> files,
			Actor actor) {
		if (!actor.can(REPORT)) {
			throw new AccessDeniedException("无权报送专项行动进展");
		}
		Campaign c = this.campaigns.get(campaignId, actor);
		Located at = locate(c, unitId);
		if (!at.unit().mapped() || !at.unit().key().equals(UnitKey.ofActor(actor))) {
			throw new AccessDeniedException("只能报送本单位的任务进展");
		}
		Period.Slot slot = slots(c, at.task()).stream()
			.filter(s -> s.key().equals(period))
			.findFirst()
			.orElseThrow(() -> new Rejected("报送期次不属于该任务", Map.of("period", "请选择报送期次")));
		LocalDate today = Times.today();
		if (slot.from().isAfter(today)) {
			throw new Rejected("该期(" + slot.label() + ")尚未开始，不能提前报送", Map.of("period", "该期尚未开始"));
		}
		if (body == null || body.isBlank()) {
			throw new Rejected("请填写进展情况", Map.of("body", "请填写进展情况"));
		}
		if (body.strip().length() > 4000) {
			throw new Rejected("进展情况不能超过4000个字", Map.of("body", "进展情况过长"));
		}
		List<Figures.Figure> figures = Figures.parse(figuresText);
		boolean exists = this.jdbc.sql("select count(*) from campaign_report where unit_id = :u and period = :p")
			.param("u", unitId)
			.param("p", period)
			.query(Long.class)
			.single() > 0;
		if (exists) {
			throw new Rejected(slot.label() + "的进展已报送，不能重复报送", Map.of("period", "该期已报送"));
		}
		boolean late = today.isAfter(slot.dueOn());
		long id = this.jdbc.sql("""
				insert into campaign_report (unit_id, period, due_on, body, late, filed_by, filed_at)
				values (:u, :p, :d, :b, :l, :by, :at) returning id
				""")
			.param("u", unitId)
			.param("p", period)
			.param("d", slot.dueOn())
			.param("b", body.strip())
			.param("l", late)
			.param("by", actor.username())
			.param("at", Times.now())
			.query(Long.class)
			.single();
		for (int i = 0; i < figures.size(); i++) {
			this.jdbc.sql("insert into campaign_report_figure (report_id, seq, label, value) values (:r, :s, :l, :v)")
				.param("r", id)
				.param("s", i + 1)
				.param("l", figures.get(i).label())
				.param("v", figures.get(i).value())
				.update();
		}
		for (Attachment f : files) {
			this.jdbc.sql("""
					insert into campaign_report_file (report_id, file_name, content_type, content, cleaning)
					values (:r, :n, :t, :c, :cl)
					""")
				.param("r", id)
				.param("n", f.fileName())
				.param("t", f.contentType())
				.param("c", f.bytes())
				.param("cl", f.cleaning())
				.update();
		}
		this.inbox.resolve(CampaignReminders.dedupKey(unitId, period));
		this.inbox.resolve(DueReminders.late(CampaignReminders.dedupKey(unitId, period)));
		this.audit.success("CAMPAIGN_REPORT", "campaign_task", at.task().id(),
				at.unit().name() + " 报送 " + at.task().title() + " " + slot.label() + "进展" + (late ? "(逾期)" : ""), null,
				null);
		return id;
	}

	/** A task and one of its units. */
	record Located(Campaign.Task task, Campaign.Unit unit) {
	}

	/**
	 * A unit of the campaign the caller may open: any for the office, their own for a
	 * unit's staff.
	 */
	static Located visible(Campaign c, long unitId, Actor actor) {
		Located at = locate(c, unitId);
		if (!Campaigns.manages(actor) && !at.unit().key().equals(UnitKey.ofActor(actor))) {
			throw new NotFound("任务单位");
		}
		return at;
	}

	static Located locate(Campaign c, long unitId) {
		for (Campaign.Task t : c.tasks()) {
			for (Campaign.Unit u : t.units()) {
				if (u.id() == unitId) {
					return new Located(t, u);
				}
			}
		}
		throw new NotFound("任务单位");
	}

	static List<Period.Slot> slots(Campaign c, Campaign.Task t) {
		return t.period().slots(c.startsOn(), c.endsOn(), t.dueDay(), t.dueOn());
	}

	@Transactional(readOnly = true)
	List<Report> reports(long unitId) {
		Map<Long, List<Figures.Figure>> figures = new HashMap<>();
		this.jdbc.sql("""
				select f.report_id, f.label, f.value from campaign_report_figure f
				join campaign_report r on r.id = f.report_id where r.unit_id = :u order by f.report_id, f.seq
				""")
			.param("u", unitId)
			.query((rs, n) -> Map.entry(rs.getLong(1), new Figures.Figure(rs.getString(2), rs.getLong(3))))
			.list()
			.forEach(e -> figures.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		Map<Long, List<FileRow>> files = new HashMap<>();
		this.jdbc.sql("""
				select f.report_id, f.id, f.file_name, f.cleaning from campaign_report_file f
				join campaign_report r on r.id = f.report_id where r.unit_id = :u order by f.id
				""")
			.param("u", unitId)
			.query((rs, n) -> Map.entry(rs.getLong(1), new FileRow(rs.getLong(2), rs.getString(3), rs.getString(4))))
			.list()
			.forEach(e -> files.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		return this.jdbc.sql("select * from campaign_report where unit_id = :u order by period desc")
			.param("u", unitId)
			.query((rs, n) -> new Report(rs.getLong("id"), unitId, rs.getString("period"),
					rs.getObject("due_on", LocalDate.class), rs.getString("body"), rs.getBoolean("late"),
					rs.getString("filed_by"), Times.local(rs.getObject("filed_at", OffsetDateTime.class)),
					figures.getOrDefault(rs.getLong("id"), List.of()), files.getOrDefault(rs.getLong("id"), List.of())))
			.list();
	}

	/** An attachment of a report on a unit of this campaign. */
	@Transactional(readOnly = true)
	Attachment file(long campaignId, long unitId, long fileId) {
		return this.jdbc.sql("""
				select f.file_name, f.content_type, f.content, f.cleaning from campaign_report_file f
				join campaign_report r on r.id = f.report_id join campaign_task_unit u on u.id = r.unit_id
				join campaign_task t on t.id = u.task_id
				where f.id = :f and r.unit_id = :u and t.campaign_id = :c
				""")
			.param("f", fileId)
			.param("u", unitId)
			.param("c", campaignId)
			.query((rs, n) -> new Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getString(4)))
			.optional()
			.orElseThrow(() -> new NotFound("附件"));
	}

	/** The board of the campaign as the caller sees it, on {@code today}. */
	@Transactional(readOnly = true)
	Board board(long campaignId, Actor actor, LocalDate today) {
		Campaign c = this.campaigns.get(campaignId, actor);
		Map<Long, Map<String, Boolean>> filed = new HashMap<>();
		this.jdbc.sql("""
				select r.unit_id, r.period, r.late from campaign_report r join campaign_task_unit u on u.id = r.unit_id
				join campaign_task t on t.id = u.task_id where t.campaign_id = :c
				""")
			.param("c", campaignId)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getBoolean(3) })
			.list()
			.forEach(r -> filed.computeIfAbsent((Long) r[0], k -> new HashMap<>()).put((String) r[1], (Boolean) r[2]));
		String mine = Campaigns.manages(actor) ? null : UnitKey.ofActor(actor);
		Map<Long, Map<String, Cell>> cells = new LinkedHashMap<>();
		Map<CellStatus, Integer> totals = new LinkedHashMap<>();
		for (Campaign.Task t : c.tasks()) {
			List<Period.Slot> slots = slots(c, t);
			for (Campaign.Unit u : t.units()) {
				if (mine != null && !Objects.equals(mine, u.key())) {
					continue;
				}
				Cell cell = cell(u, slots, filed.getOrDefault(u.id(), Map.of()), today);
				cells.computeIfAbsent(t.id(), k -> new LinkedHashMap<>()).putIfAbsent(u.key(), cell);
				totals.merge(cell.status(), 1, Integer::sum);
			}
		}
		List<UnitKey.Named> units = UnitKey.distinct(c.tasks())
			.stream()
			.filter(n -> mine == null || n.key().equals(mine))
			.toList();
		return new Board(c, units, cells, totals);
	}

	static Cell cell(Campaign.Unit u, List<Period.Slot> slots, Map<String, Boolean> filed, LocalDate today) {
		int due = (int) slots.stream().filter(s -> s.dueOn().isBefore(today)).count();
		if (!u.mapped()) {
			return new Cell(u.id(), u.lead(), CellStatus.UNMAPPED, 0, due);
		}
		boolean missing = slots.stream().anyMatch(s -> s.dueOn().isBefore(today) && !filed.containsKey(s.key()));
		boolean late = filed.containsValue(Boolean.TRUE);
		boolean started = slots.stream().anyMatch(s -> !s.from().isAfter(today));
		CellStatus status = missing ? CellStatus.OVERDUE : late ? CellStatus.LATE
				: !filed.isEmpty() ? CellStatus.DONE : started ? CellStatus.PENDING : CellStatus.NOT_YET;
		return new Cell(u.id(), u.lead(), status, filed.size(), due);
	}

}
