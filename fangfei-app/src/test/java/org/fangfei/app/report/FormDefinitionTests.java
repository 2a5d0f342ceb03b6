package org.fangfei.app.report;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.clue.ClueSource;
import org.fangfei.app.shared.Rejected;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forms are data: the office sets up a new form on a page and generates it at once; every
 * way a definition can be wrong is refused with its reason in Chinese and nothing stored.
 */
@IntegrationTest
class FormDefinitionTests extends ReportTestSupport {

	static final String GOOD = """
			{"title": "线索来源月报",
			 "titleBlock": ["填报单位：{填报单位}", "统计期间：{开始日期} 至 {截止日期}"],
			 "rows": "REGIONS",
			 "header": [[{"text": "单位", "rows": 2}, {"text": "受理线索", "cols": 2}],
			            [{"text": "合计"}, {"text": "监测预警"}]],
			 "columns": [{"measure": "clue.received"}, {"measure": "clue.received", "param": "MONITORING"}]}
			""";

	@Test
	void theOfficeSetsUpANewFormAndGeneratesIt() throws Exception {
		String code = "t-" + Long.toString(System.nanoTime(), 36);
		var created = postForm(this.office, "/report-forms",
				Map.of("code", code, "definition", GOOD, "enabled", "true"))
			.getResponse();
		assertThat(created.getRedirectedUrl()).startsWith("/report-forms/");
		long id = formId(code);
		clueOn(LocalDate.of(2018, 9, 4), HUISHI_VILLAGE, ClueSource.MONITORING);
		String html = page(this.office, "/reports/" + id,
				Map.of("from", "2018-09-01", "to", "2018-09-30", "region", COUNTY))
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("线索来源月报", "统计期间：2018-09-01 至 2018-09-30", "监测预警");
		FormGenerator.Generated form = generate(code, Period.of(LocalDate.of(2018, 9, 1), LocalDate.of(2018, 9, 30)),
				COUNTY);
		assertThat(cell(form, "会师镇", "clue.received", "MONITORING")).isEqualTo(1);
		assertThat(
				this.jdbc.sql("select count(*) from audit_log where action = 'REPORT_FORM_CREATE' and target_id = :id")
					.param("id", Long.toString(id))
					.query(Long.class)
					.single())
			.isEqualTo(1);

		String changed = GOOD.replace("线索来源月报", "线索来源月报(修订)");
		var saved = postForm(this.office, "/report-forms/" + id,
				Map.of("definition", changed, "enabled", "true", "version", "0"))
			.getResponse();
		assertThat(saved.getRedirectedUrl()).isEqualTo("/report-forms/" + id);
		assertThat(this.forms.get(id).title()).isEqualTo("线索来源月报(修订)");
		assertThat(this.forms.get(id).version()).isEqualTo(1);
		String stale = postForm(this.office, "/report-forms/" + id,
				Map.of("definition", GOOD.replace("线索来源月报", "别人的修改"), "enabled", "true", "version", "0"))
			.getResponse()
			.getContentAsString();
		assertThat(stale).contains("已被他人修改，请重新打开后再改");
		assertThat(this.forms.get(id).title()).isEqualTo("线索来源月报(修订)");

		postForm(this.office, "/report-forms/" + id, Map.of("definition", changed, "version", "1"));
		assertThat(this.forms.get(id).enabled()).isFalse();
		assertThat(page(this.office, "/reports/" + id, Map.of("from", "2018-09-01", "to", "2018-09-30")).getResponse()
			.getStatus()).as("a form switched off is not generated").isEqualTo(404);

		String taken = postForm(this.office, "/report-forms", Map.of("code", code, "definition", GOOD)).getResponse()
			.getContentAsString();
		assertThat(taken).contains("报表代码“" + code + "”已被使用");
		String badCode = postForm(this.office, "/report-forms", Map.of("code", "Bad Code", "definition", GOOD))
			.getResponse()
			.getContentAsString();
		assertThat(badCode).contains("报表代码只能由小写字母、数字和连字符组成");
	}

