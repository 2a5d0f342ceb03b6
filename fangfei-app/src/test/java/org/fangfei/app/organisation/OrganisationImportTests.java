package org.fangfei.app.organisation;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.FieldCipher;
import org.fangfei.app.shared.ImportRefused;
import org.fangfei.app.shared.ImportReport;
import org.fangfei.app.shared.ImportRow;
import org.fangfei.app.shared.ImportTable;
import org.fangfei.app.shared.PersonalData;
import org.fangfei.app.shared.TabularFile;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Import of regions, grids and people against the embedded PostgreSQL with the demo
 * county 会宁县 loaded. Each test uses codes, phones and ID numbers of its own, because the
 * database is shared by every test class in the JVM.
 */
@SpringBootTest
class OrganisationImportTests {

	private static final DataScope ALL = DataScope.all();

	@Autowired
	private OrganisationImport imports;

	@Autowired
	private People people;

	@Autowired
	private Regions regions;

	@Autowired
	private FieldCipher cipher;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void validRegionsFileImportsEveryRowWithOneAuditEntry() {
		// the village comes before its new township: a parent elsewhere in the file is
		// enough
		ImportTable<ImportKind> table = xlsx(ImportKind.REGION, row("620422190001", "新建村", ""),
				row("620422190000", "新建镇", ""), row("620422100901", "东山新村", "620422100000"));
		ImportReport report = this.imports.check(table, ALL);
		assertThat(report.importable()).as(report.toString()).isTrue();
		assertThat(report.rows()).extracting(ImportRow::number).containsExactly(2, 3, 4);
		assertThat(report.rows()).extracting(ImportRow::status).containsOnly("通过");

		assertThat(this.imports.commit(table, ALL)).isEqualTo(3);

		assertThat(this.regions.byCode("620422190000")).get()
			.satisfies(r -> assertThat(r.level()).isEqualTo(RegionLevel.TOWNSHIP))
			.satisfies(r -> assertThat(r.parentCode()).isEqualTo("620422000000"));
		assertThat(this.regions.byCode("620422190001")).get()
			.satisfies(r -> assertThat(r.parentCode()).isEqualTo("620422190000"))
			.satisfies(r -> assertThat(r.name()).isEqualTo("新建村"));
		assertThat(this.regions.byCode("620422100901")).isPresent();
		assertThat(count("select count(*) from audit_log where action = 'IMPORT' and summary = '导入区划 3 行'"
				+ " and before_data is null and after_data like '%620422190001%'"))
			.isEqualTo(1);
	}

	@Test
	void oneBadRowWritesNothingAndTheReportNamesRowAndProblem() {
		long regionsBefore = count("select count(*) from region");
		long auditBefore = count("select count(*) from audit_log");
		ImportTable<ImportKind> table = xlsx(ImportKind.REGION, row("620422100911", "甲村", ""),
				row("62042210091", "乙村", ""), row("620422100913", "丙村", ""));
		ImportReport report = this.imports.check(table, ALL);
		assertThat(report.importable()).isFalse();
		assertThat(report.message()).isEqualTo("共 3 行，1 行有错误，未写入任何数据。请修改后重新上传。");
		assertThat(report.failedRows()).singleElement().satisfies(r -> {
			assertThat(r.number()).isEqualTo(3);
			assertThat(r.status()).isEqualTo("错误");
			assertThat(r.values()).containsExactly("62042210091", "乙村", "");
			assertThat(r.problems()).containsExactly("区划代码不合法（62042210091），应为12位数字");
		});

		assertThatThrownBy(() -> this.imports.commit(table, ALL)).isInstanceOf(ImportRefused.class)
			.hasMessage("共 3 行，1 行有错误，未写入任何数据。请修改后重新上传。");
		assertThat(count("select count(*) from region")).isEqualTo(regionsBefore);
		assertThat(count("select count(*) from audit_log")).isEqualTo(auditBefore);
		assertThat(this.regions.byCode("620422100911")).isEmpty();
	}

