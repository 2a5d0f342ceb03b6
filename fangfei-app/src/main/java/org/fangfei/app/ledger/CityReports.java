package org.fangfei.app.ledger;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.clue.ClueHistory;
import org.fangfei.app.clue.ClueHistory.InMonth;
import org.fangfei.app.clue.ClueHistory.UpwardReport;
import org.fangfei.app.clue.ClueState;
import org.fangfei.app.ledger.LedgerContent.Section;
import org.fangfei.app.organisation.Region;
import org.fangfei.app.organisation.RegionLevel;
import org.fangfei.app.organisation.Regions;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.Conflict;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Regions12;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The county's monthly clue report to the city (线索月报, 条例 art. 11: 每月向市处非办报送线索, 重大线索即时上报),
 * generated from the clues' timelines as at the month's end like the townships' ledgers;
 * regenerated until it is submitted, then kept as submitted. Major clues are reported at
 * once by the clue module ({@code clue_upward_report}); the report lists those of the
 * month. The city's acceptance of either is recorded by an account with
 * {@code ledger:report:accept}: a city office's own account where the city uses Fangfei,
 * or the county office head recording it on the city's behalf (代为登记), which the record
 * says.
 */
@Service
public class CityReports {

	static final String CITY = "市处非办";

	/** A county's report for a month. */
	public record Report(long id, String countyCode, String month, OffsetDateTime generatedAt,
			OffsetDateTime submittedAt, String submittedBy, OffsetDateTime acceptedAt, String acceptedBy,
			String acceptedNote, LedgerContent content) {
	}

	private final JdbcClient jdbc;

	private final ClueHistory clues;

	private final Regions regions;

	private final AuditLog audit;

	CityReports(JdbcClient jdbc, ClueHistory clues, Regions regions, AuditLog audit) {
		this.jdbc = jdbc;
		this.clues = clues;
		this.regions = regions;
		this.audit = audit;
	}

	/**
	 * Generates (or, before it is submitted, regenerates) the actor's county's report for
	 * an ended month.
	 */
	@Transactional
	public Report generate(String month, Actor actor) {
		YearMonth m = Months.ended(month);
		Region county = county(actor);
		LedgerContent content = content(county, m);
		int written = this.jdbc.sql("""
				insert into clue_city_report (county_code, month, generated_at, generated_by, content)
				values (:c, :m, :now, :by, :content)
				on conflict (county_code, month) do update set generated_at = excluded.generated_at,
				  generated_by = excluded.generated_by, content = excluded.content
				where clue_city_report.submitted_at is null
				""")
			.param("c", county.code())
			.param("m", m.toString())
			.param("now", Times.now())
			.param("by", actor.username())
			.param("content", content.json())
			.update();
		if (written == 0) {
			throw new Rejected(m + " 线索月报已报送" + CITY + "，不能重新生成");
		}
		Report report = find(county.code(), m.toString()).orElseThrow();
		this.audit.success("CITY_REPORT_GENERATE", "clue_city_report", report.id(), "生成 " + content.title(), null,
				null);
		return report;
	}

	/** Submits the report to the city; once. */
	@Transactional
	public Report submit(long id, Actor actor) {
		Report report = get(id, actor.scope());
		int updated = this.jdbc.sql(
				"update clue_city_report set submitted_at = :now, submitted_by = :by where id = :id and submitted_at is null")
			.param("now", Times.now())
			.param("by", actor.displayName())
			.param("id", id)
			.update();
		if (updated == 0) {
			throw new Rejected(report.month() + " 线索月报已经报送，不能重复报送");
		}
		this.audit.success("CITY_REPORT_SUBMIT", "clue_city_report", id, "报送 " + report.content().title() + " 至" + CITY,
				null, null);
		return get(id, actor.scope());
	}