	@Test
	void aBadDefinitionIsRefusedWithItsReasonAndNothingIsStored() throws Exception {
		Map<String, String> bad = new LinkedHashMap<>();
		bad.put("", "请填写报表定义");
		bad.put("{\"title\": \"x\",", "报表定义不是有效的 JSON 格式");
		bad.put(GOOD.replace("\"rows\": \"REGIONS\"", "\"rows\": \"REGIONS\", \"colour\": \"red\""),
				"报表定义不是有效的 JSON 格式");
		bad.put(GOOD.replace("\"线索来源月报\"", "\"\""), "请填写报表标题(title)");
		bad.put(GOOD.replace("\"线索来源月报\"", "\"" + "长".repeat(101) + "\""), "报表标题不能超过100个字");
		bad.put(GOOD.replace("\"REGIONS\"", "\"TOWNS\""), "行(rows)只能是 REGIONS");
		bad.put(GOOD.replace("{\"measure\": \"clue.received\"}", "{\"measure\": \"clue.nothing\"}"),
				"第1列指标的代码“clue.nothing”不存在");
		bad.put(GOOD.replace("{\"measure\": \"clue.received\"}", "{\"param\": \"TIP\"}"), "第1列指标没有填写指标代码(measure)");
		bad.put(GOOD.replace("\"param\": \"MONITORING\"", "\"param\": \"SPACE\""), "第2列指标“受理线索”的参数“SPACE”无效");
		bad.put(GOOD.replace("{\"measure\": \"clue.received\"}",
				"{\"measure\": \"subject.registered\", \"param\": \"X\"}"), "第1列指标“新登记风险主体”不带参数，请删除 param");
		bad.put(GOOD.replace("{\"text\": \"受理线索\", \"cols\": 2}", "{\"text\": \"受理线索\", \"cols\": 3}"), "超出了表格宽度");
		bad.put(GOOD.replace("{\"text\": \"受理线索\", \"cols\": 2}", "{\"text\": \"受理线索\"}"), "表头第1行覆盖了2列，应覆盖3列");
		bad.put(GOOD.replace("{\"text\": \"合计\"}", "{\"text\": \"合计\", \"rows\": 2}"), "超出了表头的2行");
		bad.put(GOOD.replace("{\"text\": \"单位\", \"rows\": 2}", "{\"text\": \"单位\", \"rows\": 2, \"cols\": 0}"),
				"合并列数(cols)和行数(rows)须为正整数");
		bad.put(GOOD.replace("{\"text\": \"合计\"}", "{\"text\": \" \"}"), "表头第2行有单元格没有文字");
		bad.put(GOOD.replace("\"header\": [[", "\"header\": [[{\"text\": \"序号\"}, "), "超出了表格宽度");
		bad.put(GOOD.replace("{填报单位}", "{单位名称}"), "说明行第1行的占位符{单位名称}不存在");
		bad.put(GOOD.replace(
				"\"columns\": [{\"measure\": \"clue.received\"}, {\"measure\": \"clue.received\", \"param\": \"MONITORING\"}]",
				"\"columns\": []"), "至少要有一列指标(columns)");
		bad.put("{\"title\": \"x\", \"rows\": \"TOTAL\", \"header\": [], \"columns\": [{\"measure\": \"clue.received\"}]}",
				"至少要有一行表头(header)");
		long before = this.jdbc.sql("select count(*) from report_form").query(Long.class).single();
		for (var c : bad.entrySet()) {
			String message;
			try {
				FormDefinition.read(c.getKey(), this.catalog);
				message = "(accepted)";
			}
			catch (Rejected ex) {
				message = ex.getMessage();
			}
			assertThat(message).as("refusing %s", c.getKey()).contains(c.getValue());
			String html = postForm(this.office, "/report-forms",
					Map.of("code", "bad-" + Long.toString(System.nanoTime(), 36), "definition", c.getKey()))
				.getResponse()
				.getContentAsString();
			assertThat(html).as(c.getValue()).contains("报表定义有误").contains(c.getValue());
		}
		assertThat(this.jdbc.sql("select count(*) from report_form").query(Long.class).single()).isEqualTo(before);
		long builtin = formId("004-work");
		ReportForms.StoredForm shipped = this.forms.get(builtin);
		postForm(this.office, "/report-forms/" + builtin, Map.of("definition", "{\"title\": 1", "enabled", "true",
				"version", Integer.toString(shipped.version())));
		assertThat(this.forms.get(builtin).json()).as("a refused edit leaves the form as it was")
			.isEqualTo(shipped.json());
	}

}
