package org.fangfei.app.report;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;

import org.fangfei.app.HeadlessChromium;
import org.fangfei.app.TestAccounts;
import org.fangfei.app.clue.ClueSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistical forms in Debian's headless Chromium: the office opens 统计报表 from the
 * menu, generates the clue form for a past month, clicks a township's number to the clues
 * behind it and exports the form; a township reads its own form on a 390 px phone.
 * Screenshots go to target/screenshots.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(TestAccounts.class)
class ReportBrowserTests extends ReportTestSupport {

	@LocalServerPort
	private int port;

	private HeadlessChromium desk;

	private HeadlessChromium phone;

	@BeforeEach
	void startBrowsers() throws IOException {
		this.desk = HeadlessChromium.desktop();
		this.phone = HeadlessChromium.phone();
	}

	@AfterEach
	void quitBrowsers() {
		if (this.desk != null) {
			this.desk.close();
		}
		if (this.phone != null) {
			this.phone.close();
		}
	}

	@Test
	void theOfficeGeneratesAFormDrillsIntoANumberAndExportsIt() {
		String code = clueOn(LocalDate.of(2018, 6, 5), HUISHI_VILLAGE, ClueSource.TIP);
		String base = "http://localhost:" + this.port;
		WebDriver d = this.desk.driver();
		this.desk.signIn(this.port, "office", TestAccounts.PASSWORD);
		this.desk.menu("menu-reports");
		this.desk.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("generate-form")));
		new Select(d.findElement(By.id("formId"))).selectByVisibleText("风险线索排查处置情况统计表");
		((JavascriptExecutor) d).executeScript(
				"document.getElementById('from').value = '2018-06-01'; document.getElementById('to').value = '2018-06-30';");
		new Select(d.findElement(By.id("region"))).selectByValue(COUNTY);
		this.desk.screenshot("report-choose.png");
		this.desk.click(By.id("generate"));
		this.desk.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("report-table")));
		assertThat(d.findElement(By.id("title-block")).getText()).contains("填报单位：会宁县", "2018-06-01 至 2018-06-30");
		this.desk.screenshot("report-form.png");

		By tips = By.cssSelector(
				"a.report-number[href*='measure=clue.received'][href*='param=TIP'][href*='region=" + HUISHI + "']");
		assertThat(d.findElement(tips).getText()).isEqualTo("1");
		String exportHref = d.findElement(By.id("export-report")).getAttribute("href");
		this.desk.click(tips);
		this.desk.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("drill-table")));
		assertThat(d.findElement(By.id("drill-summary")).getText()).contains("会师镇", "1 件");
		assertThat(d.findElement(By.id("drill-table")).getText()).contains(code);
		this.desk.screenshot("report-drill.png");

		@SuppressWarnings("unchecked")
		Map<String, Object> download = (Map<String, Object>) ((JavascriptExecutor) d).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0]).then(async r => {
				  const bytes = new Uint8Array(await r.arrayBuffer());
				  done({status: r.status, type: r.headers.get('content-type'),
				    disposition: r.headers.get('content-disposition'), size: bytes.length,
				    zip: bytes[0] === 0x50 && bytes[1] === 0x4b});
				});
				""", exportHref);
		assertThat(download.get("status")).isEqualTo(200L);
		assertThat((String) download.get("type")).startsWith("application/vnd.openxmlformats");
		assertThat((String) download.get("disposition")).contains("attachment").contains(".xlsx");
		assertThat(download.get("zip")).isEqualTo(true);

		WebDriver p = this.phone.driver();
		this.phone.signIn(this.port, "huishi", TestAccounts.PASSWORD);
		p.get(base + "/reports/" + formId("004-clues") + "?from=2018-06-01&to=2018-06-30");
		this.phone.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("report-table")));
		assertThat(p.findElement(By.id("title-block")).getText()).contains("填报单位：会师镇");
		assertThat(((Number) ((JavascriptExecutor) p)
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth")).longValue())
			.as("the page fits a 390 px phone; the wide table scrolls in its own box")
			.isZero();
		this.phone.screenshot("report-form-phone.png");
	}

	/**
	 * 报表定义 speaks Chinese only: an office clerk sets a form up by Chinese labels, and no
	 * measure's code (clue.received, TIP …) reaches the screen unless 高级 is opened, nor
	 * on the list of forms or a generated form — at 1400 px, and on a 390 px phone
	 * without a page wider than the phone.
	 */
	@Test
	void theFormEditorShowsNoMeasureCode() {
		WebDriver d = this.desk.driver();
		String base = "http://localhost:" + this.port;
		this.desk.signIn(this.port, "office", TestAccounts.PASSWORD);
		java.util.Set<String> codes = new java.util.HashSet<>();
		for (Measure m : this.catalog.all()) {
			codes.add(m.code());
			codes.addAll(m.parameters().keySet());
		}
		for (String path : java.util.List.of("/report-forms", "/report-forms/new",
				"/report-forms/" + formId("004-clues"), "/report-forms/" + formId("004-work"),
				"/report-forms/" + formId("004-cross"), "/reports",
				"/reports/" + formId("004-clues") + "?from=2018-06-01&to=2018-06-30")) {
			d.get(base + path);
			this.desk.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
			String shown = (String) ((JavascriptExecutor) d).executeScript("return document.body.innerText");
			java.util.List<String> words = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*")
				.matcher(shown)
				.results()
				.map(java.util.regex.MatchResult::group)
				.filter(w -> codes.contains(w) || codes.stream().anyMatch(c -> c.startsWith(w + ".")))
				.toList();
			assertThat(words).as("measure codes shown on %s", path).isEmpty();
		}
		d.get(base + "/report-forms/" + formId("004-clues"));
		assertThat(d.findElement(By.id("layout-columns")).getText()).contains("受理线索(群众举报)");
		this.desk.screenshot("report-definition.png");

		WebDriver p = this.phone.driver();
		this.phone.signIn(this.port, "office", TestAccounts.PASSWORD);
		for (String path : java.util.List.of("/report-forms", "/report-forms/" + formId("004-work"))) {
			p.get(base + path);
			this.phone.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
			assertThat(((Number) ((JavascriptExecutor) p)
				.executeScript("return document.documentElement.scrollWidth - window.innerWidth")).longValue())
				.as("%s fits a 390 px phone", path)
				.isZero();
		}
		this.phone.screenshot("report-definition-phone.png");
	}

}