	/**
	 * Records the city's acceptance of a submitted report.
	 * @throws Rejected for a report not submitted or already accepted, or no note
	 */
	@Transactional
	public Report accept(long id, String note, Actor actor) {
		Report report = get(id, actor.scope());
		String text = acceptanceNote(note, actor);
		if (report.submittedAt() == null) {
			throw new Rejected("线索月报尚未报送，不能登记接收");
		}
		int updated = this.jdbc.sql("""
				update clue_city_report set accepted_at = :now, accepted_by = :by, accepted_note = :note
				where id = :id and accepted_at is null
				""")
			.param("now", Times.now())
			.param("by", actor.displayName())
			.param("note", text)
			.param("id", id)
			.update();
		if (updated == 0) {
			throw new Conflict(report.month() + " 线索月报已登记接收，不能重复登记");
		}
		this.audit.success("CITY_REPORT_ACCEPT", "clue_city_report", id,
				"登记" + CITY + "接收 " + report.content().title() + "：" + text, null, null);
		return get(id, actor.scope());
	}

	/** Records the city's acceptance of a major clue reported at once. */
	@Transactional
	public UpwardReport acceptMajor(long reportId, String note, Actor actor) {
		String text = acceptanceNote(note, actor);
		UpwardReport report = this.clues.acceptUpward(reportId, actor.scope().regionPrefix(), actor.displayName(),
				text);
		this.audit.success("MAJOR_REPORT_ACCEPT", "clue_upward_report", reportId,
				"登记" + CITY + "接收重大线索 " + report.clueCode() + "：" + text, null, null);
		return report;
	}

	/** The major clues of the caller's jurisdiction reported upward in a month. */
	@Transactional(readOnly = true)
	public List<UpwardReport> majors(YearMonth month, DataScope scope) {
		return this.clues.upwardReports(scope.regionPrefix(), Months.start(month), Months.end(month));
	}

	@Transactional(readOnly = true)
	public Report get(long id, DataScope scope) {
		return this.jdbc.sql("select * from clue_city_report where id = :id and county_code like :regionLike")
			.param("id", id)
			.param("regionLike", scope.regionLike())
			.query((rs, n) -> report(rs))
			.optional()
			.orElseThrow(() -> new NotFound("线索月报"));
	}

	/** The reports within the caller's scope, newest month first. */
	@Transactional(readOnly = true)
	public List<Report> list(DataScope scope) {
		return this.jdbc.sql(
				"select * from clue_city_report where county_code like :regionLike order by month desc, county_code limit 60")
			.param("regionLike", scope.regionLike())
			.query((rs, n) -> report(rs))
			.list();
	}

	@Transactional
	public byte[] export(long id, DataScope scope) {
		Report report = get(id, scope);
		this.audit.success("CITY_REPORT_EXPORT", "clue_city_report", id, "导出 " + report.content().title(), null, null);
		List<List<String>> about = new ArrayList<>();
		about.add(List.of("报送对象", CITY));
		about.add(List.of("报送时间",
				report.submittedAt() == null ? "未报送" : report.submittedAt().format(LedgerGenerator.TIME)));
		about.add(List.of("接收情况", report.acceptedAt() == null ? "未接收"
				: report.acceptedAt().format(LedgerGenerator.TIME) + " " + report.acceptedNote()));
		return LedgerWorkbook.of(report.content(), about);
	}

	private java.util.Optional<Report> find(String county, String month) {
		return this.jdbc.sql("select * from clue_city_report where county_code = :c and month = :m")
			.param("c", county)
			.param("m", month)
			.query((rs, n) -> report(rs))
			.optional();
	}

