package org.fangfei.app.ledger;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.notification.DueReminders;
import org.fangfei.app.notification.Inbox;
import org.fangfei.app.notification.NoticeKind;
import org.fangfei.app.notification.Recipient;
import org.fangfei.app.organisation.Region;
import org.fangfei.app.organisation.RegionLevel;
import org.fangfei.app.organisation.Regions;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Conflict;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Regions12;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.ReturnReason;
import org.fangfei.app.shared.Times;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A township's monthly ledger through its workflow: generated (again, as a new version,
 * while not submitted or after a return), submitted by the township by the 5th, returned
 * by the county office with a reason or accepted. Every version is kept; every move is on
 * the ledger's timeline, in the audit log, and in the inboxes of the party whose turn it
 * is.
 */
@Service
public class Ledgers {

	/** A ledger as listed on the board. */
	public record Ledger(long id, String regionCode, String regionName, String month, LedgerStatus status,
			LocalDate dueOn, int versions, OffsetDateTime submittedAt, boolean late) {

		/**
		 * Late: submitted after the due date, or not yet submitted and the date has
		 * passed.
		 */
		public boolean overdue(LocalDate today) {
			return this.late || (this.submittedAt == null && today.isAfter(this.dueOn));
		}

	}

	/** One entry of the timeline. */
	public record Event(int number, String kind, OffsetDateTime at, String actorName, String note) {

		public String label() {
			return switch (this.kind) {
				case "GENERATED" -> "生成第 " + this.number + " 版";
				case "SUBMITTED" -> "上报第 " + this.number + " 版";
				case "RETURNED" -> "退回";
				case "ACCEPTED" -> "审核通过";
				default -> this.kind;
			};
		}

	}

	/** One kept version. */
	public record Version(int number, OffsetDateTime generatedAt, String generatedBy, LedgerContent content) {
	}

	private static final Logger log = LoggerFactory.getLogger(Ledgers.class);

	private final JdbcClient jdbc;

	private final LedgerGenerator generator;

	private final Regions regions;

	private final Inbox inbox;

	private final AuditLog audit;

	Ledgers(JdbcClient jdbc, LedgerGenerator generator, Regions regions, Inbox inbox, AuditLog audit) {
		this.jdbc = jdbc;
		this.generator = generator;
		this.regions = regions;
		this.inbox = inbox;
		this.audit = audit;
	}

	/**
	 * Generates the township's ledger for an ended month: the first version, or a new one
	 * of a ledger not yet submitted or returned.
	 * @throws Rejected for a bad or unfinished month, a region that is not a township in
	 * the actor's jurisdiction, or a ledger submitted or accepted
	 */
	@Transactional
	public Ledger generate(String regionCode, String month, Actor actor) {
		YearMonth m = Months.ended(month);
		Region township = township(regionCode, actor.scope());
		Ledger existing = find(township.code(), m.toString());
		if (existing != null
				&& (existing.status() == LedgerStatus.SUBMITTED || existing.status() == LedgerStatus.ACCEPTED)) {
			throw new Rejected(township.name() + " " + m + " 月度台账" + existing.status().label() + "，不能重新生成");
		}
		long started = System.nanoTime();
		LedgerContent content = this.generator.township(township.code(), township.name(), m);
		long generated = System.nanoTime();
		long id;
		int number;
		if (existing == null) {
			id = this.jdbc.sql("""
					insert into ledger (region_code, month, status, due_on, versions) values (:r, :m, 'DRAFT', :due, 1)
					on conflict (region_code, month) do nothing returning id
					""")
				.param("r", township.code())
				.param("m", m.toString())
				.param("due", Months.dueOn(m))
				.query(Long.class)
				.optional()
				.orElseThrow(() -> new Conflict("该月台账刚刚已由他人生成，请刷新后查看"));
			number = 1;
		}
		else {
			id = existing.id();
			number = existing.versions() + 1;
			move(existing, existing.status(), LedgerStatus.DRAFT, "versions = versions + 1");
		}
		String json = content.json();
		long serialised = System.nanoTime();
		this.jdbc.sql("""
				insert into ledger_version (ledger_id, number, generated_at, generated_by, as_at, content)
				values (:id, :n, :now, :by, :asAt, :content)
				""")
			.param("id", id)
			.param("n", number)
			.param("now", Times.now())
			.param("by", actor.username())
			.param("asAt", Months.end(m))
			.param("content", json)
			.update();
		log.debug("ledger version: generated in {} ms, serialised in {} ms ({} chars), stored in {} ms",
				(generated - started) / 1_000_000, (serialised - generated) / 1_000_000, json.length(),
				(System.nanoTime() - serialised) / 1_000_000);
		event(id, number, "GENERATED", actor, null);
		this.audit.success("LEDGER_GENERATE", "ledger", id, "生成 " + content.title() + " 第 " + number + " 版", null,
				null);
		return get(id, actor.scope());
	}

