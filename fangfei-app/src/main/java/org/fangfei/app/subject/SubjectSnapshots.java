package org.fangfei.app.subject;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly 动态管理台账: once a month the whole ledger is copied into
 * {@code subject_snapshot}, county-wide, so that months can be compared later. Reading a
 * month or comparing two is limited to the caller's scope, applied to both months alike.
 */
@Service
public class SubjectSnapshots {

	static final ZoneId CHINA = Times.zone();

	/** A month taken: when, by whom, how many subjects it holds. */
	public record Run(String month, OffsetDateTime takenAt, String takenBy, int subjects) {
	}

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final SnapshotQueries queries;

	SubjectSnapshots(JdbcClient jdbc, AuditLog audit, SnapshotQueries queries) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.queries = queries;
	}

	/** The current month in China, YYYY-MM. */
	public static String currentMonth() {
		return YearMonth.now(CHINA).toString();
	}

	/**
	 * Copies every subject as it stood at the end of the month (by default the current
	 * month, as it stands now) into the month's ledger, in one transaction: a past month
	 * is rebuilt from {@code subject_history}, never copied from today's ledger.
	 * @throws Rejected for a malformed or future month, or a month already taken
	 */
	@Transactional
	public Run take(String month, String actor) {
		YearMonth m = month(month == null || month.isBlank() ? currentMonth() : month);
		if (m.isAfter(YearMonth.now(CHINA))) {
			throw new Rejected("不能生成未来月份（" + m + "）的动态管理台账", Map.of("month", "不能是未来月份"));
		}
		refuseIfTaken(m.toString());
		try {
			this.jdbc.sql("insert into subject_snapshot_run (month, taken_by, subjects) values (:m, :by, 0)")
				.param("m", m.toString())
				.param("by", actor)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw alreadyTaken(m.toString());
		}
		int copied = this.jdbc
			.sql("""
					insert into subject_snapshot (month, subject_id, name, kind, region_code, sector_code, risk_level, status)
					select :m, subject_id, name, kind, region_code, sector_code, risk_level, status from (
					  select distinct on (subject_id) * from subject_history where valid_from < :at
					  order by subject_id, valid_from desc, id desc) h
					where exists (select 1 from subject s where s.id = h.subject_id)
					""")
			.param("m", m.toString())
			.param("at", endOf(m))
			.update();
		this.jdbc.sql("update subject_snapshot_run set subjects = :n where month = :m")
			.param("n", copied)
			.param("m", m.toString())
			.update();
		this.audit.success("SNAPSHOT", "subject_snapshot", m.toString(), "生成 " + m + " 动态管理台账，共 " + copied + " 个风险主体",
				null, null);
		return runs().stream().filter(r -> r.month().equals(m.toString())).findFirst().orElseThrow();
	}

	/** The end of {@code month} in China, or now for the month under way. */
	private static OffsetDateTime endOf(YearMonth month) {
		OffsetDateTime end = month.plusMonths(1).atDay(1).atStartOfDay(CHINA).toOffsetDateTime();
		OffsetDateTime now = Times.now();
		return end.isAfter(now) ? now.plusNanos(1000) : end;
	}

	/** Every month taken, newest first. */
	@Transactional(readOnly = true)
	public List<Run> runs() {
		return this.jdbc.sql("select * from subject_snapshot_run order by month desc")
			.query((rs, n) -> new Run(rs.getString("month"),
					Times.local(rs.getObject("taken_at", OffsetDateTime.class)), rs.getString("taken_by"),
					rs.getInt("subjects")))
			.list();
	}

	/** A month's ledger within the caller's scope, by region. */
	@Transactional(readOnly = true)
	public List<SnapshotComparison.Entry> ledger(String month, DataScope scope) {
		String m = taken(month);
		return this.queries.entries(m, scope);
	}

	/**
	 * Compares two taken months, the earlier as "from" whichever order they are given in.
	 * @throws Rejected for the same month twice, or a month not taken
	 */
	@Transactional(readOnly = true)
	public SnapshotComparison compare(String first, String second, DataScope scope) {
		String a = taken(first);
		String b = taken(second);
		if (a.equals(b)) {
			throw new Rejected("请选择两个不同的月份进行对比");
		}
		String from = a.compareTo(b) < 0 ? a : b;
		String to = a.compareTo(b) < 0 ? b : a;
		return new SnapshotComparison(from, to, this.queries.counts(SnapshotQueries.By.STATUS, from, to, scope),
				this.queries.counts(SnapshotQueries.By.RISK_LEVEL, from, to, scope),
				this.queries.counts(SnapshotQueries.By.SECTOR, from, to, scope), this.queries.onlyIn(to, from, scope),
				this.queries.onlyIn(from, to, scope), this.queries.changed(from, to, scope));
	}

	/** A month's ledger as .xlsx, within the caller's scope; audited. */
	@Transactional
	public byte[] exportLedger(String month, DataScope scope) {
		List<SnapshotComparison.Entry> entries = ledger(month, scope);
		this.audit.success("EXPORT", "subject_snapshot", month.trim(),
				"导出 " + month.trim() + " 动态管理台账 " + entries.size() + " 行", null, null);
		return SnapshotWorkbook.ledger(month.trim(), entries);
	}

	/** A comparison of two months as .xlsx, within the caller's scope; audited. */
	@Transactional
	public byte[] exportComparison(String first, String second, DataScope scope) {
		SnapshotComparison c = compare(first, second, scope);
		this.audit.success("EXPORT", "subject_snapshot", c.to(), "导出动态管理台账对比 " + c.from() + " 至 " + c.to() + "：新增 "
				+ c.added().size() + "，减少 " + c.removed().size() + "，变化 " + c.changed().size(), null, null);
		return SnapshotWorkbook.comparison(c);
	}

	private String taken(String month) {
		String m = month(month).toString();
		boolean taken = this.jdbc.sql("select count(*) from subject_snapshot_run where month = :m")
			.param("m", m)
			.query(Long.class)
			.single() > 0;
		if (!taken) {
			throw new Rejected(m + " 的动态管理台账尚未生成");
		}
		return m;
	}

	private void refuseIfTaken(String month) {
		this.jdbc.sql("select taken_at from subject_snapshot_run where month = :m")
			.param("m", month)
			.query(OffsetDateTime.class)
			.optional()
			.ifPresent(at -> {
				throw alreadyTaken(month);
			});
	}

	private static Rejected alreadyTaken(String month) {
		return new Rejected(month + " 的动态管理台账已经生成，不能重复生成", Map.of("month", "该月已生成"));
	}

	private static YearMonth month(String text) {
		if (text == null || !text.trim().matches("[0-9]{4}-[0-9]{2}")) {
			throw new Rejected("月份格式应为 YYYY-MM，例如 " + currentMonth(), Map.of("month", "格式应为 YYYY-MM"));
		}
		try {
			return YearMonth.parse(text.trim());
		}
		catch (DateTimeParseException ex) {
			throw new Rejected("月份不正确：" + text.trim(), Map.of("month", "月份不正确"));
		}
	}

}
