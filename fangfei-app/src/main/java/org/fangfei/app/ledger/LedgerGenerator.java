package org.fangfei.app.ledger;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.fangfei.app.casefile.CaseDirectory;
import org.fangfei.app.casefile.CaseDirectory.CaseInMonth;
import org.fangfei.app.clue.ClueHistory;
import org.fangfei.app.clue.ClueHistory.InMonth;
import org.fangfei.app.clue.ClueState;
import org.fangfei.app.ledger.LedgerContent.Section;
import org.fangfei.app.shared.Money;
import org.fangfei.app.shared.Regions12;
import org.fangfei.app.subject.RiskLevel;
import org.fangfei.app.subject.SubjectHistory;
import org.fangfei.app.subject.SubjectHistory.Standing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.util.StopWatch;

/**
 * Builds a township's ledger for an ended month from what was recorded, as it stood at
 * the month's end: the subjects from their history, the clues from their timelines, the
 * cases from their stages (docs/ledger.md lists the sections and columns). Never reads
 * today's state of a record for a past month.
 */
@Component
class LedgerGenerator {

	private static final Logger log = LoggerFactory.getLogger(LedgerGenerator.class);

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final SubjectHistory subjects;

	private final ClueHistory clues;

	private final CaseDirectory cases;

	LedgerGenerator(SubjectHistory subjects, ClueHistory clues, CaseDirectory cases) {
		this.subjects = subjects;
		this.clues = clues;
		this.cases = cases;
	}

	LedgerContent township(String regionCode, String regionName, YearMonth month) {
		String prefix = Regions12.prefixOf(regionCode);
		OffsetDateTime from = Months.start(month);
		OffsetDateTime to = Months.end(month);
		StopWatch watch = new StopWatch(regionCode + " " + month);
		watch.start("subjects");
		SubjectHistory.StartAndEnd standing = this.subjects.asAt(prefix, from, to);
		List<Standing> atStart = standing.atStart();
		List<Standing> atEnd = standing.atEnd();
		watch.stop();
		watch.start("clues");
		List<InMonth> clueRows = this.clues.month(prefix, from, to);
		watch.stop();
		watch.start("cases");
		List<CaseInMonth> caseRows = this.cases.inMonth(prefix, month.atDay(1), month.atEndOfMonth());
		watch.stop();
		watch.start("sections");
		Section subjectSection = subjectSection(atStart, atEnd);
		List<Section> sections = List.of(summary(atStart, atEnd, clueRows, caseRows, subjectSection), subjectSection,
				clueSection(clueRows), caseSection(caseRows, month.atDay(1)));
		watch.stop();
		log.debug("ledger generated: {}", watch.prettyPrint());
		return new LedgerContent(regionName + " " + month + " 月度动态台账", "截至 " + month.atEndOfMonth() + " 24:00",
				sections);
	}

	private static Section summary(List<Standing> atStart, List<Standing> atEnd, List<InMonth> clues,
			List<CaseInMonth> cases, Section subjects) {
		List<List<String>> rows = new ArrayList<>();
		long added = subjects.rows().stream().filter(r -> r.get(7).startsWith("本月新增")).count();
		long removed = subjects.rows().stream().filter(r -> r.get(7).startsWith("本月迁出")).count();
		long changed = subjects.rows().stream().filter(r -> r.get(7).contains("→")).count();
		rows.add(row("风险主体", "月末在册风险主体", atEnd.size()));
		rows.add(row("风险主体", "月初在册风险主体", atStart.size()));
		rows.add(row("风险主体", "本月新增(含迁入)", added));
		rows.add(row("风险主体", "本月减少(含迁出)", removed));
		rows.add(row("风险主体", "本月等级或状态变化", changed));
		Map<RiskLevel, Long> levels = new EnumMap<>(RiskLevel.class);
		atEnd.stream().filter(s -> s.riskLevel() != null).forEach(s -> levels.merge(s.riskLevel(), 1L, Long::sum));
		for (RiskLevel level : RiskLevel.values()) {
			rows.add(row("风险主体", "月末" + level.label() + "风险", levels.getOrDefault(level, 0L)));
		}
		rows.add(row("线索", "本月受理登记", clues.stream().filter(InMonth::received).count()));
		rows.add(row("线索", "本月完成核查", clues.stream().filter(c -> c.reached(ClueState.ASSESSING)).count()));
		rows.add(row("线索", "本月处置完毕", clues.stream().filter(c -> c.reached(ClueState.FEEDBACK)).count()));
		rows.add(row("线索", "本月销号", clues.stream().filter(c -> c.reached(ClueState.CLOSED)).count()));
		rows.add(row("线索", "月末在办", clues.stream().filter(c -> c.stateAtEnd().open()).count()));
		rows.add(row("线索", "其中重大线索", clues.stream().filter(InMonth::major).count()));
		rows.add(row("案件", "月末在办案件", cases.stream().filter(c -> !"结案".equals(c.stageAtEnd())).count()));
		rows.add(row("案件", "本月进入新环节", cases.stream().filter(c -> !c.stagesInMonth().isEmpty()).count()));
		rows.add(row("案件", "本月结案", cases.stream().filter(c -> c.stagesInMonth().contains("结案")).count()));
		return new Section("summary", "一、汇总", List.of("类别", "项目", "数量"), rows);
	}

