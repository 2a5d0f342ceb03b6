package org.fangfei.app.subject;

import java.util.List;

import org.fangfei.app.shared.ImportTemplate;

/**
 * The subject import template (风险主体导入模板): one column per field a user can type on the
 * registration form, dictionaries and enums by their Chinese labels.
 */
enum SubjectTemplate implements ImportTemplate {

	SUBJECT;

	static final String KIND = "主体类型";

	static final String NAME = "名称";

	static final String CREDIT_CODE = "统一社会信用代码";

	static final String ID_NUMBER = "身份证号";

	static final String LEGAL_REPRESENTATIVE = "法定代表人";

	static final String REGISTERED_ADDRESS = "注册地址";

	static final String BUSINESS_ADDRESS = "实际经营地址";

	static final String REGION_CODE = "所属区划代码";

	static final String SECTOR = "行业";

	static final String SCHEME = "集资模式";

	static final String RISK_LEVEL = "风险等级";

	static final String STATUS = "状态";

	static final String BUSINESS_SCOPE = "经营范围";

	static final String NOTES = "备注";

	private static final List<String> COLUMNS = List.of(KIND, NAME, CREDIT_CODE, ID_NUMBER, LEGAL_REPRESENTATIVE,
			REGISTERED_ADDRESS, BUSINESS_ADDRESS, REGION_CODE, SECTOR, SCHEME, RISK_LEVEL, STATUS, BUSINESS_SCOPE,
			NOTES);

	@Override
	public String path() {
		return "subject";
	}

	@Override
	public String label() {
		return "风险主体";
	}

	@Override
	public List<String> columns() {
		return COLUMNS;
	}

	@Override
	public List<String> required() {
		return List.of(KIND, NAME, REGION_CODE);
	}

	@Override
	public List<String> example() {
		return List.of("企业", "会宁县示例商贸有限公司", "91620422MA71XYH0DP", "", "张三", "会宁县会师镇示例路1号", "会宁县会师镇示例路1号",
				"620422100001", "商贸服务", "消费返利", "黄色", "监测中", "日用百货零售", "示例行，请替换为您的数据");
	}

}
