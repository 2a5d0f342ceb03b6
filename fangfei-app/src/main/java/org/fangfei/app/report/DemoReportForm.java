package org.fangfei.app.report;

import java.util.Set;

import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.DemoPart;

import org.springframework.stereotype.Component;

/**
 * The demo county's own form, set up by its office through {@link ReportForms} as any
 * county would set up the next form that arrives from above: outreach and training by
 * venue (七进). The three forms of the 2024–25 campaign ship with the application (V70);
 * with the year of history, every one of them is filled for any past month on demand —
 * the forms keep no copies, each is counted from the records' own dates when opened.
 */
@Component
class DemoReportForm implements DemoPart {

	static final String COUNTY = "620422000000";

	static final String DEFINITION = """
			{
			  "title": "宣传教育和培训工作情况统计表",
			  "titleBlock": ["填报单位：{填报单位}", "统计期间：{统计期间}", "制表日期：{制表日期}"],
			  "rows": "REGIONS",
			  "header": [
			    [{"text": "单位", "rows": 2}, {"text": "宣传活动(场)", "cols": 5}, {"text": "覆盖人次", "rows": 2},
			     {"text": "发放资料(份)", "rows": 2}, {"text": "培训", "cols": 2}],
			    [{"text": "合计"}, {"text": "进社区"}, {"text": "进农村"}, {"text": "进学校"}, {"text": "进企业"},
			     {"text": "期数"}, {"text": "参训人次"}]
			  ],
			  "columns": [
			    {"measure": "outreach.activities"}, {"measure": "outreach.activities", "param": "COMMUNITY"},
			    {"measure": "outreach.activities", "param": "VILLAGE"}, {"measure": "outreach.activities", "param": "SCHOOL"},
			    {"measure": "outreach.activities", "param": "ENTERPRISE"}, {"measure": "outreach.reached"},
			    {"measure": "outreach.materials"}, {"measure": "outreach.trainings"}, {"measure": "outreach.trained"}
			  ],
			  "notes": ["注：县处非办自行设置的报表，各项数字由系统按统计期间自动生成。"]
			}
			""";

	private final ReportForms forms;

	DemoReportForm(ReportForms forms) {
		this.forms = forms;
	}

	@Override
	public String name() {
		return "report.county-form";
	}

	@Override
	public int order() {
		return 170;
	}

	@Override
	public boolean history() {
		return true;
	}

	@Override
	public void run() {
		Actor office = new Actor(0, "system", "演示数据", COUNTY, null, true, Set.of("OFFICE"), Set.of("report:form:edit"),
				DataScope.jurisdiction(COUNTY));
		this.forms.create(new ReportForms.FormInput("county-outreach", DEFINITION, true, null), office);
	}

}
