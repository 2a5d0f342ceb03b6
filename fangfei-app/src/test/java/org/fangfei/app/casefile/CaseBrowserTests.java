package org.fangfei.app.casefile;

import java.io.IOException;

import org.fangfei.app.HeadlessChromium;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21 in Debian's headless Chromium: a clue determined as suspected illegal
 * fundraising (taken there through the clue API) waits on the office's list; the office
 * clerk opens its case, moves it along the administrative path to 清退, records a realised
 * asset and a participant, accepts the claim and makes a refund batch; the penalty
 * (处罚/取缔) puts the clue's enterprise on the credit list (失信名单). Screenshots go to
 * target/screenshots.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(TestAccounts.class)
class CaseBrowserTests extends CaseTestSupport {

	@LocalServerPort
	private int port;

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
	void fromADeterminedClueToItsCaseToARefundBatchAndTheCreditList() throws Exception {
		String enterprise = "会宁县鑫诚投资咨询有限公司" + this.tag;
		long clue = determinedClue("SUSPECTED_ILLEGAL", "300000", java.util.List.of(enterprise(enterprise)));
		this.browser.signIn(this.port, "office", TestAccounts.PASSWORD);
		this.driver.get("http://localhost:" + this.port + "/cases/candidates");
		this.browser.click(By.id("open-" + clue));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case-form")));
		assertThat(new Select(this.driver.findElement(By.id("path"))).getFirstSelectedOption().getText())
			.isEqualTo("行政处置");
		this.driver.findElement(By.id("docNumber")).sendKeys("会处非调〔2026〕" + this.tag);
		this.driver.findElement(By.id("unit")).sendKeys("会宁县处非办");
		this.browser.screenshot("case-open.png");
		this.browser.click(By.id("save-case"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case-code")));
		assertThat(text("case-stage")).isEqualTo("行政调查");
		assertThat(text("case-clue")).startsWith("XS");

		// 清退 waits for its stability risk assessment (三同步), registered through the
		// petition API
		assessed(Long.parseLong(this.driver.getCurrentUrl().replaceAll(".*/cases/(\\d+).*", "$1")), "REFUND_START");
		for (String next : new String[] { "认定", "处罚/取缔", "清退" }) {
			new Select(this.driver.findElement(By.name("stage"))).selectByVisibleText(next);
			type("#stage-form [name=docNumber]", "文书-" + next);
			type("#stage-form [name=unit]", "会宁县处非办");
			this.browser.click(By.id("advance"));
			this.wait.until(ExpectedConditions.textToBe(By.id("case-stage"), next));
		}

		type("#asset-form [name=description]", "冻结账户资金");
		new Select(this.driver.findElement(By.cssSelector("#asset-form [name=status]"))).selectByVisibleText("已变现");
		type("#asset-form [name=value]", "50000");
		type("#asset-form [name=realised]", "50000");
		this.browser.click(By.id("add-asset"));
		this.wait.until(ExpectedConditions.textToBe(By.id("realised"), "50,000.00"));

		type("#participant-form [name=name]", "李四");
		type("#participant-form [name=idNumber]", idNumber(41));
		type("#participant-form [name=invested]", "30000");
		type("#participant-form [name=received]", "1000");
		this.browser.click(By.id("add-participant"));
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("participant-table"), "李四"));
		assertThat(this.driver.findElement(By.id("participant-table")).getText()).doesNotContain(idNumber(41))
			.contains(idNumber(41).substring(0, 6) + "********");
		this.browser.click(By.cssSelector("button[id^=accept-]"));
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("participant-table"), "已核实"));

		type("#refund-form [name=amount]", "99999");
		this.browser.click(By.id("distribute"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("action-error")));
		assertThat(text("action-error")).contains("超过已核实参与人尚未清退的损失合计 29,000.00 元");
		type("#refund-form [name=amount]", "14500");
		this.browser.click(By.id("distribute"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("batch-summary")));
		assertThat(text("batch-summary")).isEqualTo("本批清退 14,500.00 元，1 人，已记录付款 0 笔");
		this.browser.screenshot("case-refund-batch.png");
		type("#paid-form [name=paidRef]", "YH-" + this.tag);
		this.browser.click(By.id("mark-paid"));
		this.wait.until(ExpectedConditions.textToBe(By.id("batch-summary"), "本批清退 14,500.00 元，1 人，已记录付款 1 笔"));
		this.browser.click(By.linkText(this.driver.findElement(By.cssSelector("h1 a")).getText()));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("participant-totals")));
		assertThat(text("participant-totals")).contains("清退比例 50.00%");
		this.browser.screenshot("case-page.png");
		String page = this.driver.getCurrentUrl();

		// the penalty (处罚/取缔) listed the clue's enterprise: the credit list shows it,
		// with
		// the penalty's document as its basis
		String credit = "http://localhost:" + this.port + "/credit?text="
				+ java.net.URLEncoder.encode(enterprise, java.nio.charset.StandardCharsets.UTF_8);
		this.wait.until(d -> {
			d.get(credit);
			return d.getPageSource().contains(enterprise);
		});
		this.browser.click(By.partialLinkText(enterprise));
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("entry-basis"), "文书-处罚/取缔"));
		this.browser.screenshot("case-credit-entry.png");
		this.driver.get(page);
		try (HeadlessChromium phone = HeadlessChromium.phone()) {
			phone.signIn(this.port, "office", TestAccounts.PASSWORD);
			phone.driver().get(page);
			phone.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("case-code")));
			Object overflow = ((org.openqa.selenium.JavascriptExecutor) phone.driver())
				.executeScript("return document.documentElement.scrollWidth > window.innerWidth");
			assertThat(overflow).as("the case page fits a phone's width").isEqualTo(false);
			phone.screenshot("case-page-phone.png");
		}
	}

	private String text(String id) {
		return this.driver.findElement(By.id(id)).getText().strip();
	}

	private void type(String css, String value) {
		var field = this.driver.findElement(By.cssSelector(css));
		field.clear();
		field.sendKeys(value);
	}

}
