package org.fangfei.app.campaign;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The half-year (阶段性) and final summaries 004 asks for, drafted from the progress records
 * of their window — who reported on which task, late and missing reports, the figures
 * summed — then edited by the office until it finalises them; a finalised summary no
 * longer changes.
 */
@Service
class Summaries {

	private final JdbcClient jdbc;

	private final Campaigns campaigns;

	private final Progress progress;

	private final AuditLog audit;

	Summaries(JdbcClient jdbc, Campaigns campaigns, Progress progress, AuditLog audit) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.progress = progress;
		this.audit = audit;
	}

	/** A summary. */
	record Summary(long id, long campaignId, String kind, String title, LocalDate fromOn, LocalDate toOn, String body,
			String finalisedBy, OffsetDateTime finalisedAt) {

		public boolean finalised() {
			return this.finalisedAt != null;
		}

		public String kindLabel() {
			return "FINAL".equals(this.kind) ? "总结" : "半年总结";
		}

	}

	@Transactional(readOnly = true)
	List<Summary> of(long campaignId, Actor actor) {
		this.campaigns.get(campaignId, actor);
		return this.jdbc.sql("select * from campaign_summary where campaign_id = :c order by from_on, id")
			.param("c", campaignId)
			.query((rs, n) -> map(rs))
			.list();
	}

	@Transactional(readOnly = true)
	Summary get(long campaignId, long id, Actor actor) {
		return of(campaignId, actor).stream()
			.filter(s -> s.id() == id)
			.findFirst()
			.orElseThrow(() -> new NotFound("总结"));
	}

	/**
	 * Drafts the summary of a half year ({@code half} like "2024-H2") or, for a null
	 * {@code half}, the final summary of the whole campaign.
	 */
	@Transactional
	long draft(long campaignId, String half, Actor actor) {
		Campaign c = this.campaigns.editable(campaignId, actor);
		LocalDate from;
		LocalDate to;
		String title;
		if (half == null || half.isBlank()) {
			from = c.startsOn();
			to = c.endsOn();
			title = c.name() + "工作总结";
		}
		else {
			if (!half.matches("20[0-9]{2}-H[12]")) {
				throw new Rejected("半年应写作如“2024-H2”", Map.of("half", "半年格式不正确"));
			}
			int year = Integer.parseInt(half.substring(0, 4));
			boolean second = half.endsWith("2");
			from = max(LocalDate.of(year, second ? 7 : 1, 1), c.startsOn());
			to = min(LocalDate.of(year, second ? 12 : 6, second ? 31 : 30), c.endsOn());
			if (to.isBefore(from)) {
				throw new Rejected("该半年不在行动起止日期之内", Map.of("half", "不在行动期间"));
			}
			if (from.isAfter(Times.today())) {
				throw new Rejected("该半年尚未开始，不能起草总结", Map.of("half", "尚未开始"));
			}
			title = c.name() + year + "年" + (second ? "下半年" : "上半年") + "阶段性总结";
		}
		String kind = half == null || half.isBlank() ? "FINAL" : "HALF_YEAR";
		boolean exists = this.jdbc.sql("select count(*) from campaign_summary where campaign_id = :c and title = :t")
			.param("c", campaignId)
			.param("t", title)
			.query(Long.class)
			.single() > 0;
		if (exists) {
			throw new Rejected("“" + title + "”已起草，请在原稿上修改", Map.of("half", "已起草"));
		}
		long id = this.jdbc.sql("""
				insert into campaign_summary (campaign_id, kind, title, from_on, to_on, body, created_by, created_at)
				values (:c, :k, :t, :f, :to, :b, :by, :at) returning id
				""")
			.param("c", campaignId)
			.param("k", kind)
			.param("t", title)
			.param("f", from)
			.param("to", to)
			.param("b", body(c, from, to))
			.param("by", actor.username())
			.param("at", Times.now())
			.query(Long.class)
			.single();
		this.audit.success("CREATE", "campaign", campaignId, "起草 " + title, null, null);
		return id;
	}

	@Transactional
	void edit(long campaignId, long id, String body, Actor actor) {
		this.campaigns.editable(campaignId, actor);
		Summary s = get(campaignId, id, actor);
		if (s.finalised()) {
			throw new Rejected("总结已定稿，不能再修改");
		}
		if (body == null || body.isBlank()) {
			throw new Rejected("请填写总结内容", Map.of("body", "请填写总结内容"));
		}
		if (body.length() > 20000) {
			throw new Rejected("总结内容不能超过20000个字", Map.of("body", "总结内容过长"));
		}
		this.jdbc.sql("update campaign_summary set body = :b where id = :id")
			.param("b", body.strip())
			.param("id", id)
			.update();
		this.audit.success("UPDATE", "campaign", campaignId, "修改 " + s.title(), null, null);
	}

	@Transactional
	void finalise(long campaignId, long id, Actor actor) {
		this.campaigns.editable(campaignId, actor);
		Summary s = get(campaignId, id, actor);
		if (s.finalised()) {
			throw new Rejected("总结已定稿");
		}
		this.jdbc.sql("update campaign_summary set finalised_by = :by, finalised_at = :at where id = :id")
			.param("by", actor.username())
			.param("at", Times.now())
			.param("id", id)
			.update();
		this.audit.success("CAMPAIGN_SUMMARY_FINALISE", "campaign", campaignId, "定稿 " + s.title(), null, null);
	}

	/** The draft text, from the reports whose period starts within the window. */
	String body(Campaign c, LocalDate from, LocalDate to) {
		StringBuilder sb = new StringBuilder();
		int filed = 0;
		int late = 0;
		int overdue = 0;
		Map<String, StringBuilder> groups = new LinkedHashMap<>();
		LocalDate today = Times.today();
		for (Campaign.Task t : c.tasks()) {
			StringBuilder g = groups.computeIfAbsent(t.groupName(), k -> new StringBuilder());
			Map<String, Long> sums = new TreeMap<>();
			List<String> reporters = new java.util.ArrayList<>();
			List<Period.Slot> slots = Progress.slots(c, t);
			for (Campaign.Unit u : t.units()) {
				List<Progress.Report> reports = this.progress.reports(u.id())
					.stream()
					.filter(r -> within(r, from, to))
					.filter(r -> !r.filedAt().isAfter(Times.now()))
					.toList();
				if (!reports.isEmpty()) {
					reporters.add(u.name() + reports.size() + "次");
				}
				filed += reports.size();
				late += (int) reports.stream().filter(Progress.Report::late).count();
				reports.forEach(r -> r.figures().forEach(f -> sums.merge(f.label(), f.value(), Long::sum)));
				if (u.mapped()) {
					overdue += (int) slots.stream()
						.filter(s -> !s.from().isBefore(from) && !s.from().isAfter(to) && s.dueOn().isBefore(today))
						.filter(s -> reports.stream().noneMatch(r -> r.period().equals(s.key())))
						.count();
				}
			}
			g.append(t.seq()).append('.').append(t.title()).append("：");
			g.append(reporters.isEmpty() ? "本期无进展报送" : "报送进展的单位有" + String.join("、", reporters));
			if (!sums.isEmpty()) {
				g.append("；合计");
				sums.forEach((label, value) -> g.append(label).append(value).append("，"));
				g.setLength(g.length() - 1);
			}
			g.append("。\n");
		}
		sb.append("一、总体情况\n");
		sb.append(from)
			.append(" 至 ")
			.append(to)
			.append("，各成员单位和各乡镇共报送专项行动进展 ")
			.append(filed)
			.append(" 份，其中逾期补报 ")
			.append(late)
			.append(" 份；到期未报 ")
			.append(overdue)
			.append(" 项。\n");
		sb.append("二、各项任务进展\n");
		String[] numbers = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五" };
		int i = 0;
		for (Map.Entry<String, StringBuilder> e : groups.entrySet()) {
			sb.append('(')
				.append(i < numbers.length ? numbers[i] : Integer.toString(i + 1))
				.append(')')
				.append(e.getKey())
				.append('\n');
			sb.append(e.getValue());
			i++;
		}
		sb.append("三、存在问题和下一步打算\n(请填写)\n");
		return sb.toString();
	}

	static boolean within(Progress.Report r, LocalDate from, LocalDate to) {
		LocalDate start;
		if (r.period().matches("[0-9]{4}-[0-9]{2}")) {
			start = YearMonth.parse(r.period()).atDay(1);
		}
		else if (r.period().matches("[0-9]{4}-Q[1-4]")) {
			start = LocalDate.of(Integer.parseInt(r.period().substring(0, 4)), (r.period().charAt(6) - '1') * 3 + 1, 1);
		}
		else {
			start = r.dueOn();
		}
		return !start.isBefore(from.withDayOfMonth(1)) && !start.isAfter(to);
	}

	private static Summary map(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Summary(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("kind"), rs.getString("title"),
				rs.getObject("from_on", LocalDate.class), rs.getObject("to_on", LocalDate.class), rs.getString("body"),
				rs.getString("finalised_by"), rs.getObject("finalised_at", OffsetDateTime.class));
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

}