	@Test
	void everyRegionProblemIsReportedInChinese() {
		ImportReport report = this.imports.check(xlsx(ImportKind.REGION, row("6204221009AB", "坏代码村", ""),
				row("620422193001", "无上级村", ""), row("620422100921", "重复村", ""), row("620422100921", "重复村二", ""),
				row("620422100001", "已有社区", ""), row("620422100922", "", ""), row("620422100923", "x".repeat(101), ""),
				row("620422100924", "错上级村", "620422101000"), row("", "无代码村", "")), ALL);
		assertThat(problemsOf(report, 2)).containsExactly("区划代码不合法（6204221009AB），应为12位数字");
		assertThat(problemsOf(report, 3)).containsExactly("上级区划不存在（620422193000），请先导入上级区划或把它加入本文件");
		assertThat(problemsOf(report, 4)).isEmpty();
		assertThat(problemsOf(report, 5)).containsExactly("区划代码在文件中重复（与第 4 行相同）");
		assertThat(problemsOf(report, 6)).singleElement().asString().startsWith("区划代码已存在（620422100001");
		assertThat(problemsOf(report, 7)).containsExactly("名称不能为空");
		assertThat(problemsOf(report, 8)).containsExactly("名称不能超过100个字");
		assertThat(problemsOf(report, 9)).containsExactly("上级区划代码应为 620422100000，而不是 620422101000");
		assertThat(problemsOf(report, 10)).containsExactly("区划代码不能为空");
		assertThat(report.failed()).isEqualTo(8);
	}

	@Test
	void aTownshipCannotImportIntoAnotherTownship() {
		DataScope township = DataScope.jurisdiction("620422100000");
		ImportTable<ImportKind> table = xlsx(ImportKind.REGION, row("620422100931", "本镇新村", ""),
				row("620422101931", "他镇新村", ""));
		ImportReport report = this.imports.check(table, township);
		assertThat(problemsOf(report, 2)).isEmpty();
		assertThat(problemsOf(report, 3)).containsExactly("区划不在您的管辖范围内（620422101931）");
		assertThatThrownBy(() -> this.imports.commit(table, township)).isInstanceOf(ImportRefused.class);
		assertThat(this.regions.byCode("620422100931")).isEmpty();
		assertThat(this.regions.byCode("620422101931")).isEmpty();

		ImportTable<ImportKind> own = xlsx(ImportKind.REGION, row("620422100931", "本镇新村", ""));
		assertThat(this.imports.commit(own, township)).isEqualTo(1);
		assertThat(this.regions.byCode("620422100931")).isPresent();
	}

	@Test
	void gridsImportWithParentsInTheFileOrInTheDatabase() {
		this.imports.commit(xlsx(ImportKind.REGION, row("620422194000", "网格镇", ""), row("620422194001", "网格村", ""),
				row("620422100941", "会师新村", "")), ALL);
		ImportTable<ImportKind> table = xlsx(ImportKind.GRID, row("G194001", "网格村网格", "二级", "620422194001", "G194000"),
				row("G194000", "网格镇网格", "一级", "620422194000", ""),
				row("G100941", "会师新村网格", "2", "620422100941", "620422100000"));
		ImportReport report = this.imports.check(table, ALL);
		assertThat(report.importable()).as(report.toString()).isTrue();

		assertThat(this.imports.commit(table, ALL)).isEqualTo(3);

		assertThat(parentCodeOf("G194001")).isEqualTo("G194000");
		assertThat(parentCodeOf("G100941")).isEqualTo("620422100000");
		assertThat(count("select count(*) from grid where code = 'G194000' and level = 1 and parent_id is null"))
			.isEqualTo(1);
	}

