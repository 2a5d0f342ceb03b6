package org.fangfei.app.report;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fangfei.app.IntegrationTest;
import org.fangfei.app.clue.ClueSource;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.app.shared.Times;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, statistical forms: the shipped forms, a form counted for a period and a
 * jurisdiction from the records' own dates (a later record leaves a past period alone),
 * every measure equal to its drill-down, scope, bad periods, the page and the .xlsx.
 */
@IntegrationTest
class ReportTests extends ReportTestSupport {

	@Test
	void theThreeFormsOf004ShipAsValidDefinitions() {
		for (String code : List.of("004-work", "004-clues", "004-cross")) {
			ReportForms.StoredForm form = this.forms.get(formId(code));
			assertThat(form.builtin()).isTrue();
			FormDefinition def = this.forms.definition(form);
			assertThat(def.byRegion()).isTrue();
			assertThat(def.placed()).isNotEmpty();
		}
		assertThat(this.forms.get(formId("004-work")).title()).isEqualTo("打击非法集资专项行动工作情况统计表");
		assertThat(this.forms.get(formId("004-clues")).title()).isEqualTo("风险线索排查处置情况统计表");
		assertThat(this.forms.get(formId("004-cross")).title()).isEqualTo("跨省(自治区、直辖市)非法集资案件(风险)办理情况登记统计表");
	}

	@Test
	void aFormCountsItsPeriodByTownshipAndALaterRecordLeavesItAlone() {
		Period march = Period.of(LocalDate.of(2018, 3, 1), LocalDate.of(2018, 3, 31));
		Period april = Period.of(LocalDate.of(2018, 4, 1), LocalDate.of(2018, 4, 30));
		clueOn(LocalDate.of(2018, 3, 9), HUISHI_VILLAGE, ClueSource.TIP);
		clueOn(LocalDate.of(2018, 3, 30), HUISHI_VILLAGE, ClueSource.HOTLINE);
		clueOn(LocalDate.of(2018, 3, 12), HEPAN_VILLAGE, ClueSource.TIP);
		clueOn(LocalDate.of(2018, 2, 28), HUISHI_VILLAGE, ClueSource.TIP);

		FormGenerator.Generated before = generate("004-clues", march, COUNTY);
		assertThat(cell(before, "会师镇", "clue.received", null)).isEqualTo(2);
		assertThat(cell(before, "会师镇", "clue.received", "TIP")).isEqualTo(1);
		assertThat(cell(before, "会师镇", "clue.received", "HOTLINE")).isEqualTo(1);
		assertThat(cell(before, "河畔镇", "clue.received", null)).isEqualTo(1);
		assertThat(cell(before, "合计", "clue.received", null)).isEqualTo(3);
		assertThat(before.lines().get(before.lines().size() - 1).label()).isEqualTo("合计");
		assertThat(cell(generate("004-clues", march, HUISHI), "合计", "clue.received", null)).isEqualTo(2);
		assertThat(cell(generate("004-clues", march, HUISHI), "东山根社区居民委员会", "clue.received", null)).isEqualTo(2);

		clueOn(LocalDate.of(2018, 4, 2), HUISHI_VILLAGE, ClueSource.TIP);
		FormGenerator.Generated after = generate("004-clues", march, COUNTY);
		for (int i = 0; i < before.lines().size(); i++) {
			assertThat(after.lines().get(i).cells().stream().map(FormGenerator.Cell::value).toList())
				.as("March's line %s after a clue received in April", before.lines().get(i).label())
				.isEqualTo(before.lines().get(i).cells().stream().map(FormGenerator.Cell::value).toList());
		}
		assertThat(cell(generate("004-clues", april, COUNTY), "会师镇", "clue.received", null)).isEqualTo(1);
	}

	@Test
	void everyMeasureEqualsItsDrillDownAndItsTownshipsAddUp() {
		clueOn(LocalDate.of(2018, 5, 7), HUISHI_VILLAGE, ClueSource.PATROL);
		Period period = Period.of(Times.today().minusYears(3).plusDays(2), Times.today());
		Period old = Period.of(LocalDate.of(2018, 5, 1), LocalDate.of(2018, 5, 31));
		Jurisdiction county = new Jurisdiction(COUNTY, "会宁县", false);
		int nonZero = 0;
		int checked = 0;
		for (Measure m : this.catalog.all()) {
			List<String> params = new ArrayList<>();
			params.add(null);
			params.addAll(m.parameters().keySet());
			for (String param : params) {
				for (Period p : List.of(period, old)) {
					long value = this.figures.value(m, param, p, county);
					assertThat(drilled(m, param, p, county)).as("%s(%s) %s against its drill-down", m.code(), param, p)
						.isEqualTo(value);
					long byTownship = this.figures.grouped(m, param, p, county, 9)
						.values()
						.stream()
						.mapToLong(Long::longValue)
						.sum();
					assertThat(byTownship).as("%s(%s) by township", m.code(), param).isEqualTo(value);
					nonZero += value > 0 ? 1 : 0;
					checked++;
				}
			}
		}
		assertThat(this.catalog.all()).extracting(Measure::code)
			.contains("clue.received", "clue.closed", "clue.overdue", "subject.registered", "building.swept",
					"patrol.visits", "case.opened", "case.raised", "case.participants", "case.refunded",
					"outreach.activities", "outreach.reached", "outreach.trainings", "petition.received");
		assertThat(checked).isGreaterThan(60);
		assertThat(nonZero).as("figures that are not zero in the test county").isGreaterThan(5);
	}

