package org.fangfei.app.evaluation;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fangfei.app.IntegrationTest;
import org.fangfei.app.report.Figures;
import org.fangfei.app.report.Jurisdiction;
import org.fangfei.app.report.MeasureCatalog;
import org.fangfei.app.report.Period;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.warning.CockpitPanel;
import org.fangfei.app.shared.Times;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetails;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Scores computed from the data: new cases and participants first, each point explained
 * by the very drill-down of the statistical forms, manual scores with evidence, ranking,
 * scope, the export, finalising (frozen; recomputing refused), and the patrol indicator
 * as the share of grids patrolled. Years 2006–2008 and 2015 belong to this class.
 */
@IntegrationTest
class EvaluationTests extends EvaluationTestSupport {

	@Autowired
	Evaluations evaluations;

	@Autowired
	ScoringSchemes schemes;

	@Autowired
	EvaluationOnCockpit cockpit;

	@Autowired
	Figures figures;

	@Autowired
	MeasureCatalog catalog;

	@Test
	void newCasesAndParticipantsCostPointsAndEachPointOpensTheRecordsBehindIt() throws Exception {
		caseAt("考核一案", LocalDate.of(2008, 3, 10), HUISHI_VILLAGE, 30);
		caseAt("考核二案", LocalDate.of(2008, 6, 1), HUISHI, 20);
		caseAt("考核往年案", LocalDate.of(2007, 6, 1), HUISHI, 500);

		Evaluations.Board board = this.evaluations.board(2008, Target.TOWNSHIP, null, county());
		assertThat(board.finalised()).isFalse();
		assertThat(board.asOf()).isEqualTo(LocalDate.of(2008, 12, 31));
		Scoring.UnitScore huishi = row(board, HUISHI);
		Scoring.Point cases = huishi.points().get(0);
		assertThat(cases.label()).isEqualTo("新发非法集资案件");
		assertThat(cases.value()).isEqualByComparingTo("2");
		assertThat(cases.points()).isEqualByComparingTo("5");
		assertThat(cases.explanation()).isEqualTo("新立案件 2 件；每件扣10分，扣完为止 → 5.00分");
		Scoring.Point participants = huishi.points().get(1);
		assertThat(participants.value()).isEqualByComparingTo("50");
		assertThat(participants.points()).isEqualByComparingTo("15");
		Scoring.UnitScore hepan = row(board, HEPAN);
		assertThat(hepan.points().get(0).points()).isEqualByComparingTo("25");
		assertThat(hepan.total().subtract(huishi.total())).isEqualByComparingTo("25");
		assertThat(huishi.rank()).isGreaterThan(hepan.rank());
		assertThat(board.rows()).isSortedAccordingTo((a, b) -> b.total().compareTo(a.total()));

		// the explanation's link is the forms' drill-down, listing exactly what was
		// counted
		MultiValueMap<String, String> q = UriComponentsBuilder.fromUriString(cases.links().get(0).href())
			.build()
			.getQueryParams();
		assertThat(q.getFirst("measure")).isEqualTo("case.opened");
		Figures.Drill drill = this.figures.drill(this.catalog.find("case.opened").orElseThrow(), null,
				Period.parse(q.getFirst("from"), q.getFirst("to")),
				new Jurisdiction(q.getFirst("region"), "会师镇", false), PageRequest.of(1, 50));
		assertThat(BigDecimal.valueOf(drill.value())).isEqualByComparingTo(cases.value());
		assertThat(drill.rows().items()).extracting(Figures.Row::title)
			.containsExactlyInAnyOrder("考核一案 " + this.tag, "考核二案 " + this.tag);
		String page = this.mvc.perform(get(cases.links().get(0).href()).with(user(this.office)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("考核一案 " + this.tag, "考核二案 " + this.tag).doesNotContain("考核往年案");
		MultiValueMap<String, String> p = UriComponentsBuilder.fromUriString(participants.links().get(0).href())
			.build()
			.getQueryParams();
		assertThat(this.figures.value(this.catalog.find(p.getFirst("measure")).orElseThrow(), null,
				Period.parse(p.getFirst("from"), p.getFirst("to")), new Jurisdiction(HUISHI, "会师镇", false)))
			.isEqualTo(50);

		// as of a date within the year: only the first case
		Scoring.UnitScore spring = row(
				this.evaluations.board(2008, Target.TOWNSHIP, LocalDate.of(2008, 4, 30), county()), HUISHI);
		assertThat(spring.points().get(0).value()).isEqualByComparingTo("1");
	}

	@Test
	void patrolCoverageIsTheShareOfGridsPatrolledAndListsTheGridsNot() throws Exception {
		UserDetails grid = this.accounts.ready("grid");
		for (LocalDateTime at : List.of(LocalDateTime.of(2015, 4, 8, 9, 30), LocalDateTime.of(2015, 9, 2, 16, 0))) {
			try (Times.Held held = Times.holdAt(Times.atCounty(at.plusHours(2)))) {
				String body = """
						{"newSubjectKind": "INDIVIDUAL_BUSINESS", "newSubjectName": "覆盖率测试商行%s", "newSubjectRegion": "%s",
						 "visitedAt": "%s", "place": "东山根社区菜市场", "legallyRegistered": "YES", "fundraisingApproved": "NONE",
						 "solicitsPublic": "NO", "promisesHighReturns": "NO", "hidesBehindLegalForm": "NO",
						 "adsOrStallsSeen": "NO", "notes": "经营正常", "raiseClue": false}
						"""
					.formatted(this.tag + at.getMonthValue(), HUISHI_VILLAGE, at);
				assertThat(this.mvc
					.perform(post("/api/v1/patrols").contentType(MediaType.APPLICATION_JSON)
						.content(body)
						.with(user(grid))
						.with(csrf()))
					.andReturn()
					.getResponse()
					.getStatus()).isEqualTo(201);
			}
		}
		long all = this.jdbc
			.sql("select count(*) from grid where level = 2 and enabled and region_code like '620422100%'")
			.query(Long.class)
			.single();

		Evaluations.Board board = this.evaluations.board(2015, Target.TOWNSHIP, null, county());
		Scoring.Point coverage = row(board, HUISHI).points().get(3);
		assertThat(coverage.label()).isEqualTo("网格巡查覆盖率");
		BigDecimal share = BigDecimal.valueOf(100).divide(BigDecimal.valueOf(all), 1, java.math.RoundingMode.HALF_UP);
		assertThat(coverage.value()).as("one grid of %d, patrolled twice", all).isEqualByComparingTo(share);
		assertThat(coverage.explanation())
			.startsWith("辖区网格(期内已巡查) 1 个 ÷ 辖区网格 " + all + " 个 = " + share.toPlainString() + "%；95%及以上满分");
		assertThat(coverage.links()).extracting(Scoring.Link::label)
			.containsExactly("辖区网格(期内已巡查)", "辖区网格", "辖区网格(期内未巡查)");
		// the grids not patrolled, as the leader opens them
		MultiValueMap<String, String> q = UriComponentsBuilder.fromUriString(coverage.links().get(2).href())
			.build()
			.getQueryParams();
		assertThat(q.getFirst("param")).isEqualTo("UNPATROLLED");
		Figures.Drill gaps = this.figures.drill(this.catalog.find(q.getFirst("measure")).orElseThrow(),
				q.getFirst("param"), Period.parse(q.getFirst("from"), q.getFirst("to")),
				new Jurisdiction(q.getFirst("region"), "会师镇", false), PageRequest.of(1, 50));
		assertThat(gaps.value()).isEqualTo(all - 1);
		String page = this.mvc.perform(get(coverage.links().get(2).href()).with(user(this.office)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("(期内未巡查)").doesNotContain("(期内巡查2次)");
		// 河畔镇 patrolled no grid that year: no points
		Scoring.Point hepan = row(board, HEPAN).points().get(3);
		assertThat(hepan.value()).isEqualByComparingTo("0");
		assertThat(hepan.points()).isEqualByComparingTo("0");
	}

	@Test
	void manualScoresNeedEvidenceAndStayWithinTheWeight() {
		int year = 2007;
		assertThatThrownBy(() -> score(year, "新发非法集资案件", "5", "有")).isInstanceOf(Rejected.class)
			.hasMessage("指标“新发非法集资案件”由统计数据计算，不能人工评分");
		assertThatThrownBy(() -> score(year, "不存在", "5", "有")).isInstanceOf(Rejected.class)
			.hasMessage("考核方案中没有指标“不存在”");
		assertThatThrownBy(() -> score(year, "机制建设", "11", "有")).isInstanceOf(Rejected.class)
			.hasMessage("“机制建设”的得分须在0到10分之间(最多两位小数)");
		assertThatThrownBy(() -> score(year, "机制建设", "-1", "有")).isInstanceOf(Rejected.class)
			.hasMessage("“机制建设”的得分须在0到10分之间(最多两位小数)");
		assertThatThrownBy(() -> score(year, "机制建设", "八", "有")).isInstanceOf(Rejected.class).hasMessage("请填写得分(数字)");
		assertThatThrownBy(() -> score(year, "机制建设", "8", " ")).isInstanceOf(Rejected.class)
			.hasMessage("请填写评分依据(佐证材料说明)");
		assertThatThrownBy(() -> score(year, "机制建设", "8", "长".repeat(501))).isInstanceOf(Rejected.class)
			.hasMessage("评分依据不能超过500个字");
		BigDecimal before = row(this.evaluations.board(year, Target.TOWNSHIP, null, county()), HUISHI).total();
		score(year, "机制建设", "8.5", "已建立乡镇处非工作领导小组，制度上墙");
		Scoring.UnitScore after = row(this.evaluations.board(year, Target.TOWNSHIP, null, county()), HUISHI);
		assertThat(after.total().subtract(before)).isEqualByComparingTo("8.5");
		assertThat(after.points().get(7).explanation()).isEqualTo("人工评分(县处非办干部)：已建立乡镇处非工作领导小组，制度上墙");
	}

	@Test
	void aTownshipSeesItsOwnRowWithItsRankAndNoDepartments() throws Exception {
		Evaluations.Board own = this.evaluations.board(2008, Target.TOWNSHIP, null, township(HUISHI, "huishi"));
		assertThat(own.rows()).extracting(Scoring.UnitScore::code).containsExactly(HUISHI);
		assertThat(own.units()).isGreaterThan(1);
		assertThatThrownBy(() -> this.evaluations.board(2008, Target.DEPARTMENT, null, township(HUISHI, "huishi")))
			.isInstanceOf(Rejected.class)
			.hasMessage("成员单位考核仅县处非办可查看");
		String page = this.mvc.perform(get("/evaluation").param("year", "2008").with(user(this.huishi)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("unit-" + HUISHI).doesNotContain("unit-" + HEPAN);
		String office = this.mvc.perform(get("/evaluation").param("year", "2008").with(user(this.office)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(office).contains("unit-" + HUISHI, "unit-" + HEPAN, "explain-link");
		assertThat(this.evaluations.board(2008, Target.DEPARTMENT, null, county()).rows()).isNotEmpty();
	}

	@Test
	void badYearsAndDatesAreRefusedInChinese() throws Exception {
		assertThatThrownBy(() -> Years.parse("1999")).isInstanceOf(Rejected.class)
			.hasMessage("考核年度须在2000年到" + Times.today().getYear() + "年之间");
		assertThatThrownBy(() -> Years.parse("二〇〇八")).isInstanceOf(Rejected.class).hasMessage("考核年度须为四位数字的年份，如2026");
		assertThatThrownBy(() -> this.evaluations.board(2008, Target.TOWNSHIP, LocalDate.of(2009, 1, 1), county()))
			.isInstanceOf(Rejected.class)
			.hasMessage("截至日期须在2008年内");
		var r = this.mvc
			.perform(get("/evaluation").param("year", "2008").param("target", "CITY").with(user(this.office)))
			.andReturn()
			.getResponse();
		assertThat(r.getStatus()).isEqualTo(400);
		assertThat(r.getContentAsString()).contains("考核对象须为乡镇(街道)或成员单位");
		r = this.mvc
			.perform(get("/evaluation").param("year", "2008").param("asOf", "2008-13-01").with(user(this.office)))
			.andReturn()
			.getResponse();
		assertThat(r.getStatus()).isEqualTo(400);
		assertThat(r.getContentAsString()).contains("截至日期不是有效日期(格式：2026-11-30)");
	}

	@Test
	void theExportHasTheRankingAndEveryExplanation() throws Exception {
		var r = this.mvc.perform(get("/evaluation/export").param("year", "2008").with(user(this.office)))
			.andReturn()
			.getResponse();
		assertThat(r.getStatus()).isEqualTo(200);
		try (var wb = new XSSFWorkbook(new ByteArrayInputStream(r.getContentAsByteArray()))) {
			Sheet ranking = wb.getSheet("得分排名");
			assertThat(ranking.getRow(0).getCell(1).getStringCellValue()).isEqualTo("乡镇(街道)");
			assertThat(ranking.getRow(0).getCell(2).getStringCellValue()).isEqualTo("新发非法集资案件(25分)");
			boolean found = false;
			for (Row row : ranking) {
				if (row.getRowNum() > 0 && row.getCell(1).getStringCellValue().equals("会师镇")) {
					found = true;
				}
			}
			assertThat(found).isTrue();
			assertThat(wb.getSheet("得分说明").getRow(0).getCell(4).getStringCellValue()).isEqualTo("计分说明");
			assertThat(wb.getSheet("得分说明").getLastRowNum()).isGreaterThan(8);
		}
		assertThat(this.jdbc
			.sql("select count(*) from audit_log where action = 'EVALUATION_EXPORT' and target_id = '2008'")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void aFinalisedYearIsFrozenAndNeverRecomputed() throws Exception {
		int year = 2006;
		caseAt("定稿前案", LocalDate.of(year, 5, 1), HEPAN_VILLAGE, 10);
		assertThatThrownBy(() -> this.evaluations.finalise(Times.today().getYear(), Target.TOWNSHIP, county()))
			.isInstanceOf(Rejected.class)
			.hasMessage(Times.today().getYear() + "年度尚未结束，不能定稿：定稿的得分按全年数据计算");
		var r = this.mvc.perform(
				post("/evaluation/finalise").param("year", Integer.toString(year)).with(user(this.huishi)).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(r.getStatus()).as("a township may not finalise").isEqualTo(403);
		r = this.mvc.perform(
				post("/evaluation/finalise").param("year", Integer.toString(year)).with(user(this.office)).with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(r.getStatus()).isEqualTo(302);
		Evaluations.Board frozen = this.evaluations.board(year, Target.TOWNSHIP, null, county());
		assertThat(frozen.finalised()).isTrue();
		assertThat(row(frozen, HEPAN).points().get(0).value()).isEqualByComparingTo("1");

		caseAt("定稿后补录案", LocalDate.of(year, 7, 1), HEPAN_VILLAGE, 10);
		Evaluations.Board again = this.evaluations.board(year, Target.TOWNSHIP, null, county());
		assertThat(again.rows()).isEqualTo(frozen.rows());
		String message = year + "年度乡镇(街道)考核已定稿，得分已冻结，不能再修改方案或评分";
		assertThatThrownBy(() -> this.evaluations.finalise(year, Target.TOWNSHIP, county()))
			.isInstanceOf(Rejected.class)
			.hasMessage(message);
		assertThatThrownBy(() -> score(year, "机制建设", "8", "补评")).isInstanceOf(Rejected.class).hasMessage(message);
		assertThatThrownBy(() -> this.schemes.save(year, Target.TOWNSHIP,
				SchemeForm.of(Scheme.defaults(Target.TOWNSHIP), 0, 0), county()))
			.isInstanceOf(Rejected.class)
			.hasMessage(message);
		assertThatThrownBy(() -> this.jdbc.sql("update evaluation_result set as_of = as_of").update())
			.as("the application may not change frozen scores")
			.isInstanceOf(org.springframework.dao.DataAccessException.class);

		Evaluations.Ranking ranking = this.evaluations.latestRanking(Target.TOWNSHIP).orElseThrow();
		assertThat(ranking.year()).isGreaterThanOrEqualTo(year);
		assertThat(ranking.units()).isNotEmpty();
		// on the leaders' cockpit: the first five and the last for the office, a township
		// only its own line
		List<CockpitPanel> panels = this.cockpit.panels(county());
		assertThat(panels).extracting(CockpitPanel::key).containsExactly("evaluation", "communities");
		assertThat(panels.get(0).headline()).isEqualTo(ranking.year() + " 年度");
		assertThat(panels.get(0).lines()).hasSize(Math.min(6, ranking.units().size()));
		assertThat(panels.get(0).lines().get(0).note()).isEqualTo("第 1 名");
		assertThat(panels.get(0).link()).isEqualTo("/evaluation?year=" + ranking.year() + "&target=TOWNSHIP");
		assertThat(this.cockpit.panels(township(HUISHI, "huishi")).get(0).lines()).extracting(CockpitPanel.Line::label)
			.containsExactly("会师镇");
		assertThat(this.mvc.perform(get("/evaluation").param("year", Integer.toString(year)).with(user(this.office)))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("finalised-badge").doesNotContain("id=\"finalise\"");
	}

	private void score(int year, String indicator, String points, String evidence) {
		this.schemes.score(year, Target.TOWNSHIP, indicator, HUISHI, "会师镇", points, evidence, county());
	}

	private static Scoring.UnitScore row(Evaluations.Board board, String code) {
		return board.rows().stream().filter(u -> u.code().equals(code)).findFirst().orElseThrow();
	}

}