	@Test
	void everyGridProblemIsReportedInChinese() {
		DataScope township = DataScope.jurisdiction("620422100000");
		ImportReport report = this.imports
			.check(xlsx(ImportKind.GRID, row("G-BAD-LEVEL", "层级错", "3", "620422100001", ""),
					row("G-L1-VILLAGE", "一级建在村", "1", "620422100001", ""),
					row("G-L2-TOWN", "二级建在镇", "2", "620422100000", "620422100000"),
					row("G-NO-PARENT", "无上级", "2", "620422100002", "G-UNKNOWN"),
					row("G-MISSING-PARENT", "缺上级", "2", "620422100002", ""),
					row("620422100000", "已存在", "1", "620422100000", ""), row("G-OTHER", "他镇", "1", "620422101000", ""),
					row("G-WRONG-TOWN", "上级错镇", "2", "620422100002", "620422101000"),
					row("G-DUP", "重复一", "1", "620422100000", ""), row("G-DUP", "重复二", "1", "620422100000", ""),
					row("G 空格", "", "1", "620422100000", ""), row("G-NO-REGION", "无区划", "1", "620422198000", "")),
					township);
		assertThat(problemsOf(report, 2)).containsExactly("层级不正确（3），应为 1 或 2（一级/二级）");
		assertThat(problemsOf(report, 3)).singleElement().asString().startsWith("一级网格应建在乡镇(街道)上");
		assertThat(problemsOf(report, 4)).first().asString().startsWith("二级网格应建在村(社区)上");
		assertThat(problemsOf(report, 5)).containsExactly("上级网格不存在（G-UNKNOWN）");
		assertThat(problemsOf(report, 6)).containsExactly("二级网格须填写上级网格编码（所在乡镇的一级网格）");
		assertThat(problemsOf(report, 7)).singleElement().asString().startsWith("网格编码已存在（620422100000");
		assertThat(problemsOf(report, 8)).singleElement().asString().startsWith("所属区划不在您的管辖范围内（620422101000");
		assertThat(problemsOf(report, 9)).containsExactly("上级网格不在您的管辖范围内（620422101000）");
		assertThat(problemsOf(report, 10)).isEmpty();
		assertThat(problemsOf(report, 11)).containsExactly("网格编码在文件中重复（与第 10 行相同）");
		assertThat(problemsOf(report, 12)).containsExactly("网格编码不合法（G 空格），只能包含字母、数字、下划线和短横线，最多32位", "网格名称不能为空");
		assertThat(problemsOf(report, 13)).containsExactly("所属区划不存在（620422198000）");

		ImportReport wrongTownship = this.imports
			.check(xlsx(ImportKind.GRID, row("G-WRONG-TOWN", "上级错镇", "2", "620422100002", "620422101000")), ALL);
		assertThat(problemsOf(wrongTownship, 2)).containsExactly("上级网格应为该村(社区)所在乡镇的一级网格（620422101000 不是）");
	}

	@Test
	void peopleFromGbkCsvAreStoredEncryptedAndFoundByPhone() {
		String csv = """
				姓名,人员类别,手机号,身份证号,所属区划代码,所属网格编码
				李晓梅,网格员,139 1220 1234,%s,620422100001,620422100001
				王建军,网格长,+86 13912201235,,620422100000,620422100000
				""".formatted(idNumber("62042219850101123"));
		ImportTable<ImportKind> table = csv(ImportKind.PERSON, csv, Charset.forName("GBK"));
		ImportReport report = this.imports.check(table, ALL);
		assertThat(report.importable()).as(report.toString()).isTrue();
		assertThat(report.rows().get(0).values()).containsExactly("李晓梅", "网格员", "139****1234",
				"620422********" + idNumber("62042219850101123").substring(14), "620422100001", "620422100001");

		assertThat(this.imports.commit(table, ALL)).isEqualTo(2);

		long id = this.people.idByPhone("13912201234").orElseThrow();
		var stored = this.jdbc.sql("select * from person where id = :id").param("id", id).query().singleRow();
		assertThat(stored.get("name")).isEqualTo("李晓梅");
		assertThat(stored.get("role")).isEqualTo("GRID_WORKER");
		assertThat(stored.get("phone_masked")).isEqualTo("139****1234");
		byte[] phoneEnc = (byte[]) stored.get("phone_enc");
		assertThat(new String(phoneEnc, StandardCharsets.ISO_8859_1)).doesNotContain("13912201234");
		assertThat(this.cipher.decrypt(phoneEnc, "person.phone:" + id)).isEqualTo("13912201234");
		assertThat(this.cipher.decrypt((byte[]) stored.get("id_number_enc"), "person.id_number:" + id))
			.isEqualTo(idNumber("62042219850101123"));
		assertThat(stored.get("grid_id")).isEqualTo(gridId("620422100001"));
		assertThat(this.people.idByPhone("13912201235")).isPresent();
	}

