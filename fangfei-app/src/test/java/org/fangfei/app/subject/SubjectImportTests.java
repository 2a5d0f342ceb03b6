package org.fangfei.app.subject;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.ImportRefused;
import org.fangfei.app.shared.ImportReport;
import org.fangfei.app.shared.ImportRow;
import org.fangfei.app.shared.ImportTable;
import org.fangfei.app.shared.PersonalData;
import org.fangfei.app.shared.TabularFile;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Subject import through the service: all or nothing, every problem of every row in
 * Chinese, the same rules and write path as the registration form.
 */
@IntegrationTest
class SubjectImportTests {

	static final DataScope COUNTY = DataScope.jurisdiction("620422000000");

	static final String VILLAGE = "620422100001";

	@Autowired
	SubjectImport imports;

	@Autowired
	Subjects subjects;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aValidFileIsImportedThroughTheRegistrationWritePath() {
		String id = SubjectTestData.idNumber();
		ImportTable<SubjectTemplate> table = file(
				row("企业", "导入甲理财咨询有限公司", "91350100M000100Y43", "", VILLAGE, "投资理财", "消费返利", "红色", "", "理财产品推介"),
				row("个人", "导入甲张某", "", id, VILLAGE, "", "", "", "整改中", ""));
		ImportReport report = this.imports.check(table, COUNTY);
		assertThat(report.importable()).as(report.toString()).isTrue();
		long auditBefore = imports();

		assertThat(this.imports.commit(table, COUNTY, "importer")).isEqualTo(2);

		Map<String, Object> firm = subject("导入甲理财咨询有限公司");
		assertThat(firm).containsEntry("credit_code", "91350100M000100Y43")
			.containsEntry("status", "WATCHING")
			.containsEntry("risk_level", "RED")
			.containsEntry("sector_code", "WEALTH_MANAGEMENT")
			.containsEntry("scheme_code", "CONSUMPTION_REBATE")
			.containsEntry("statutory_words", "理财")
			.containsEntry("word_review", "PENDING")
			.containsEntry("created_by", "importer");
		Map<String, Object> person = subject("导入甲张某");
		assertThat(person).containsEntry("kind", "INDIVIDUAL")
			.containsEntry("status", "RECTIFYING")
			.containsEntry("id_number_masked", PersonalData.maskIdNumber(id));
		assertThat(new String((byte[]) person.get("id_number_enc"), java.nio.charset.StandardCharsets.ISO_8859_1))
			.doesNotContain(id);
		assertThat(imports()).isEqualTo(auditBefore + 1);
		String summary = this.jdbc.sql(
				"select summary from audit_log where action = 'IMPORT' and target_type = 'subject' order by id desc limit 1")
			.query(String.class)
			.single();
		assertThat(summary).isEqualTo("导入风险主体 2 个，其中 1 个含条例第九条禁用字词，待审核");
	}

	@Test
	void oneBadRowWritesNothingAndEveryProblemIsNamed() {
		ImportTable<SubjectTemplate> table = file(
				row("企业", "导入乙好公司", "91110108551385082Q", "", VILLAGE, "", "", "", "", ""),
				row("企业", "导入乙坏码公司", "91350100M000100Y44", "", VILLAGE, "", "", "", "", ""),
				row("公司", "导入乙多错公司", "9135010OM000100Y43", "", "620422100001", "不存在的行业", "乱集资", "紫色", "跑路", ""),
				row("企业", "", "", "12345", "6204221", "", "", "", "", ""));
		ImportReport report = this.imports.check(table, COUNTY);

		assertThat(report.importable()).isFalse();
		assertThat(report.failed()).isEqualTo(3);
		assertThat(problemsOf(report, 2)).isEmpty();
		assertThat(problemsOf(report, 3)).containsExactly("统一社会信用代码不正确(应为18位，校验码不符)");
		assertThat(problemsOf(report, 4)).contains("主体类型“公司”无法识别，应为 企业、个体工商户、个人、社会组织、网络平台 之一",
				"风险等级“紫色”无法识别，应为 红色、橙色、黄色、蓝色 之一", "状态“跑路”无法识别，应为 监测中、整改中、已化解、已立案、失联、无需处置 之一",
				"行业“不存在的行业”不在行业字典中，请按系统中的名称填写", "集资模式“乱集资”不在集资模式字典中，请按系统中的名称填写");
		assertThat(problemsOf(report, 5)).contains("请填写名称", "区划代码应为12位数字");
		assertThatThrownBy(() -> this.imports.commit(table, COUNTY, "importer")).isInstanceOf(ImportRefused.class);
		assertThat(count("导入乙%")).isZero();
	}