	/**
	 * A keyed measure's drill-down (clues received, subjects registered) is walked newest
	 * first by its own instant and id, so page 2 continues page 1 without a gap or a
	 * repeat.
	 */
	@Test
	void aKeyedDrillDownPagesNewestFirst() {
		List<String> codes = new ArrayList<>();
		for (int day = 1; day <= 5; day++) {
			codes.add(clueOn(LocalDate.of(2017, 3, day), HUISHI_VILLAGE, ClueSource.HOTLINE));
			codes.add(clueOn(LocalDate.of(2017, 3, day), HUISHI_VILLAGE, ClueSource.HOTLINE));
		}
		Measure received = this.catalog.find("clue.received").orElseThrow();
		assertThat(received.keyed()).isTrue();
		assertThat(this.catalog.find("subject.registered").orElseThrow().keyed()).isTrue();
		Period march = Period.of(LocalDate.of(2017, 3, 1), LocalDate.of(2017, 3, 31));
		Jurisdiction huishi = new Jurisdiction(HUISHI, "会师镇", false);
		List<String> walked = new ArrayList<>();
		for (int page = 1; page <= 4; page++) {
			Figures.Drill drill = this.figures.drill(received, "HOTLINE", march, huishi, PageRequest.of(page, 3));
			assertThat(drill.value()).isEqualTo(10);
			drill.rows().items().forEach(r -> walked.add(r.ref()));
		}
		List<String> newestFirst = new ArrayList<>(codes);
		java.util.Collections.reverse(newestFirst);
		assertThat(walked).as("every clue once, newest first (same day: the later registered first)")
			.containsExactlyElementsOf(newestFirst);
	}

	/** The value the drill-down's rows make: their number, or their amounts' sum. */
	private long drilled(Measure m, String param, Period p, Jurisdiction where) {
		Figures.Drill first = this.figures.drill(m, param, p, where, PageRequest.of(1, PageRequest.MAX_SIZE));
		if (m.kind() == Measure.Kind.COUNT) {
			return first.rows().total();
		}
		long sum = 0;
		for (int page = 1; page <= Math.max(1, first.rows().pages()); page++) {
			sum += this.figures.drill(m, param, p, where, PageRequest.of(page, PageRequest.MAX_SIZE))
				.rows()
				.items()
				.stream()
				.mapToLong(r -> r.amount() == null ? 0 : r.amount())
				.sum();
		}
		assertThat(first.value()).isEqualTo(sum);
		return sum;
	}