	private LedgerContent content(Region county, YearMonth m) {
		String prefix = Regions12.prefixOf(county.code());
		List<InMonth> all = this.clues.month(prefix, Months.start(m), Months.end(m));
		Map<String, String> townships = new LinkedHashMap<>();
		this.regions.search(null, RegionLevel.TOWNSHIP, DataScope.jurisdiction(county.code()))
			.forEach(r -> townships.put(Regions12.prefixOf(r.code()), r.name()));
		List<List<String>> byTownship = new ArrayList<>();
		townships.forEach((p, name) -> byTownship
			.add(counts(name, all.stream().filter(c -> c.regionCode().startsWith(p)).toList())));
		byTownship.add(counts("合计", all));
		List<List<String>> rows = new ArrayList<>();
		for (InMonth c : all) {
			rows.add(
					List.of(String.valueOf(rows.size() + 1), c.code(), c.title(), townshipOf(c.regionCode(), townships),
							c.sourceLabel(), c.major() ? "重大" : "一般", c.receivedAt().format(LedgerGenerator.TIME),
							c.stateAtStart() == null ? "本月登记" : c.stateAtStart().label(), c.stateAtEnd().label()));
		}
		List<List<String>> majors = new ArrayList<>();
		for (UpwardReport u : this.clues.upwardReports(prefix, Months.start(m), Months.end(m))) {
			majors.add(List.of(u.clueCode(), u.content(), u.reportedAt().format(LedgerGenerator.TIME), u.reportedTo()));
		}
		return new LedgerContent(county.name() + " " + m + " 线索月报", "截至 " + m.atEndOfMonth() + " 24:00",
				List.of(new Section("townships", "一、分乡镇汇总",
						List.of("乡镇(街道)", "本月受理", "本月完成核查", "本月处置完毕", "本月销号", "月末在办", "重大线索"), byTownship),
						new Section("clues", "二、线索明细",
								List.of("序号", "线索编号", "线索标题", "乡镇(街道)", "来源", "等级", "接收时间", "月初状态", "月末状态"), rows),
						new Section("majors", "三、本月即时上报的重大线索", List.of("线索编号", "上报内容", "上报时间", "报送对象"), majors)));
	}

	private static List<String> counts(String name, List<InMonth> clues) {
		return List.of(name, n(clues.stream().filter(InMonth::received).count()),
				n(clues.stream().filter(c -> c.reached(ClueState.ASSESSING)).count()),
				n(clues.stream().filter(c -> c.reached(ClueState.FEEDBACK)).count()),
				n(clues.stream().filter(c -> c.reached(ClueState.CLOSED)).count()),
				n(clues.stream().filter(c -> c.stateAtEnd().open()).count()),
				n(clues.stream().filter(InMonth::major).count()));
	}

	private static String n(long value) {
		return String.valueOf(value);
	}

	private static String townshipOf(String regionCode, Map<String, String> townships) {
		return townships.entrySet()
			.stream()
			.filter(t -> regionCode.startsWith(t.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse("县本级");
	}

	private Region county(Actor actor) {
		Region region = actor.regionCode() == null ? null : this.regions.byCode(actor.regionCode()).orElse(null);
		if (region == null || region.level() != RegionLevel.COUNTY) {
			throw new Rejected("线索月报由县(区)处非办生成和报送");
		}
		return region;
	}

	/**
	 * The acceptance note as recorded: said to be recorded on the city's behalf unless
	 * the account is the city's (its region above the county).
	 */
	private String acceptanceNote(String note, Actor actor) {
		if (note == null || note.isBlank()) {
			throw new Rejected("请填写" + CITY + "接收人或接收情况", Map.of("note", "请填写接收人"));
		}
		if (note.strip().length() > 150) {
			throw new Rejected("接收情况不能超过 150 个字", Map.of("note", "不能超过 150 个字"));
		}
		boolean city = actor.regionCode() != null && this.regions.byCode(actor.regionCode())
			.map(r -> r.level() == RegionLevel.CITY || r.level() == RegionLevel.PROVINCE)
			.orElse(false);
		return city ? note.strip() : "(代为登记)" + note.strip();
	}

	private static Report report(java.sql.ResultSet rs) throws java.sql.SQLException {
		OffsetDateTime submitted = rs.getObject("submitted_at", OffsetDateTime.class);
		OffsetDateTime accepted = rs.getObject("accepted_at", OffsetDateTime.class);
		return new Report(rs.getLong("id"), rs.getString("county_code"), rs.getString("month"),
				Times.local(rs.getObject("generated_at", OffsetDateTime.class)),
				submitted == null ? null : Times.local(submitted), rs.getString("submitted_by"),
				accepted == null ? null : Times.local(accepted), rs.getString("accepted_by"),
				rs.getString("accepted_note"), LedgerContent.of(rs.getString("content")));
	}

}
