package org.fangfei.app.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.report.MeasureCatalog;
import org.fangfei.app.shared.Conflict;
import org.fangfei.app.shared.Rejected;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The scoring scheme: every rule of a valid scheme refused in Chinese with nothing
 * stored, the default schemes valid, the scoring rules' arithmetic, the optimistic save
 * and the edit page, renaming an indicator, a manual score above a lowered weight. Years
 * 2009 to 2012 belong to this class.
 */
@IntegrationTest
class SchemeTests extends EvaluationTestSupport {

	@Autowired
	MeasureCatalog catalog;

	@Autowired
	ScoringSchemes schemes;

	@Autowired
	Evaluations evaluations;

	@Test
	void theDefaultSchemesAreValidAndPutNewCasesAndParticipantsFirst() {
		for (Target t : Target.values()) {
			Scheme read = Scheme.read(t, SchemeForm.of(Scheme.defaults(t), 0, 2), this.catalog);
			assertThat(read).isEqualTo(Scheme.defaults(t));
			assertThat(read.indicators().stream().mapToInt(Indicator::weight).sum()).isEqualTo(100);
		}
		var township = Scheme.defaults(Target.TOWNSHIP).indicators();
		assertThat(township.get(0).measure()).isEqualTo("case.opened");
		assertThat(township.get(1).measure()).isEqualTo("case.participants");
		assertThat(township.stream().mapToInt(Indicator::weight).max().getAsInt()).isEqualTo(township.get(0).weight());
	}

	@Test
	void everyBadSchemeIsRefusedInChinese() {
		refused(f -> f.getIndicators().get(0).setWeight("15"), "各项指标权重合计须为100分，现为90分");
		refused(f -> f.getIndicators().get(0).setWeight("十"), "第1项指标的权重须为1到100之间的整数");
		refused(f -> f.getIndicators().get(0).setWeight("0"), "第1项指标的权重须为1到100之间的整数");
		refused(f -> f.getIndicators().get(2).setLabel(" "), "第3项指标请填写名称");
		refused(f -> f.getIndicators().get(2).setLabel("新发非法集资案件"), "第3项指标的名称“新发非法集资案件”重复，每项指标的名称须不同");
		refused(f -> f.getIndicators().get(0).setMeasure("case.nothing"), "第1项指标的统计指标“case.nothing”不存在，请从指标目录中选择");
		refused(f -> f.getIndicators().get(5).setDenominator("outreach.nothing"),
				"第6项指标的比率分母“outreach.nothing”不存在，请从指标目录中选择");
		refused(f -> f.getIndicators().get(0).setParam("BOGUS"), "第1项指标的参数“BOGUS”不是统计指标“新立案件”的可选值");
		refused(f -> f.getIndicators().get(1).setParam("X"), "第2项指标的统计指标“新立案件集资参与人”不带参数");
		refused(f -> f.getIndicators().get(0).setSource(""), "第1项指标请选择数据来源(统计指标或人工评分)");
		refused(f -> f.getIndicators().get(0).setRule("SOMETIMES"), "第1项指标请选择计分规则");
		refused(f -> f.getIndicators().get(1).setFull("300"), "第2项指标(越少越好)的满分界限须小于零分界限");
		refused(f -> f.getIndicators().get(3).setZero("95"), "第4项指标(越多越好)的零分界限须小于满分界限");
		refused(f -> f.getIndicators().get(3).setZero("-1"), "第4项指标的界限不能为负数");
		refused(f -> f.getIndicators().get(3).setFull(""), "第4项指标请填写满分界限和零分界限(不小于0的数)");
		refused(f -> f.getIndicators().get(5).setFull("120"), "第6项指标按比率(%)计分，界限须在0到100之间");
		refused(f -> f.getIndicators().get(0).setPer("0"), "第1项指标请填写每项扣分(大于0的数)");
		refused(f -> {
			f.getIndicators().get(5).setRule("DEDUCT");
			f.getIndicators().get(5).setPer("1");
		}, "第6项指标按比率计分时不能按项扣分，请选择“越少越好”或“越多越好”");
		refused(f -> f.getIndicators().clear(), "考核方案至少要有一项指标");
		// several problems at once, all listed
		refused(f -> {
			f.getIndicators().get(0).setMeasure("case.nothing");
			f.getIndicators().get(1).setWeight("x");
		}, "第1项指标的统计指标“case.nothing”不存在，请从指标目录中选择；第2项指标的权重须为1到100之间的整数");
		SchemeForm department = SchemeForm.of(Scheme.defaults(Target.DEPARTMENT), 0, 0);
		department.getIndicators().get(0).setSource("MEASURE");
		department.getIndicators().get(0).setMeasure("case.opened");
		department.getIndicators().get(0).setRule("DEDUCT");
		department.getIndicators().get(0).setPer("5");
		assertThatThrownBy(() -> Scheme.read(Target.DEPARTMENT, department, this.catalog)).isInstanceOf(Rejected.class)
			.hasMessage("第1项指标：统计指标按属地计数，不适用于成员单位考核，请改为人工评分");
	}