	private static List<String> row(String group, String item, long n) {
		return List.of(group, item, String.valueOf(n));
	}

	private static Section subjectSection(List<Standing> atStart, List<Standing> atEnd) {
		Map<Long, Standing> before = atStart.stream().collect(Collectors.toMap(Standing::id, Function.identity()));
		List<List<String>> rows = new ArrayList<>();
		for (Standing s : atEnd) {
			rows.add(subjectRow(rows.size() + 1, s, change(before.remove(s.id()), s)));
		}
		for (Standing gone : before.values().stream().sorted((a, b) -> Long.compare(a.id(), b.id())).toList()) {
			rows.add(subjectRow(rows.size() + 1, gone, "本月迁出或注销"));
		}
		return new Section("subjects", "二、风险主体动态台账",
				List.of("序号", "主体名称", "主体类型", "行业", "所属区划代码", "风险等级", "状态", "本月变化"), rows);
	}

	private static List<String> subjectRow(int n, Standing s, String change) {
		return List.of(String.valueOf(n), s.name(), s.kind().label(), s.sectorLabel(), s.regionCode(), s.riskLabel(),
				s.status().label(), change);
	}

	private static String change(Standing before, Standing now) {
		if (before == null) {
			return "本月新增(含迁入)";
		}
		List<String> parts = new ArrayList<>();
		if (before.riskLevel() != now.riskLevel()) {
			parts.add("风险等级 " + before.riskLabel() + "→" + now.riskLabel());
		}
		if (before.status() != now.status()) {
			parts.add("状态 " + before.status().label() + "→" + now.status().label());
		}
		if (!before.regionCode().equals(now.regionCode())) {
			parts.add("区划 " + before.regionCode() + "→" + now.regionCode());
		}
		return String.join("；", parts);
	}

	private static Section clueSection(List<InMonth> clues) {
		List<List<String>> rows = new ArrayList<>();
		for (InMonth c : clues) {
			rows.add(List.of(String.valueOf(rows.size() + 1), c.code(), c.title(), c.sourceLabel(),
					c.major() ? "重大" : "一般", c.receivedAt().format(TIME),
					c.stateAtStart() == null ? "本月登记" : c.stateAtStart().label(), c.stateAtEnd().label(),
					String.join("；", c.moves())));
		}
		return new Section("clues", "三、线索办理情况",
				List.of("序号", "线索编号", "线索标题", "来源", "等级", "接收时间", "月初状态", "月末状态", "本月办理"), rows);
	}

	private static Section caseSection(List<CaseInMonth> cases, LocalDate first) {
		List<List<String>> rows = new ArrayList<>();
		for (CaseInMonth c : cases) {
			rows.add(List.of(String.valueOf(rows.size() + 1), c.code(), c.title(), c.pathLabel(), c.stageAtEnd(),
					c.stageOn().toString(), c.amountRaisedFen() == null ? "" : Money.yuan(c.amountRaisedFen()),
					c.participants() == null ? "" : String.valueOf(c.participants()),
					String.join("；", c.stagesInMonth())));
		}
		return new Section("cases", "四、案件办理情况",
				List.of("序号", "案件编号", "案件名称", "办理路径", "月末所处环节", "进入环节日期", "集资金额(元)", "集资参与人数", "本月进入环节"), rows);
	}

}