	/**
	 * The township submits its latest version, with an optional note (e.g. what was
	 * corrected after a return).
	 * @throws Rejected unless the ledger was generated and not yet submitted
	 */
	@Transactional
	public Ledger submit(long id, String note, Actor actor) {
		Ledger ledger = get(id, actor.scope());
		if (ledger.status() == LedgerStatus.RETURNED) {
			throw new Rejected("台账已被退回，请按退回意见核实更正后重新生成，再上报");
		}
		if (ledger.status() != LedgerStatus.DRAFT) {
			throw new Rejected("台账" + ledger.status().label() + "，不能再次上报");
		}
		String text = optional(note, "上报说明");
		// late is decided by the first submission: a resubmission after a return is not
		// late
		boolean late = ledger.submittedAt() == null ? Times.today().isAfter(ledger.dueOn()) : ledger.late();
		move(ledger, LedgerStatus.DRAFT, LedgerStatus.SUBMITTED,
				"submitted_at = coalesce(submitted_at, :now), late = " + late);
		event(id, ledger.versions(), "SUBMITTED", actor, text);
		String key = dueKey(ledger);
		this.inbox.resolve(key);
		this.inbox.resolve(DueReminders.late(key));
		for (int n = 1; n < ledger.versions(); n++) {
			this.inbox.resolve(returnedKey(id, n));
		}
		this.inbox.post(NoticeKind.ASSIGNED, Recipient.role("OFFICE", county(ledger.regionCode())),
				"待审核：" + ledger.regionName() + " " + ledger.month() + " 月度台账", late ? "逾期上报" : null, "/ledgers/" + id,
				reviewKey(id, ledger.versions()));
		this.audit.success("LEDGER_SUBMIT", "ledger", id, "上报 " + ledger.regionName() + " " + ledger.month() + " 月度台账第 "
				+ ledger.versions() + " 版" + (late ? "(逾期)" : ""), null, null);
		return get(id, actor.scope());
	}

	/**
	 * The county office returns a submitted ledger with its reason.
	 * @throws Rejected without a reason, or unless the ledger is submitted
	 */
	@Transactional
	public Ledger returnLedger(long id, String reason, Actor actor) {
		Ledger ledger = get(id, actor.scope());
		String text = ReturnReason.required(reason);
		requireSubmitted(ledger);
		move(ledger, LedgerStatus.SUBMITTED, LedgerStatus.RETURNED, null);
		event(id, ledger.versions(), "RETURNED", actor, text);
		this.inbox.resolve(reviewKey(id, ledger.versions()));
		this.inbox.post(NoticeKind.RETURNED, Recipient.unit(ledger.regionCode()),
				"月度台账被退回：" + ledger.regionName() + " " + ledger.month(), text, "/ledgers/" + id,
				returnedKey(id, ledger.versions()));
		this.audit.success("LEDGER_RETURN", "ledger", id,
				"退回 " + ledger.regionName() + " " + ledger.month() + " 月度台账：" + text, null, null);
		return get(id, actor.scope());
	}