	@Test
	void theRulesScoreLinearlyAndDeductUpToTheWeight() {
		BigDecimal full = BigDecimal.ZERO;
		BigDecimal zero = BigDecimal.valueOf(200);
		assertThat(Rule.AT_MOST.points(BigDecimal.ZERO, 20, full, zero, null)).isEqualByComparingTo("20");
		assertThat(Rule.AT_MOST.points(BigDecimal.valueOf(50), 20, full, zero, null)).isEqualByComparingTo("15");
		assertThat(Rule.AT_MOST.points(BigDecimal.valueOf(250), 20, full, zero, null)).isEqualByComparingTo("0");
		assertThat(
				Rule.AT_LEAST.points(BigDecimal.valueOf(75), 10, BigDecimal.valueOf(90), BigDecimal.valueOf(60), null))
			.isEqualByComparingTo("5");
		assertThat(
				Rule.AT_LEAST.points(BigDecimal.valueOf(95), 10, BigDecimal.valueOf(90), BigDecimal.valueOf(60), null))
			.isEqualByComparingTo("10");
		assertThat(
				Rule.AT_LEAST.points(BigDecimal.valueOf(60), 10, BigDecimal.valueOf(90), BigDecimal.valueOf(60), null))
			.isEqualByComparingTo("0");
		assertThat(Rule.DEDUCT.points(BigDecimal.valueOf(2), 25, null, null, BigDecimal.TEN)).isEqualByComparingTo("5");
		assertThat(Rule.DEDUCT.points(BigDecimal.valueOf(4), 25, null, null, BigDecimal.TEN))
			.as("the deduction is capped by the weight")
			.isEqualByComparingTo("0");
	}

	@Test
	void aSaveIsStoredAuditedAndRefusedWhenSomeoneElseSavedInBetween() {
		SchemeForm form = SchemeForm.of(Scheme.defaults(Target.TOWNSHIP), 0, 0);
		form.getIndicators().get(0).setWeight("30");
		form.getIndicators().get(1).setWeight("15");
		ScoringSchemes.Stored saved = this.schemes.save(2009, Target.TOWNSHIP, form, county());
		assertThat(saved.id()).isPositive();
		assertThat(saved.scheme().indicators().get(0).weight()).isEqualTo(30);
		assertThat(this.jdbc
			.sql("select count(*) from audit_log where action = 'EVALUATION_SCHEME_SAVE' and target_id = :id")
			.param("id", Long.toString(saved.id()))
			.query(Long.class)
			.single()).isEqualTo(1);
		SchemeForm stale = SchemeForm.of(saved.scheme(), 0, 0);
		assertThatThrownBy(() -> this.schemes.save(2009, Target.TOWNSHIP, stale, county()))
			.isInstanceOf(Conflict.class);
		SchemeForm bad = SchemeForm.of(saved.scheme(), saved.version(), 0);
		bad.getIndicators().get(0).setWeight("10");
		assertThatThrownBy(() -> this.schemes.save(2009, Target.TOWNSHIP, bad, county())).isInstanceOf(Rejected.class);
		assertThat(this.schemes.of(2009, Target.TOWNSHIP).scheme().indicators().get(0).weight())
			.as("nothing stored on a refusal")
			.isEqualTo(30);
	}