	@Test
	void everyPersonProblemIsReportedInChinese() {
		// the demo county's first person (DemoCounty): phone 19904220000 and this ID
		// number
		String demoIdNumber = idNumber("62042219600101000");
		String badCheck = wrongCheckCharacter("62042219850101123");
		ImportReport report = this.imports
			.check(xlsx(ImportKind.PERSON, row("甲", "网格员", "1391220", "", "620422100001", ""),
					row("乙", "网格员", "13912202001", badCheck, "620422100001", ""),
					row("丙", "网格员", "19904220000", "", "620422100001", ""),
					row("丁", "网格员", "13912202002", demoIdNumber, "620422100001", ""),
					row("戊", "网格员", "13912202003", "", "620422100001", ""),
					row("己", "网格员", "139-1220-2003", "", "620422100001", ""),
					row("庚", "村长", "13912202004", "", "620422100001", ""),
					row("辛", "网格员", "13912202005", "", "620422100001", "G-NOWHERE"),
					row("壬", "网格员", "13912202006", "", "620422101001", "620422100001"),
					row("", "网格员", "13912202007", "", "620422100001", ""),
					row("很".repeat(51), "网格员", "13912202008", "", "620422100001", ""),
					row("癸", "网格员", "", "6.20422E+17", "620422999001", "")), ALL);
		assertThat(problemsOf(report, 2)).containsExactly("手机号格式不正确（1391220）");
		assertThat(problemsOf(report, 3)).containsExactly("身份证号不正确（位数、出生日期或校验位不符）");
		assertThat(report.rows().get(1).values()).doesNotContain(badCheck)
			.contains("620422********" + badCheck.substring(14));
		assertThat(problemsOf(report, 4)).containsExactly("该手机号已登记给其他人员（199****0000）");
		assertThat(problemsOf(report, 5))
			.containsExactly("该身份证号已登记给其他人员（620422********" + demoIdNumber.substring(14) + "）");
		assertThat(problemsOf(report, 6)).isEmpty();
		assertThat(problemsOf(report, 7)).containsExactly("手机号在文件中重复（与第 6 行相同）");
		assertThat(problemsOf(report, 8)).containsExactly("人员类别不正确（村长），应为 网格长、网格员、信息员、工作人员 之一");
		assertThat(problemsOf(report, 9)).containsExactly("所属网格不存在（G-NOWHERE）");
		assertThat(problemsOf(report, 10)).singleElement().asString().startsWith("所属网格与所属区划不一致");
		assertThat(problemsOf(report, 11)).containsExactly("姓名不能为空");
		assertThat(problemsOf(report, 12)).containsExactly("姓名不能超过50个字");
		assertThat(problemsOf(report, 13)).containsExactly("手机号不能为空", "身份证号被 Excel 存成了数字（6.20422E+17），请把该列设为文本格式后重新填写",
				"所属区划不存在（620422999001）");
	}

	@Test
	void anIdNumberRepeatedInTheFileIsReported() {
		String id = idNumber("62042219900202555");
		ImportReport report = this.imports
			.check(xlsx(ImportKind.PERSON, row("甲", "信息员", "13912203001", id, "620422100001", ""),
					row("乙", "工作人员", "13912203002", id.toLowerCase(), "620422100001", "")), ALL);
		assertThat(problemsOf(report, 2)).isEmpty();
		assertThat(problemsOf(report, 3)).containsExactly("身份证号在文件中重复（与第 2 行相同）");
	}

	@Test
	void aFileWithTheWrongHeaderIsRefusedAsAWhole() {
		ImportTable<ImportKind> regionsAsGrids = ImportTable.of(ImportKind.GRID, "regions.xlsx",
				TabularFile.readLines("regions.xlsx", new ByteArrayInputStream(TabularFile.writeXlsx("区划",
						ImportKind.REGION.columns(), List.of(row("620422100951", "某村", "620422100000"))))));
		ImportReport report = this.imports.check(regionsAsGrids, ALL);
		assertThat(report.importable()).isFalse();
		assertThat(report.rows()).isEmpty();
		assertThat(report.message()).isEqualTo("文件不符合“网格”导入模板，未写入任何数据。");
		assertThat(report.fileProblems()).first().asString().startsWith("表头与“网格”导入模板不符");
		assertThat(report.fileProblems()).contains("无法识别的列“区划代码”", "缺少必填列“网格编码”", "缺少必填列“层级”");
		assertThatThrownBy(() -> this.imports.commit(regionsAsGrids, ALL)).isInstanceOf(ImportRefused.class);
		assertThat(count("select count(*) from grid where code = '620422100951'")).isZero();
	}

