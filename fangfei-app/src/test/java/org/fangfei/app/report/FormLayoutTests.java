package org.fangfei.app.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.clue.ClueSource;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The structured editor of 报表定义: a form is set up by headings and figures chosen by their
 * Chinese labels, the header with its merged group cells built from them; the three
 * shipped forms open in it unchanged; a column without heading or figure is refused in
 * Chinese and nothing is stored.
 */
@IntegrationTest
class FormLayoutTests extends ReportTestSupport {

	@Test
	void theOfficeSetsUpAFormByChineseLabelsAndGeneratesIt() throws Exception {
		long before = this.jdbc.sql("select count(*) from report_form").query(Long.class).single();
		MvcResult created = postLayout("/report-forms",
				Map.of("title", List.of("线索渠道月报(结构化)"), "titleBlock", List.of("填报单位：{填报单位}\n统计期间：{统计期间}"), "byRegion",
						List.of("true"), "corner", List.of(""), "notes", List.of("注：系统自动生成。")),
				List.of("线索受理", "线索受理", "", ""), List.of("合计", "其中：监测预警", "新登记主体", ""),
				List.of("clue.received", "clue.received:MONITORING", "subject.registered", ""));
		assertThat(created.getResponse().getRedirectedUrl()).startsWith("/report-forms/");
		assertThat(this.jdbc.sql("select count(*) from report_form").query(Long.class).single()).isEqualTo(before + 1);
		long id = Long.parseLong(created.getResponse().getRedirectedUrl().substring("/report-forms/".length()));
		FormDefinition d = this.forms.definition(this.forms.get(id));
		assertThat(d.byRegion()).isTrue();
		assertThat(d.columns()).containsExactly(new FormDefinition.Column("clue.received", null),
				new FormDefinition.Column("clue.received", "MONITORING"),
				new FormDefinition.Column("subject.registered", null));
		assertThat(d.placed())
			.extracting(FormDefinition.Placed::text, FormDefinition.Placed::rows, FormDefinition.Placed::cols)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("单位", 2, 1),
					org.assertj.core.groups.Tuple.tuple("线索受理", 1, 2),
					org.assertj.core.groups.Tuple.tuple("新登记主体", 2, 1), org.assertj.core.groups.Tuple.tuple("合计", 1, 1),
					org.assertj.core.groups.Tuple.tuple("其中：监测预警", 1, 1));
		assertThat(d.titleBlock()).containsExactly("填报单位：{填报单位}", "统计期间：{统计期间}");
		assertThat(d.notes()).containsExactly("注：系统自动生成。");

		clueOn(LocalDate.of(2018, 10, 9), HUISHI_VILLAGE, ClueSource.MONITORING);
		String code = this.forms.get(id).code();
		FormGenerator.Generated form = generate(code, Period.of(LocalDate.of(2018, 10, 1), LocalDate.of(2018, 10, 31)),
				COUNTY);
		assertThat(cell(form, "会师镇", "clue.received", "MONITORING")).isEqualTo(1);

		String page = page(this.office, "/report-forms/" + id, Map.of()).getResponse().getContentAsString();
		assertThat(page).contains("id=\"layout-form\"", "value=\"线索受理\"", "value=\"其中：监测预警\"");
	}

	@Test
	void theShippedFormsOpenInTheStructuredEditorUnchanged() {
		for (String code : List.of("004-work", "004-clues", "004-cross")) {
			FormDefinition shipped = this.forms.definition(this.forms.get(formId(code)));
			FormLayout layout = FormLayout.of(shipped).orElseThrow(() -> new AssertionError(code + " has no layout"));
			FormDefinition again = FormDefinition.read(layout.json(this.catalog), this.catalog);
			assertThat(again).as(code).isEqualTo(shipped);
		}
		FormDefinition deep = FormDefinition.read("""
				{"title": "三行表头", "rows": "TOTAL",
				 "header": [[{"text": "单位", "rows": 3}, {"text": "线索", "cols": 2}],
				            [{"text": "受理", "cols": 2}], [{"text": "合计"}, {"text": "举报"}]],
				 "columns": [{"measure": "clue.received"}, {"measure": "clue.received", "param": "TIP"}]}
				""", this.catalog);
		assertThat(FormLayout.of(deep)).as("a three-row header is edited as text").isEmpty();
	}

	@Test
	void aColumnWithoutHeadingOrFigureIsRefusedInChinese() throws Exception {
		long before = this.jdbc.sql("select count(*) from report_form").query(Long.class).single();
		Map<String, List<String>> form = Map.of("title", List.of("缺项的报表"), "byRegion", List.of("false"));
		String noFigure = postLayout("/report-forms", form, List.of(""), List.of("合计"), List.of("")).getResponse()
			.getContentAsString();
		assertThat(noFigure).contains("第1列没有选择指标");
		String noHeading = postLayout("/report-forms", form, List.of(""), List.of(""), List.of("clue.received"))
			.getResponse()
			.getContentAsString();
		assertThat(noHeading).contains("第1列没有填写列名");
		String unknown = postLayout("/report-forms", form, List.of(""), List.of("合计"), List.of("clue.nothing"))
			.getResponse()
			.getContentAsString();
		assertThat(unknown).contains("第1列选择的指标不存在，请重新选择");
		String noColumns = postLayout("/report-forms", form, List.of("", ""), List.of("", ""), List.of("", ""))
			.getResponse()
			.getContentAsString();
		assertThat(noColumns).contains("至少要有一列指标");
		String noTitle = postLayout("/report-forms", Map.of("title", List.of(" ")), List.of(""), List.of("合计"),
				List.of("clue.received"))
			.getResponse()
			.getContentAsString();
		assertThat(noTitle).contains("请填写报表标题");
		assertThat(this.jdbc.sql("select count(*) from report_form").query(Long.class).single()).isEqualTo(before);
	}

	private MvcResult postLayout(String path, Map<String, List<String>> fields, List<String> groups, List<String> texts,
			List<String> figures) throws Exception {
		var request = post(path).with(user(this.office)).with(csrf()).param("editor", "layout");
		for (Map.Entry<String, List<String>> f : fields.entrySet()) {
			request = request.param(f.getKey(), f.getValue().toArray(String[]::new));
		}
		request = request.param("columnGroup", groups.toArray(String[]::new))
			.param("columnText", texts.toArray(String[]::new))
			.param("columnFigure", figures.toArray(String[]::new));
		return this.mvc.perform(request).andReturn();
	}

}