	@Test
	void aSubjectTwiceInTheFileOrAlreadyOnFileIsRefused() {
		String onFile = SubjectTestData.creditCode();
		long existing = this.subjects
			.create(new SubjectForm(SubjectKind.ENTERPRISE, "导入丙已登记公司", onFile, null, null, null, null, null, null,
					VILLAGE, null, null, null, null, SubjectStatus.WATCHING, null, null), COUNTY, "tester")
			.id();
		String twice = SubjectTestData.creditCode();
		String id = SubjectTestData.idNumber();
		ImportTable<SubjectTemplate> table = file(row("企业", "导入丙一", onFile, "", VILLAGE, "", "", "", "", ""),
				row("企业", "导入丙二", twice, "", VILLAGE, "", "", "", "", ""),
				row("企业", "导入丙三", twice, "", VILLAGE, "", "", "", "", ""),
				row("个人", "导入丙四", "", id, VILLAGE, "", "", "", "", ""),
				row("个人", "导入丙五", "", id, VILLAGE, "", "", "", "", ""),
				row("企业", "导入丙同名", "", "", VILLAGE, "", "", "", "", ""),
				row("企业", "导入丙同名", "", "", VILLAGE, "", "", "", "", ""),
				row("企业", "导入丙已登记公司", "", "", VILLAGE, "", "", "", "", ""));
		ImportReport report = this.imports.check(table, COUNTY);

		assertThat(problemsOf(report, 2))
			.containsExactly("统一社会信用代码 " + onFile + " 已登记（已登记的主体编号 " + existing + "），请勿重复建档");
		assertThat(problemsOf(report, 3)).isEmpty();
		assertThat(problemsOf(report, 4)).containsExactly("统一社会信用代码在文件中重复（与第 3 行相同）");
		assertThat(problemsOf(report, 6)).containsExactly("身份证号在文件中重复（与第 5 行相同）");
		assertThat(problemsOf(report, 8)).containsExactly("名称和所属区划在文件中重复（与第 7 行相同）");
		assertThat(problemsOf(report, 9)).containsExactly("同一区划下已登记同名主体（已登记的主体编号 " + existing + "），请勿重复建档");
		assertThatThrownBy(() -> this.imports.commit(table, COUNTY, "importer")).isInstanceOf(ImportRefused.class);
		assertThat(count("导入丙%")).isEqualTo(1);
	}

	@Test
	void aTownshipImportsOnlyIntoItsOwnTownship() {
		DataScope huishi = DataScope.jurisdiction("620422100000");
		ImportReport report = this.imports.check(file(row("企业", "导入丁本镇", "", "", "620422100002", "", "", "", "", ""),
				row("企业", "导入丁他镇", "", "", "620422101001", "", "", "", "", "")), huishi);
		assertThat(problemsOf(report, 2)).isEmpty();
		assertThat(problemsOf(report, 3)).containsExactly("所属区划不存在或不在您的管辖范围内");
	}

