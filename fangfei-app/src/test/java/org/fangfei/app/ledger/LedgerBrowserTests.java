package org.fangfei.app.ledger;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fangfei.app.HeadlessChromium;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Issue 15's monthly ledger in Debian's headless Chromium: 会师镇's clerk opens 月度台账 from
 * the menu, generates a month and submits it; the county office returns it with a reason;
 * the township regenerates and resubmits; the office accepts and exports it. The board
 * and the ledger are cards on a phone. Screenshots go to target/screenshots.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(TestAccounts.class)
class LedgerBrowserTests extends LedgerTestSupport {

	@LocalServerPort
	private int port;

	private HeadlessChromium township;

	private HeadlessChromium county;

	@BeforeEach
	void startBrowsers() throws IOException {
		this.township = HeadlessChromium.desktop();
		this.county = HeadlessChromium.desktop();
	}

	@AfterEach
	void quitBrowsers() {
		if (this.township != null) {
			this.township.close();
		}
		if (this.county != null) {
			this.county.close();
		}
	}

	@Test
	void theTownshipSubmitsTheCountyReturnsTheTownshipResubmitsTheCountyAcceptsAndExports() throws Exception {
		subjectAt("2018-06-12T10:00:00", "浏览器台账公司", HUISHI_VILLAGE);
		String base = "http://localhost:" + this.port;

		this.township.signIn(this.port, "huishi", TestAccounts.PASSWORD);
		this.township.driver().get(base + "/");
		this.township.menu("menu-ledgers");
		this.township.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("ledger-board")));
		WebElement month = this.township.driver().findElement(By.id("generate-month"));
		month.clear();
		month.sendKeys("2018-06");
		this.township.click(By.id("generate-submit"));
		this.township.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("section-subjects")));
		assertThat(this.township.driver().findElement(By.id("section-subjects")).getText())
			.contains("浏览器台账公司" + this.tag)
			.contains("本月新增(含迁入)");
		String ledgerUrl = this.township.driver().getCurrentUrl();
		this.township.driver().findElement(By.id("submit-note")).sendKeys("请审核");
		this.township.click(By.id("submit"));
		expectStatus(this.township, "已上报待审核");
		this.township.screenshot("ledger-submitted.png");

		this.county.signIn(this.port, "office", TestAccounts.PASSWORD);
		this.county.driver().get(ledgerUrl);
		this.county.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("return-reason")));
		this.county.click(By.id("return"));
		this.county.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("action-error")));
		assertThat(this.county.driver().findElement(By.id("action-error")).getText()).isEqualTo("请填写退回原因");
		this.county.driver().findElement(By.id("return-reason")).sendKeys("案件台账缺少本月进展，请核实后重新生成");
		this.county.click(By.id("return"));
		expectStatus(this.county, "已退回待重报");

		this.township.driver().get(ledgerUrl);
		assertThat(this.township.driver().findElement(By.id("ledger-timeline")).getText())
			.contains("案件台账缺少本月进展，请核实后重新生成");
		this.township.click(By.id("regenerate"));
		this.township.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("submit")));
		this.township.driver().findElement(By.id("submit-note")).sendKeys("已核实，重新上报");
		this.township.click(By.id("submit"));
		expectStatus(this.township, "已上报待审核");

		this.county.driver().get(ledgerUrl);
		this.county.click(By.id("accept"));
		expectStatus(this.county, "审核通过");
		assertThat(this.county.driver().findElement(By.id("ledger-status")).getText()).contains("第 2 版(共 2 版)")
			.contains("2018-07-05");
		assertThat(this.county.driver().findElement(By.id("ledger-timeline")).getText()).contains("生成第 1 版")
			.contains("退回")
			.contains("上报第 2 版")
			.contains("审核通过");
		this.county.screenshot("ledger-accepted.png");

		String href = this.county.driver().findElement(By.id("export-link")).getAttribute("href");
		byte[] xlsx = this.mvc.perform(get(href.substring(base.length())).with(user(this.office)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(wb.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo("会师镇 2018-06 月度动态台账");
			assertThat(wb.getSheetAt(0).getRow(3).getCell(1).getStringCellValue()).isEqualTo("第 2 版");
		}

		try (HeadlessChromium phone = HeadlessChromium.phone()) {
			phone.signIn(this.port, "office", TestAccounts.PASSWORD);
			for (String page : new String[] { "/ledgers", ledgerUrl.substring(base.length()), "/ledgers/city" }) {
				phone.driver().get(base + page);
				phone.waiting()
					.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.table-cards")));
				Object overflow = ((JavascriptExecutor) phone.driver())
					.executeScript("return document.documentElement.scrollWidth > window.innerWidth");
				assertThat(overflow).as("%s fits a phone's width", page).isEqualTo(false);
			}
			phone.screenshot("ledger-phone.png");
		}
	}

	private static void expectStatus(HeadlessChromium browser, String status) {
		browser.waiting().until(ExpectedConditions.textToBe(By.id("status-label"), status));
	}

}