	@Test
	void unreadableAndEmptyFilesAreRefused() {
		assertThatThrownBy(
				() -> this.imports.read(ImportKind.REGION, "regions.txt", new ByteArrayInputStream(new byte[1])))
			.hasMessage("只支持 Excel(.xlsx、.xls) 或 CSV 文件");
		assertThatThrownBy(
				() -> this.imports.read(ImportKind.REGION, "fake.xlsx", new ByteArrayInputStream("no".getBytes())))
			.hasMessage("无法读取 Excel 文件，请使用导入模板另存为 .xlsx");
		ImportTable<ImportKind> headerOnly = csv(ImportKind.REGION, "区划代码,名称\n", StandardCharsets.UTF_8);
		assertThat(this.imports.check(headerOnly, ALL).fileProblems()).containsExactly("文件中没有数据行：表头下面应有至少一行数据");
	}

	@Test
	void rowNumbersCountBlankRowsAsExcelAndCsvShowThem() {
		ImportTable<ImportKind> table = csv(ImportKind.REGION,
				"\uFEFF区划代码,名称\r\n620422100961,甲村\r\n\r\n6204221009,乙村\r\n", StandardCharsets.UTF_8);
		ImportReport report = this.imports.check(table, ALL);
		assertThat(report.rows()).extracting(ImportRow::number).containsExactly(2, 4);
		assertThat(problemsOf(report, 4)).containsExactly("区划代码不合法（6204221009），应为12位数字");
	}

	@Test
	void commitChecksAgainAndRefusesRowsThatBecameDuplicates() {
		ImportTable<ImportKind> table = xlsx(ImportKind.REGION, row("620422100971", "先查村", ""),
				row("620422100972", "后占村", ""));
		assertThat(this.imports.check(table, ALL).importable()).isTrue();
		this.regions.create(new RegionForm("620422100972", "被别人先建", null), ALL);

		assertThatThrownBy(() -> this.imports.commit(table, ALL)).isInstanceOfSatisfying(ImportRefused.class,
				ex -> assertThat(problemsOf(ex.report(), 3)).singleElement()
					.asString()
					.startsWith("区划代码已存在（620422100972"));
		assertThat(this.regions.byCode("620422100971")).isEmpty();
		assertThat(this.regions.byCode("620422100972")).get().satisfies(r -> assertThat(r.name()).isEqualTo("被别人先建"));
	}

	@Test
	void templatesHoldTheHeaderAndAnExampleFromTheDemoCounty() {
		for (ImportKind kind : ImportKind.values()) {
			List<List<String>> rows = TabularFile.read("t.xlsx", new ByteArrayInputStream(this.imports.template(kind)));
			assertThat(rows.get(0)).isEqualTo(kind.columns());
			assertThat(rows).hasSize(2);
			assertThat(rows.get(1)).isEqualTo(kind.example());
		}
		ImportReport example = this.imports.check(ImportTable.of(ImportKind.GRID, "t.xlsx",
				TabularFile.readLines("t.xlsx", new ByteArrayInputStream(this.imports.template(ImportKind.GRID)))),
				ALL);
		// the example is a real grid of the demo county, so importing it as is would
		// duplicate it
		assertThat(problemsOf(example, 2)).singleElement().asString().startsWith("网格编码已存在");
	}

	private static List<String> row(String... cells) {
		return Arrays.asList(cells);
	}

	@SafeVarargs
	private ImportTable<ImportKind> xlsx(ImportKind kind, List<String>... rows) {
		byte[] bytes = TabularFile.writeXlsx(kind.label(), kind.columns(), List.of(rows));
		return this.imports.read(kind, "test.xlsx", new ByteArrayInputStream(bytes));
	}

	private ImportTable<ImportKind> csv(ImportKind kind, String text, Charset charset) {
		return this.imports.read(kind, "test.csv", new ByteArrayInputStream(text.getBytes(charset)));
	}

	private static List<String> problemsOf(ImportReport report, int rowNumber) {
		return report.rows().stream().filter(r -> r.number() == rowNumber).findFirst().orElseThrow().problems();
	}

	private static String idNumber(String first17) {
		return first17 + PersonalData.idCheckCharacter(first17);
	}

	private static String wrongCheckCharacter(String first17) {
		return first17 + (PersonalData.idCheckCharacter(first17) == '0' ? '1' : '0');
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private String parentCodeOf(String gridCode) {
		return this.jdbc.sql("select p.code from grid g join grid p on p.id = g.parent_id where g.code = :code")
			.param("code", gridCode)
			.query(String.class)
			.single();
	}

	private Long gridId(String code) {
		return this.jdbc.sql("select id from grid where code = :code").param("code", code).query(Long.class).single();
	}

}
