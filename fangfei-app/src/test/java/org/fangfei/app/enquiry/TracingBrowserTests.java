package org.fangfei.app.enquiry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import org.fangfei.app.HeadlessChromium;
import org.fangfei.app.TestAccounts;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DataScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * From the enquiry to the traced graph in Debian's headless Chromium: the office drafts
 * an enquiry from the menu, the office head approves it, the office loads two banks'
 * statements (a GBK CSV and an .xls) and opens the tracing, where the graph is drawn and
 * the trace from the collection account shows the money reaching the controller.
 * Screenshots go to target/screenshots.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(TestAccounts.class)
class TracingBrowserTests {

	@LocalServerPort
	private int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	TestAccounts accounts;

	@Autowired
	Enquiries enquiries;

	private HeadlessChromium browser;

	private WebDriver driver;

	private WebDriverWait wait;

	@BeforeEach
	void startBrowser() throws IOException {
		this.browser = HeadlessChromium.desktop();
		this.driver = this.browser.driver();
		this.wait = this.browser.waiting();
	}

	@AfterEach
	void quitBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void theOfficeGoesFromAnEnquiryToTheTracedGraph() throws Exception {
		String tag = Long.toString(System.nanoTime(), 36);
		long caseId = openCase(tag);
		this.accounts.ready("office");
		this.browser.signIn(this.port, "office", TestAccounts.PASSWORD);
		this.driver.get("http://localhost:" + this.port + "/");
		this.browser.menu("menu-enquiries");
		this.browser.click(By.id("new-enquiry"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("enquiry-form")));
		new Select(this.driver.findElement(By.id("matterId"))).selectByValue(Long.toString(caseId));
		this.driver.findElement(By.id("bank")).sendKeys("会宁县农村信用合作联社" + tag);
		((JavascriptExecutor) this.driver).executeScript("document.getElementById('periodFrom').value = '2025-01-01';"
				+ "document.getElementById('periodTo').value = '2025-12-31';");
		this.driver.findElement(By.id("accounts"))
			.sendKeys(StatementSamples.COLLECTION + " 会宁县金穗农业发展有限公司\n" + StatementSamples.CONTROLLER + " 周某");
		this.driver.findElement(By.id("reason")).sendKeys("查明集资款去向");
		this.browser.click(By.id("submit-enquiry"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("status")));
		assertThat(this.driver.findElement(By.id("status")).getText()).isEqualTo("待审批");
		assertThat(this.driver.findElements(By.id("decide-form"))).as("the office cannot decide").isEmpty();
		String url = this.driver.getCurrentUrl();
		long id = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
		this.enquiries.decide(id, true, "同意",
				new Actor(0, "chief", "周强", "620422000000", null, true, Set.of("OFFICE_HEAD"),
						Set.of(ApprovalNeedsOfficeHead.APPROVE), DataScope.jurisdiction("620422000000")));

		this.driver.navigate().refresh();
		load(StatementSamples.cooperativeCsv(EnquiryTests.account(), EnquiryTests.account(), EnquiryTests.account(),
				""), "信用社.csv");
		assertThat(this.driver.findElement(By.id("done")).getText()).contains("交易 4 笔");
		load(StatementSamples.bankXls(), "建行.xls");
		assertThat(this.driver.findElement(By.id("done")).getText()).contains("交易 2 笔").contains("重复的 1 笔");
		this.browser.screenshot("enquiry.png");

		this.browser.click(By.id("to-trace"));
		this.wait.until(ExpectedConditions.attributeToBe(By.id("trace-graph"), "data-drawn", "true"));
		assertThat(this.driver.findElement(By.id("trace-graph")).getAttribute("data-nodes")).isEqualTo("7");
		assertThat(this.driver.findElement(By.id("trace-graph")).getSize().getHeight()).as("the graph is visible")
			.isGreaterThan(300);
		assertThat(this.driver.findElements(By.cssSelector("#trace-graph canvas"))).isNotEmpty();
		this.browser.click(By.id("trace"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("trace-result")));
		assertThat(this.driver.findElement(By.id("trace-result")).getText()).contains("第 1 层合计 80,000.00 元")
			.contains("第 2 层合计 70,000.00 元")
			.contains("周某");
		this.wait.until(ExpectedConditions.attributeToBe(By.id("trace-graph"), "data-drawn", "true"));
		this.browser.screenshot("tracing.png");

		// the case ledger from the traced inflows, in one reviewed step: the largest two
		// taken with their ID numbers typed (the statement shows none), the third
		// unticked
		this.browser.click(By.id("to-ledger"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("participant-table")));
		List<WebElement> picks = this.driver.findElements(By.cssSelector("#participant-table input[name=pick]"));
		assertThat(picks).hasSize(3);
		assertThat(this.driver.findElement(By.id("participant-totals")).getText())
			.isEqualTo("共 3 人，转入归集账户 100,000.00 元，转回 0.00 元");
		String first = picks.get(0).getAttribute("value");
		String second = picks.get(1).getAttribute("value");
		String third = picks.get(2).getAttribute("value");
		assertThat(this.driver.findElement(By.id("name-" + first)).getAttribute("value")).isEqualTo("张三");
		assertThat(this.driver.findElement(By.id("in-" + first)).getAttribute("value")).isEqualTo("50000.00");
		this.driver.findElement(By.id("id-" + first)).sendKeys(EnquiryTests.idNumber());
		this.driver.findElement(By.id("id-" + second)).sendKeys(EnquiryTests.idNumber());
		this.browser.click(By.id("pick-" + third));
		this.browser.screenshot("ledger.png");
		this.browser.click(By.id("confirm-ledger"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
		assertThat(this.driver.findElement(By.id("done")).getText())
			.isEqualTo("已导入本案台账：参与人 2 人（投入 80,000.00 元，已收回 0.00 元），资产 0 项（0.00 元）");
		assertThat(this.driver.findElements(By.cssSelector("#participant-table input[name=pick]")))
			.as("the two registered are not offered again")
			.hasSize(1);

		// on a phone: the graph fits the width, the legend below it, and no page is wider
		// than the screen
		String tracing = this.driver.getCurrentUrl().replace("/ledger", "");
		String ledger = this.driver.getCurrentUrl();
		this.browser.close();
		this.browser = HeadlessChromium.phone();
		this.driver = this.browser.driver();
		this.wait = this.browser.waiting();
		this.browser.signIn(this.port, "office", TestAccounts.PASSWORD);
		this.driver.get(tracing);
		this.wait.until(ExpectedConditions.attributeToBe(By.id("trace-graph"), "data-drawn", "true"));
		assertThat(this.driver.findElement(By.id("trace-graph")).getSize().getWidth()).isLessThanOrEqualTo(390);
		assertNoSidewaysScroll();
		this.browser.screenshot("tracing-phone.png");
		this.driver.get(ledger);
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("participant-table")));
		assertNoSidewaysScroll();
		this.browser.screenshot("ledger-phone.png");
		this.driver.get("http://localhost:" + this.port + "/enquiries");
		assertNoSidewaysScroll();
		this.driver.get("http://localhost:" + this.port + "/enquiries/" + id);
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("statement-table")));
		assertNoSidewaysScroll();
		this.browser.screenshot("enquiry-phone.png");
		// a layout the guess does not know: the column-mapping page, long header names
		// and
		// all, fits the phone too
		upload(("时间戳,方向,数额,对方卡号,对方户名,对方开户机构名称全称,交易渠道与网点说明\n"
				+ "2025-05-01 08:00:00,贷,10.00,6222000000001,甲,中国农业银行股份有限公司会宁县支行营业部,手机银行转账\n")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8), "新格式.csv");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("mapping-form")));
		assertNoSidewaysScroll();
		this.browser.screenshot("mapping-phone.png");
		this.driver.get(tracing + "/accounts/" + first);
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("counterparty-table")));
		assertNoSidewaysScroll();
		this.browser.screenshot("account-phone.png");
	}

	private void assertNoSidewaysScroll() {
		Object wide = ((JavascriptExecutor) this.driver)
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
		assertThat(((Number) wide).intValue()).as("page wider than the phone: %s", this.driver.getCurrentUrl())
			.isLessThanOrEqualTo(0);
	}

	private void load(byte[] bytes, String name) throws IOException {
		upload(bytes, name);
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
	}

	/** Sends a statement file through the enquiry's upload form. */
	private void upload(byte[] bytes, String name) throws IOException {
		Path dir = Files.createTempDirectory("statement");
		Path file = dir.resolve(name);
		Files.write(file, bytes);
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("statement-form")));
		this.driver.findElement(By.cssSelector("#statement-form input[type=file]")).sendKeys(file.toString());
		WebElement before = this.driver.findElement(By.tagName("main"));
		this.browser.click(By.id("load-statement"));
		this.wait.until(ExpectedConditions.stalenessOf(before));
		Files.delete(file);
		Files.delete(dir);
	}

	private long openCase(String tag) throws Exception {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("title", "浏览器穿透案 " + tag);
		form.put("origin", "LEGACY");
		form.put("path", "CRIMINAL");
		form.put("stage", "FILED");
		form.put("stageOn", LocalDate.now().minusMonths(2).toString());
		form.put("docNumber", "会公立〔2026〕浏" + tag);
		form.put("unit", "会宁县公安局");
		form.put("regionCode", "620422100001");
		form.put("amountRaised", "3000000");
		form.put("participantsCount", 200);
		MockHttpServletResponse r = this.mvc
			.perform(post("/api/v1/cases").with(user(this.accounts.ready("office")))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(form)))
			.andReturn()
			.getResponse();
		assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
		return JsonPath.parse(r.getContentAsString()).read("$.id", Long.class);
	}

}