	@Test
	void theReportMasksIdNumbersEvenMistypedOnes() {
		String id = SubjectTestData.idNumber();
		String mistyped = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
		ImportReport report = this.imports.check(file(row("个人", "导入戊甲", "", id, VILLAGE, "", "", "", "", ""),
				row("个人", "导入戊乙", "", mistyped, VILLAGE, "", "", "", "", "")), COUNTY);
		int column = SubjectTemplate.SUBJECT.columns().indexOf("身份证号");
		assertThat(report.rows()).extracting(r -> r.values().get(column))
			.containsExactly(PersonalData.maskIdNumber(id), PersonalData.maskIdNumber(mistyped));
		assertThat(report.toString()).doesNotContain(id).doesNotContain(mistyped);
		assertThat(problemsOf(report, 3)).containsExactly("身份证号不正确(校验位不符)");
	}

	@Test
	void theImportChecksAgainWhenConfirmed() {
		String code = SubjectTestData.creditCode();
		ImportTable<SubjectTemplate> table = file(row("企业", "导入己先查", "", "", VILLAGE, "", "", "", "", ""),
				row("企业", "导入己后占", code, "", VILLAGE, "", "", "", "", ""));
		assertThat(this.imports.check(table, COUNTY).importable()).isTrue();
		this.subjects.create(new SubjectForm(SubjectKind.ENTERPRISE, "导入己抢先登记", code, null, null, null, null, null,
				null, VILLAGE, null, null, null, null, SubjectStatus.WATCHING, null, null), COUNTY, "other");

		assertThatThrownBy(() -> this.imports.commit(table, COUNTY, "importer"))
			.isInstanceOfSatisfying(ImportRefused.class, ex -> assertThat(problemsOf(ex.report(), 3)).hasSize(1));
		assertThat(count("导入己先查")).isZero();
	}

	@Test
	void theTemplateHasTheChineseHeaderAndAnExampleThatPasses() {
		List<List<String>> rows = TabularFile.read("t.xlsx",
				new ByteArrayInputStream(SubjectTemplate.SUBJECT.templateXlsx()));
		assertThat(rows.get(0)).containsExactly("主体类型", "名称", "统一社会信用代码", "身份证号", "法定代表人", "注册地址", "实际经营地址", "所属区划代码",
				"行业", "集资模式", "风险等级", "状态", "经营范围", "备注");
		assertThat(rows.get(1)).isEqualTo(SubjectTemplate.SUBJECT.example());
		ImportTable<SubjectTemplate> example = ImportTable.read(SubjectTemplate.SUBJECT, "t.xlsx",
				new ByteArrayInputStream(SubjectTemplate.SUBJECT.templateXlsx()));
		assertThat(this.imports.check(example, COUNTY).importable()).isTrue();
	}

	static ImportTable<SubjectTemplate> file(List<String>... rows) {
		byte[] bytes = TabularFile.writeXlsx("风险主体", SubjectTemplate.SUBJECT.columns(), List.of(rows));
		return ImportTable.read(SubjectTemplate.SUBJECT, "subjects.xlsx", new ByteArrayInputStream(bytes));
	}

	/** A row in template order; addresses, legal representative and notes left empty. */
	static List<String> row(String kind, String name, String code, String id, String region, String sector,
			String scheme, String risk, String status, String businessScope) {
		return new ArrayList<>(Arrays.asList(kind, name, code, id, "", "", "", region, sector, scheme, risk, status,
				businessScope, ""));
	}

	static List<String> problemsOf(ImportReport report, int rowNumber) {
		return report.rows()
			.stream()
			.filter(r -> r.number() == rowNumber)
			.findFirst()
			.map(ImportRow::problems)
			.orElseThrow();
	}

	private Map<String, Object> subject(String name) {
		return this.jdbc.sql("select * from subject where name = :n").param("n", name).query().singleRow();
	}

	private long count(String nameLike) {
		return this.jdbc.sql("select count(*) from subject where name like :n")
			.param("n", nameLike)
			.query(Long.class)
			.single();
	}

	private long imports() {
		return this.jdbc.sql("select count(*) from audit_log where action = 'IMPORT' and target_type = 'subject'")
			.query(Long.class)
			.single();
	}

}