	@Test
	void renamingAnIndicatorKeepsItsManualScores() throws Exception {
		int year = 2011;
		ScoringSchemes.Stored stored = this.schemes.stored(year, Target.TOWNSHIP, county());
		this.schemes.score(year, Target.TOWNSHIP, "机制建设", HUISHI, "会师镇", "7.5", "领导小组和例会制度齐全", county());

		// renamed on the edit page: the form carries each indicator's key
		SchemeForm renamed = SchemeForm.of(stored.scheme(), stored.version(), 1);
		renamed.getIndicators().get(7).setLabel("机制建设情况");
		ScoringSchemes.Stored saved = this.schemes.save(year, Target.TOWNSHIP, renamed, county());
		assertThat(saved.scheme().indicators().get(7).label()).isEqualTo("机制建设情况");
		Scoring.Point point = this.evaluations.board(year, Target.TOWNSHIP, null, county())
			.rows()
			.stream()
			.filter(u -> u.code().equals(HUISHI))
			.findFirst()
			.orElseThrow()
			.points()
			.get(7);
		assertThat(point.label()).isEqualTo("机制建设情况");
		assertThat(point.points()).as("the score given before the rename").isEqualByComparingTo("7.5");
		assertThat(point.explanation()).contains("领导小组和例会制度齐全");

		// a new indicator under the old name starts without a score, and gets a key of
		// its
		// own
		SchemeForm added = SchemeForm.of(saved.scheme(), saved.version(), 1);
		added.getIndicators().get(3).setWeight("5");
		added.getIndicators().get(8).setLabel("机制建设");
		added.getIndicators().get(8).setWeight("5");
		added.getIndicators().get(8).setSource("MANUAL");
		ScoringSchemes.Stored again = this.schemes.save(year, Target.TOWNSHIP, added, county());
		assertThat(again.scheme().indicators().get(8).key()).isNotEqualTo(again.scheme().indicators().get(7).key());
		List<Scoring.Point> points = this.evaluations.board(year, Target.TOWNSHIP, null, county())
			.rows()
			.stream()
			.filter(u -> u.code().equals(HUISHI))
			.findFirst()
			.orElseThrow()
			.points();
		assertThat(points.get(7).points()).isEqualByComparingTo("7.5");
		assertThat(points.get(8).points()).isEqualByComparingTo("0");

		// the scores page posts the key, and the message names the indicator
		String page = this.mvc.perform(get("/evaluation").param("year", Integer.toString(year)).with(user(this.office)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("name=\"indicator\" value=\"" + points.get(8).key() + "\"");
	}

	@Test
	void aManualScoreAboveALoweredWeightCountsAtTheWeightAndSaysSo() throws Exception {
		int year = 2012;
		ScoringSchemes.Stored stored = this.schemes.stored(year, Target.TOWNSHIP, county());
		this.schemes.score(year, Target.TOWNSHIP, "机制建设", HUISHI, "会师镇", "8", "领导小组和例会制度齐全", county());
		this.schemes.score(year, Target.TOWNSHIP, "机制建设", HEPAN, "河畔镇", "4.5", "已建立例会制度", county());
		assertThat(this.schemes.scoresAboveWeight(stored)).isZero();

		// 机制建设 lowered from 10 to 5 points, 培训 raised from 5 to 10
		SchemeForm lowered = SchemeForm.of(stored.scheme(), stored.version(), 0);
		lowered.getIndicators().get(7).setWeight("5");
		lowered.getIndicators().get(6).setWeight("10");
		ScoringSchemes.Stored saved = this.schemes.save(year, Target.TOWNSHIP, lowered, county());
		assertThat(this.schemes.scoresAboveWeight(saved)).as("会师镇's 8 points are above the new 5").isEqualTo(1);

		List<Scoring.UnitScore> rows = this.evaluations.board(year, Target.TOWNSHIP, null, county()).rows();
		Scoring.Point huishi = point(rows, HUISHI, 7);
		assertThat(huishi.points()).as("never more than the indicator is worth").isEqualByComparingTo("5");
		assertThat(huishi.explanation()).contains("领导小组和例会制度齐全", "原评8分", "高于本项现分值5分", "按5分计");
		Scoring.Point hepan = point(rows, HEPAN, 7);
		assertThat(hepan.points()).as("a score within the new weight stays").isEqualByComparingTo("4.5");
		assertThat(hepan.explanation()).doesNotContain("按5分计");
		Scoring.UnitScore unit = rows.stream().filter(u -> u.code().equals(HUISHI)).findFirst().orElseThrow();
		assertThat(unit.total()).as("the total adds the capped points")
			.isEqualByComparingTo(
					unit.points().stream().map(Scoring.Point::points).reduce(BigDecimal.ZERO, BigDecimal::add));

		// the scheme page says so on saving, and the scores page shows the capped points
		SchemeForm again = SchemeForm.of(saved.scheme(), saved.version(), 0);
		var post = post("/evaluation/scheme").param("year", Integer.toString(year))
			.param("target", "TOWNSHIP")
			.param("version", Integer.toString(saved.version()));
		for (int n = 0; n < again.getIndicators().size(); n++) {
			SchemeForm.Line line = again.getIndicators().get(n);
			post = post.param("indicators[" + n + "].key", line.getKey())
				.param("indicators[" + n + "].label", line.getLabel())
				.param("indicators[" + n + "].weight", line.getWeight())
				.param("indicators[" + n + "].source", line.getSource())
				.param("indicators[" + n + "].measure", nullToEmpty(line.getMeasure()))
				.param("indicators[" + n + "].param", nullToEmpty(line.getParam()))
				.param("indicators[" + n + "].denominator", nullToEmpty(line.getDenominator()))
				.param("indicators[" + n + "].rule", nullToEmpty(line.getRule()))
				.param("indicators[" + n + "].full", nullToEmpty(line.getFull()))
				.param("indicators[" + n + "].zero", nullToEmpty(line.getZero()))
				.param("indicators[" + n + "].per", nullToEmpty(line.getPer()));
		}
		var saving = this.mvc.perform(post.with(user(this.office)).with(csrf())).andReturn();
		assertThat(saving.getResponse().getStatus()).as(saving.getResponse().getContentAsString()).isEqualTo(302);
		assertThat(saving.getFlashMap().get("done")).asString().contains("考核方案已保存", "1项人工评分高于现分值", "按分值计分");
		String page = this.mvc.perform(get("/evaluation").param("year", Integer.toString(year)).with(user(this.office)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("原评8分，高于本项现分值5分，按5分计");
	}

	private static Scoring.Point point(List<Scoring.UnitScore> rows, String unit, int indicator) {
		return rows.stream().filter(u -> u.code().equals(unit)).findFirst().orElseThrow().points().get(indicator);
	}

	private static String nullToEmpty(String text) {
		return text == null ? "" : text;
	}

	@Test
	void theEditPageSavesAndShowsProblemsInChinese() throws Exception {
		String page = this.mvc.perform(get("/evaluation/scheme").param("year", "2010").with(user(this.office)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("2010年度乡镇(街道)考核方案", "新发非法集资案件", "save-scheme");
		var r = this.mvc
			.perform(post("/evaluation/scheme").param("year", "2010")
				.param("target", "TOWNSHIP")
				.param("version", "0")
				.param("indicators[0].label", "新发案件")
				.param("indicators[0].weight", "60")
				.param("indicators[0].source", "MEASURE")
				.param("indicators[0].measure", "case.opened")
				.param("indicators[0].rule", "DEDUCT")
				.param("indicators[0].per", "10")
				.param("indicators[1].label", "机制建设")
				.param("indicators[1].weight", "30")
				.param("indicators[1].source", "MANUAL")
				.with(user(this.office))
				.with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(r.getStatus()).isEqualTo(400);
		assertThat(r.getContentAsString()).contains("各项指标权重合计须为100分，现为90分");
		assertThat(this.schemes.of(2010, Target.TOWNSHIP).id()).isZero();
		r = this.mvc
			.perform(post("/evaluation/scheme").param("year", "2010")
				.param("target", "TOWNSHIP")
				.param("version", "0")
				.param("indicators[0].label", "新发案件")
				.param("indicators[0].weight", "70")
				.param("indicators[0].source", "MEASURE")
				.param("indicators[0].measure", "case.opened")
				.param("indicators[0].rule", "DEDUCT")
				.param("indicators[0].per", "10")
				.param("indicators[1].label", "机制建设")
				.param("indicators[1].weight", "30")
				.param("indicators[1].source", "MANUAL")
				.param("indicators[2].label", "")
				.with(user(this.office))
				.with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(r.getStatus()).isEqualTo(302);
		assertThat(this.schemes.of(2010, Target.TOWNSHIP).scheme().indicators()).extracting(Indicator::label)
			.containsExactly("新发案件", "机制建设");
		assertThat(
				this.mvc.perform(post("/evaluation/scheme").param("year", "2010").with(user(this.huishi)).with(csrf()))
					.andReturn()
					.getResponse()
					.getStatus())
			.as("a township may not edit the scheme")
			.isEqualTo(403);
	}

	private void refused(Consumer<SchemeForm> change, String message) {
		SchemeForm form = SchemeForm.of(Scheme.defaults(Target.TOWNSHIP), 0, 0);
		change.accept(form);
		assertThatThrownBy(() -> Scheme.read(Target.TOWNSHIP, form, this.catalog)).isInstanceOf(Rejected.class)
			.hasMessage(message);
	}

}
