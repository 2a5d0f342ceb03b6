package org.fangfei.app.credit;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.fangfei.app.HeadlessChromium;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
 * Issue 21's credit list in Debian's headless Chromium: a person penalised on a case is
 * listed; the market regulator's clerk opens 失信名单 from the menu, asks by ID number and is
 * told the person is listed, the number masked; the list and the query answer are cards
 * on a phone. Screenshots go to target/screenshots.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(TestAccounts.class)
class CreditBrowserTests extends CreditTestSupport {

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
	void aDepartmentAsksByIdNumberAndIsToldThePersonIsListed() throws Exception {
		String id = idNumber();
		long man = person("浏览器查询" + this.tag, id);
		caseAt("ADMINISTRATIVE", "PENALTY", LocalDate.now().minusDays(3), "会金罚〔2026〕浏" + this.tag, List.of(man));
		entries(man);

		this.browser.signIn(this.port, "market", TestAccounts.PASSWORD);
		this.driver.get("http://localhost:" + this.port + "/");
		this.browser.menu("menu-credit");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("credit-table")));
		assertThat(this.driver.findElement(By.id("credit-table")).getText()).contains("浏览器查询" + this.tag)
			.doesNotContain(id);
		this.browser.screenshot("credit-list.png");
		this.browser.click(By.id("query-link"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("query-form")));
		new Select(this.driver.findElement(By.id("query-key"))).selectByVisibleText("身份证号码");
		this.driver.findElement(By.id("query-value")).sendKeys(id);
		this.browser.click(By.id("query-submit"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("query-verdict")));
		assertThat(this.driver.findElement(By.id("query-verdict")).getText()).contains("在失信名单中")
			.contains(id.substring(0, 6))
			.doesNotContain(id);
		assertThat(this.driver.findElement(By.id("answer-table")).getText()).contains("浏览器查询" + this.tag)
			.contains("行政处罚");
		assertThat(this.driver.getPageSource()).doesNotContain(id);
		this.browser.screenshot("credit-query.png");

		try (HeadlessChromium phone = HeadlessChromium.phone()) {
			phone.signIn(this.port, "market", TestAccounts.PASSWORD);
			phone.driver().get("http://localhost:" + this.port + "/credit/query");
			phone.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("query-form")));
			new Select(phone.driver().findElement(By.id("query-key"))).selectByVisibleText("身份证号码");
			phone.driver().findElement(By.id("query-value")).sendKeys(id);
			phone.click(By.id("query-submit"));
			fitsAPhoneAsCards(phone);
			phone.screenshot("credit-query-phone.png");
			phone.driver().get("http://localhost:" + this.port + "/credit");
			fitsAPhoneAsCards(phone);
			phone.screenshot("credit-list-phone.png");
		}
	}

	@Test
	void theOfficePagesFitADesktopAndAPhone() throws Exception {
		long firm = enterprise("页面检查公司" + this.tag, creditCode());
		caseAt("ADMINISTRATIVE", "PENALTY", LocalDate.now().minusDays(3), "会金罚〔2026〕页" + this.tag, List.of(firm));
		long entry = (Long) entries(firm).get(0).get("id");
		postJson(this.office, "/api/v1/credit/entries/" + entry + "/repairs",
				java.util.Map.of("reason", "已全额退赔，整改验收合格", "docNumber", "会金证〔2026〕" + this.tag));
		String base = "http://localhost:" + this.port;
		this.jdbc.sql("update credit_setting set value = 'true' where key = 'public-list'").update();
		try (HeadlessChromium phone = HeadlessChromium.phone()) {
			this.browser.signIn(this.port, "chief", TestAccounts.PASSWORD);
			phone.signIn(this.port, "chief", TestAccounts.PASSWORD);
			for (String[] page : new String[][] { { "/credit/" + entry, "repairs", "credit-entry" },
					{ "/credit/repairs", "repair-table", "credit-repairs" },
					{ "/credit/log", "log-table", "credit-log" },
					{ "/credit/settings", "settings-form", "credit-settings" },
					{ "/credit/public", "public-table", "credit-public" } }) {
				for (HeadlessChromium b : List.of(this.browser, phone)) {
					b.driver().get(base + page[0]);
					b.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id(page[1])));
					Object overflow = ((JavascriptExecutor) b.driver())
						.executeScript("return document.documentElement.scrollWidth > window.innerWidth");
					assertThat(overflow).as("%s fits the window", page[0]).isEqualTo(false);
					b.screenshot(page[2] + (b == phone ? "-phone" : "") + ".png");
				}
			}
			assertThat(this.driver.findElement(By.id("public-table")).getText()).contains("页面检查公司" + this.tag);
			this.driver.get(base + "/credit/" + entry);
			this.browser.click(By.id("approve"));
			this.wait.until(ExpectedConditions.textToBe(By.id("entry-status"), "信用修复移出"));
		}
		finally {
			this.jdbc.sql("update credit_setting set value = 'false' where key = 'public-list'").update();
		}
	}

	private static void fitsAPhoneAsCards(HeadlessChromium phone) {
		phone.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.table-cards td[data-label]")));
		String page = phone.driver().getCurrentUrl();
		Object overflow = ((JavascriptExecutor) phone.driver())
			.executeScript("return document.documentElement.scrollWidth > window.innerWidth");
		assertThat(overflow).as("%s fits a phone's width", page).isEqualTo(false);
		Object header = ((JavascriptExecutor) phone.driver())
			.executeScript("return getComputedStyle(document.querySelector('table.table-cards thead')).display");
		assertThat(header).as("rows are cards on a phone").isEqualTo("none");
	}

}