	/** The county office accepts a submitted ledger. */
	@Transactional
	public Ledger accept(long id, Actor actor) {
		Ledger ledger = get(id, actor.scope());
		requireSubmitted(ledger);
		move(ledger, LedgerStatus.SUBMITTED, LedgerStatus.ACCEPTED, null);
		event(id, ledger.versions(), "ACCEPTED", actor, null);
		this.inbox.resolve(reviewKey(id, ledger.versions()));
		this.audit.success("LEDGER_ACCEPT", "ledger", id,
				"审核通过 " + ledger.regionName() + " " + ledger.month() + " 月度台账第 " + ledger.versions() + " 版", null,
				null);
		return get(id, actor.scope());
	}

	/** A ledger within the caller's scope. */
	@Transactional(readOnly = true)
	public Ledger get(long id, DataScope scope) {
		return this.jdbc.sql(SELECT + " where l.id = :id and l.region_code like :regionLike")
			.param("id", id)
			.param("regionLike", scope.regionLike())
			.query((rs, n) -> ledger(rs))
			.optional()
			.orElseThrow(() -> new NotFound("月度台账"));
	}

	/** A kept version of a ledger within the caller's scope (the latest when null). */
	@Transactional(readOnly = true)
	public Version version(long id, Integer number, DataScope scope) {
		Ledger ledger = get(id, scope);
		int n = number == null ? ledger.versions() : number;
		return this.jdbc.sql("select * from ledger_version where ledger_id = :id and number = :n")
			.param("id", id)
			.param("n", n)
			.query((rs, i) -> new Version(rs.getInt("number"),
					Times.local(rs.getObject("generated_at", OffsetDateTime.class)), rs.getString("generated_by"),
					LedgerContent.of(rs.getString("content"))))
			.optional()
			.orElseThrow(() -> new NotFound("台账版本"));
	}

	@Transactional(readOnly = true)
	public List<Event> timeline(long id, DataScope scope) {
		get(id, scope);
		return this.jdbc.sql("select * from ledger_event where ledger_id = :id order by id")
			.param("id", id)
			.query((rs, n) -> new Event(rs.getInt("number"), rs.getString("kind"),
					Times.local(rs.getObject("occurred_at", OffsetDateTime.class)), rs.getString("actor_name"),
					rs.getString("note")))
			.list();
	}

	/** The ledgers of these months within the caller's scope. */
	@Transactional(readOnly = true)
	public List<Ledger> of(List<String> months, DataScope scope) {
		return this.jdbc.sql(SELECT + " where l.month in (:months) and l.region_code like :regionLike")
			.param("months", months)
			.param("regionLike", scope.regionLike())
			.query((rs, n) -> ledger(rs))
			.list();
	}

	/** The townships within the caller's scope, by code. */
	@Transactional(readOnly = true)
	public List<Region> townships(DataScope scope) {
		return this.regions.search(null, RegionLevel.TOWNSHIP, scope).stream().filter(Region::enabled).toList();
	}

	/** The .xlsx of a kept version: a title sheet and one sheet per section; audited. */
	@Transactional
	public byte[] export(long id, Integer number, DataScope scope) {
		Ledger ledger = get(id, scope);
		Version version = version(id, number, scope);
		this.audit.success("LEDGER_EXPORT", "ledger", id,
				"导出 " + version.content().title() + " 第 " + version.number() + " 版", null, null);
		return LedgerWorkbook.of(version.content(),
				List.of(List.of("版本", "第 " + version.number() + " 版"),
						List.of("生成时间", version.generatedAt().format(LedgerGenerator.TIME)),
						List.of("状态", ledger.status().label())));
	}