	@Test
	void thePageLinksEveryNumberToItsRecords() throws Exception {
		String code = clueOn(LocalDate.of(2018, 7, 3), HEPAN_VILLAGE, ClueSource.REFERRAL);
		long id = formId("004-clues");
		String html = page(this.office, "/reports/" + id,
				Map.of("from", "2018-07-01", "to", "2018-07-31", "region", COUNTY))
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("风险线索排查处置情况统计表", "填报单位：会宁县", "统计期间：2018-07-01 至 2018-07-31", "河畔镇", "合计", "其中：群众举报",
				"/reports/drill?measure=clue.received&amp;param=REFERRAL&amp;from=2018-07-01&amp;to=2018-07-31&amp;region=620422102000&amp;exact=false");
		String drill = page(this.office, "/reports/drill", Map.of("measure", "clue.received", "param", "REFERRAL",
				"from", "2018-07-01", "to", "2018-07-31", "region", HEPAN))
			.getResponse()
			.getContentAsString();
		assertThat(drill).contains("受理线索(部门移交)", "河畔镇，2018-07-01 至 2018-07-31：1 件，共 1 条记录", code, "/clues/");
		String township = page(this.hepan, "/reports/" + id, Map.of("from", "2018-07-01", "to", "2018-07-31"))
			.getResponse()
			.getContentAsString();
		assertThat(township).as("a township's form defaults to its own township").contains("填报单位：河畔镇");
		assertThat(page(this.office, "/reports", Map.of()).getResponse().getContentAsString())
			.contains("打击非法集资专项行动工作情况统计表", "跨省(自治区、直辖市)非法集资案件(风险)办理情况登记统计表");
		assertThat(page(this.office, "/reports/go",
				Map.of("formId", Long.toString(id), "month", "2018-07", "region", COUNTY))
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/reports/" + id + "?from=2018-07-01&to=2018-07-31&region=" + COUNTY);
	}

	@Test
	void theExportIsTheFormWithItsMergedHeaderAndTitleBlock() throws Exception {
		clueOn(LocalDate.of(2018, 8, 6), HUISHI_VILLAGE, ClueSource.TIP);
		long id = formId("004-clues");
		var response = page(this.office, "/reports/" + id + "/export",
				Map.of("from", "2018-08-01", "to", "2018-08-31", "region", COUNTY))
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType())
			.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		FormGenerator.Generated form = generate("004-clues",
				Period.of(LocalDate.of(2018, 8, 1), LocalDate.of(2018, 8, 31)), COUNTY);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			Sheet sheet = book.getSheetAt(0);
			int width = form.definition().columns().size() + 1;
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("风险线索排查处置情况统计表");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("填报单位：会宁县");
			assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("统计期间：2018-08-01 至 2018-08-31");
			assertThat(sheet.getMergedRegions()).contains(new CellRangeAddress(0, 0, 0, width - 1),
					new CellRangeAddress(4, 5, 0, 0), new CellRangeAddress(4, 4, 1, 5));
			assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("单位");
			assertThat(sheet.getRow(4).getCell(6).getStringCellValue()).isEqualTo("线索受理");
			assertThat(sheet.getRow(5).getCell(7).getStringCellValue()).isEqualTo("其中：群众举报");
			int first = 6;
			for (int i = 0; i < form.lines().size(); i++) {
				FormGenerator.Line line = form.lines().get(i);
				assertThat(sheet.getRow(first + i).getCell(0).getStringCellValue()).isEqualTo(line.label());
				for (int c = 0; c < line.cells().size(); c++) {
					assertThat(sheet.getRow(first + i).getCell(c + 1).getNumericCellValue())
						.as("%s column %d", line.label(), c + 1)
						.isEqualTo(Double.parseDouble(line.cells().get(c).shown()));
				}
			}
			assertThat(sheet.getRow(first + form.lines().size()).getCell(0).getStringCellValue()).startsWith("注：");
		}
		assertThat(this.jdbc
			.sql("""
					select count(*) from audit_log where action = 'EXPORT' and target_type = 'report_form' and target_id = :id
					""")
			.param("id", Long.toString(id))
			.query(Long.class)
			.single()).isPositive();
	}

	/**
	 * LibreOffice opens the export: converted to CSV headless, the title, the header and
	 * the total row read back. Runs where {@code soffice} is installed (.ci/run installs
	 * libreoffice-calc-nogui).
	 */
	@Test
	void libreOfficeReadsTheExport() throws Exception {
		java.nio.file.Path soffice = java.nio.file.Path.of("/usr/bin/soffice");
		org.junit.jupiter.api.Assumptions.assumeTrue(
				java.nio.file.Files.isExecutable(soffice)
						&& java.nio.file.Files.exists(java.nio.file.Path.of("/usr/lib/libreoffice/program/libsclo.so")),
				"LibreOffice Calc is not installed");
		clueOn(LocalDate.of(2018, 10, 9), HEPAN_VILLAGE, ClueSource.TIP);
		long id = formId("004-work");
		byte[] xlsx = page(this.office, "/reports/" + id + "/export",
				Map.of("from", "2018-10-01", "to", "2018-10-31", "region", COUNTY))
			.getResponse()
			.getContentAsByteArray();
		java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("report-lo");
		java.nio.file.Path file = dir.resolve("form.xlsx");
		java.nio.file.Files.write(file, xlsx);
		Process process = new ProcessBuilder(soffice.toString(), "--headless", "--norestore",
				"-env:UserInstallation=" + dir.resolve("profile").toUri(), "--convert-to",
				"csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir.toString(), file.toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		assertThat(process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).as(output).isTrue();
		String csv = java.nio.file.Files.readString(dir.resolve("form.csv"), java.nio.charset.StandardCharsets.UTF_8);
		FormGenerator.Generated form = generate("004-work",
				Period.of(LocalDate.of(2018, 10, 1), LocalDate.of(2018, 10, 31)), COUNTY);
		List<String> total = new ArrayList<>();
		total.add("合计");
		form.lines().get(form.lines().size() - 1).cells().forEach(c -> total.add(c.shown()));
		assertThat(csv).contains("打击非法集资专项行动工作情况统计表", "填报单位：会宁县", "宣传教育", "受理线索(件)").contains(String.join(",", total));
		assertThat(cell(form, "河畔镇", "clue.received", null)).isEqualTo(1);
	}

	@Test
	void badPeriodsAreRefusedInChinese() throws Exception {
		long id = formId("004-work");
		String tomorrow = Times.today().plusDays(1).toString();
		Map<List<String>, String> cases = Map.of(List.of("", "2018-01-31"), "请填写开始日期",
				List.of("2018-01-01", "2018-02-30"), "截止日期不是有效日期", List.of("2018-03-01", "2018-02-01"), "截止日期不能早于开始日期",
				List.of("2018-03-01", tomorrow), "截止日期不能晚于今天", List.of("2014-01-01", "2018-01-01"), "统计期间不能超过三年",
				List.of("1999-12-01", "1999-12-31"), "开始日期不能早于2000年1月1日", List.of("2018/01/01", "2018-01-31"),
				"开始日期不是有效日期");
		for (var c : cases.entrySet()) {
			var response = page(this.office, "/reports/" + id,
					Map.of("from", c.getKey().get(0), "to", c.getKey().get(1), "region", COUNTY))
				.getResponse();
			assertThat(response.getStatus()).as(c.getKey().toString()).isEqualTo(400);
			assertThat(response.getContentAsString()).as(c.getKey().toString()).contains(c.getValue());
			var export = page(this.office, "/reports/" + id + "/export",
					Map.of("from", c.getKey().get(0), "to", c.getKey().get(1), "region", COUNTY))
				.getResponse();
			assertThat(export.getStatus()).isEqualTo(400);
			assertThat(export.getContentAsString()).contains(c.getValue());
		}
	}

	@Test
	void aTownshipCountsOnlyItsOwnTownship() throws Exception {
		long id = formId("004-clues");
		Map<String, String> period = Map.of("from", "2018-03-01", "to", "2018-03-31");
		for (String region : List.of(COUNTY, HEPAN, HEPAN_VILLAGE)) {
			var response = page(this.huishi, "/reports/" + id, with(period, "region", region)).getResponse();
			assertThat(response.getStatus()).as(region).isEqualTo(400);
			assertThat(response.getContentAsString()).contains("不在您的管辖范围内，只能统计本辖区");
			var drill = page(this.huishi, "/reports/drill",
					with(with(period, "region", region), "measure", "clue.received"))
				.getResponse();
			assertThat(drill.getStatus()).isEqualTo(400);
			assertThat(drill.getContentAsString()).contains("不在您的管辖范围内");
			assertThat(page(this.huishi, "/reports/" + id + "/export", with(period, "region", region)).getResponse()
				.getStatus()).isEqualTo(400);
		}
		assertThat(page(this.huishi, "/reports/" + id, with(period, "region", HUISHI)).getResponse().getStatus())
			.isEqualTo(200);
		assertThat(
				page(this.huishi, "/reports/" + id, with(period, "region", HUISHI_VILLAGE)).getResponse().getStatus())
			.isEqualTo(200);
		var unknown = page(this.office, "/reports/" + id, with(period, "region", "620422199000")).getResponse();
		assertThat(unknown.getContentAsString()).contains("区划“620422199000”不存在");
		assertThat(
				page(this.office, "/reports/" + id, with(period, "region", "abc")).getResponse().getContentAsString())
			.contains("请选择统计区域");
		var badMeasure = page(this.office, "/reports/drill",
				with(with(period, "region", COUNTY), "measure", "clue.nothing"))
			.getResponse();
		assertThat(badMeasure.getStatus()).isEqualTo(404);
		var badParam = page(this.office, "/reports/drill",
				with(with(with(period, "region", COUNTY), "measure", "clue.received"), "param", "NOPE"))
			.getResponse();
		assertThat(badParam.getStatus()).isEqualTo(400);
		assertThat(badParam.getContentAsString()).contains("指标“受理线索”没有参数“NOPE”");
	}

	@Test
	void onlyTheRolesWithThePermissionsOpenThePages() throws Exception {
		assertThat(page(this.leader, "/reports", Map.of()).getResponse().getStatus()).isEqualTo(200);
		assertThat(page(this.leader, "/report-forms", Map.of()).getResponse().getStatus()).isEqualTo(403);
		assertThat(page(this.grid, "/reports", Map.of()).getResponse().getStatus()).isEqualTo(403);
		assertThat(page(this.market, "/reports", Map.of()).getResponse().getStatus()).isEqualTo(403);
		assertThat(page(this.huishi, "/report-forms/new", Map.of()).getResponse().getStatus()).isEqualTo(403);
		assertThat(page(this.office, "/report-forms", Map.of()).getResponse().getContentAsString())
			.contains("风险线索排查处置情况统计表");
	}

	static Map<String, String> with(Map<String, String> map, String key, String value) {
		Map<String, String> copy = new java.util.LinkedHashMap<>(map);
		copy.put(key, value);
		return copy;
	}

}