	private Region township(String regionCode, DataScope scope) {
		if (regionCode == null || regionCode.isBlank()) {
			throw new Rejected("请选择乡镇(街道)", Map.of("regionCode", "请选择乡镇(街道)"));
		}
		Region region;
		try {
			region = this.regions.get(regionCode.strip(), scope);
		}
		catch (NotFound ex) {
			throw new Rejected("只能生成本辖区乡镇(街道)的月度台账", Map.of("regionCode", "不在本辖区"));
		}
		if (region.level() != RegionLevel.TOWNSHIP) {
			throw new Rejected("月度台账按乡镇(街道)生成，" + region.name() + "不是乡镇(街道)", Map.of("regionCode", "请选择乡镇(街道)"));
		}
		return region;
	}

	private Ledger find(String regionCode, String month) {
		return this.jdbc.sql(SELECT + " where l.region_code = :r and l.month = :m")
			.param("r", regionCode)
			.param("m", month)
			.query((rs, n) -> ledger(rs))
			.optional()
			.orElse(null);
	}

	/**
	 * @param set extra assignments, fixed SQL of this class, never user text
	 */
	private void move(Ledger ledger, LedgerStatus from, LedgerStatus to, String set) {
		int updated = this.jdbc
			.sql("update ledger set status = :to, row_version = row_version + 1" + (set == null ? "" : ", " + set)
					+ " where id = :id and status = :from and versions = :versions")
			.param("to", to.name())
			.param("from", from.name())
			.param("id", ledger.id())
			.param("versions", ledger.versions())
			.param("now", Times.now())
			.update();
		if (updated != 1) {
			throw new Conflict("台账刚刚已被他人处理，您的操作未执行，请刷新后查看");
		}
	}

	private void event(long id, int number, String kind, Actor actor, String note) {
		this.jdbc.sql("""
				insert into ledger_event (ledger_id, number, kind, occurred_at, actor, actor_name, note)
				values (:id, :n, :kind, :now, :actor, :name, :note)
				""")
			.param("id", id)
			.param("n", number)
			.param("kind", kind)
			.param("now", Times.now())
			.param("actor", actor.username())
			.param("name", actor.displayName())
			.param("note", note)
			.update();
	}

	private static void requireSubmitted(Ledger ledger) {
		if (ledger.status() != LedgerStatus.SUBMITTED) {
			throw new Rejected("只能审核已上报的台账，该台账" + ledger.status().label());
		}
	}

	private static String optional(String text, String what) {
		if (text == null || text.isBlank()) {
			return null;
		}
		if (text.strip().length() > 1000) {
			throw new Rejected(what + "不能超过 1000 个字");
		}
		return text.strip();
	}

	static String county(String regionCode) {
		return Regions12.prefixOf(regionCode).substring(0, 6);
	}

	static String dueKey(Ledger ledger) {
		return dueKey(ledger.regionCode(), ledger.month());
	}

	/** The key of the reminder to submit a township's ledger of a month (yyyy-MM). */
	static String dueKey(String regionCode, String month) {
		return "ledger:" + regionCode + ":" + month + ":due";
	}

	private static String returnedKey(long id, int version) {
		return "ledger:" + id + ":returned:" + version;
	}

	private static String reviewKey(long id, int version) {
		return "ledger:" + id + ":review:" + version;
	}

	private static final String SELECT = "select l.*, r.name as region_name from ledger l join region r on r.code = l.region_code";

	private static Ledger ledger(java.sql.ResultSet rs) throws java.sql.SQLException {
		OffsetDateTime submitted = rs.getObject("submitted_at", OffsetDateTime.class);
		return new Ledger(rs.getLong("id"), rs.getString("region_code"), rs.getString("region_name"),
				rs.getString("month"), LedgerStatus.valueOf(rs.getString("status")),
				rs.getObject("due_on", LocalDate.class), rs.getInt("versions"),
				submitted == null ? null : Times.local(submitted), rs.getBoolean("late"));
	}

}
