package org.fangfei.app.petition;

import java.io.IOException;

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
 * Issue 21 in Debian's headless Chromium: the 会师镇 clerk registers a collective petition
 * from the menu, accepts it, replies and records the petitioners' satisfaction; the list
 * and the petition page fit a phone, the list as one card per petition. Screenshots go to
 * target/screenshots.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(TestAccounts.class)
class PetitionBrowserTests extends PetitionTestSupport {

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
	void aPetitionFromRegistrationToTheReplyAndTheListOnAPhone() throws Exception {
		this.browser.signIn(this.port, "huishi", TestAccounts.PASSWORD);
		this.browser.menu("menu-petitions");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("petition-table")));
		this.browser.click(By.id("new-petition"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("petition-form")));
		new Select(this.driver.findElement(By.id("channel"))).selectByVisibleText("来访");
		new Select(this.driver.findElement(By.id("levelReached"))).selectByVisibleText("市级");
		type("petitionersCount", "8");
		((JavascriptExecutor) this.driver).executeScript("document.getElementById('regionCode').value = arguments[0]",
				HUISHI_VILLAGE);
		type("request", "理财产品到期未兑付，要求返还本金 " + this.tag);
		type("petitioner-name-0", "王" + this.tag);
		type("petitioner-id-0", "123");
		type("petitioner-name-1", "李" + this.tag);
		this.browser.click(By.id("save-petition"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-errors")));
		assertThat(this.driver.findElement(By.id("form-errors")).getText()).contains("第1名信访人：身份证号不正确");
		type("petitioner-id-0", idNumber(601));
		this.browser.screenshot("petition-form.png");
		this.browser.click(By.id("save-petition"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("petition-code")));
		assertThat(text("petition-status")).isEqualTo("待受理");
		assertThat(this.driver.findElements(By.id("collective-badge"))).hasSize(1);
		assertThat(this.driver.findElement(By.id("petitioner-table")).getText())
			.contains("王" + this.tag, "李" + this.tag)
			.doesNotContain(idNumber(601));

		this.browser.click(By.id("accept"));
		this.wait.until(ExpectedConditions.textToBe(By.id("petition-status"), "办理中"));
		assertThat(text("finish-due")).matches("\\d{4}-\\d{2}-\\d{2}");
		type(By.cssSelector("#reply-form [name=reply]"), "经核实，已责令公司制定兑付方案");
		this.browser.click(By.id("send-reply"));
		this.wait.until(ExpectedConditions.textToBe(By.id("petition-status"), "已答复"));
		new Select(this.driver.findElement(By.cssSelector("#rate-form [name=satisfaction]")))
			.selectByVisibleText("基本满意");
		this.browser.click(By.id("rate"));
		this.wait.until(ExpectedConditions.textToBe(By.id("petition-status"), "已办结"));
		assertThat(text("satisfaction")).isEqualTo("基本满意");
		assertThat(this.driver.findElement(By.id("timeline-list")).getText()).contains("登记", "受理告知", "答复", "评价");
		this.browser.screenshot("petition-page.png");
		String page = this.driver.getCurrentUrl();

		try (HeadlessChromium phone = HeadlessChromium.phone()) {
			phone.signIn(this.port, "huishi", TestAccounts.PASSWORD);
			phone.driver().get("http://localhost:" + this.port + "/petitions?text=" + this.tag);
			phone.waiting()
				.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#petition-table tbody td")));
			assertThat(number(phone, "return document.documentElement.scrollWidth - window.innerWidth"))
				.as("the list fits the phone")
				.isLessThanOrEqualTo(0);
			assertThat(phone.driver().findElement(By.cssSelector("#petition-table thead")).isDisplayed()).isFalse();
			assertThat(number(phone, """
					return Math.min(...Array.from(document.querySelectorAll('#petition-table tbody tr td[data-label]'))
					  .filter(td => td.offsetParent !== null).map(td => td.getBoundingClientRect().width))"""))
				.as("each cell a full-width line of its card")
				.isGreaterThanOrEqualTo(300);
			phone.screenshot("petitions-phone.png");
			phone.driver().get(page);
			phone.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("petition-code")));
			assertThat(number(phone, "return document.documentElement.scrollWidth - window.innerWidth"))
				.as("the petition page fits the phone")
				.isLessThanOrEqualTo(0);
			phone.screenshot("petition-page-phone.png");
		}
	}

	private static long number(HeadlessChromium browser, String script) {
		return ((Number) ((JavascriptExecutor) browser.driver()).executeScript(script)).longValue();
	}

	private String text(String id) {
		return this.driver.findElement(By.id(id)).getText().strip();
	}

	private void type(String id, String value) {
		type(By.id(id), value);
	}

	private void type(By by, String value) {
		var field = this.driver.findElement(by);
		field.clear();
		field.sendKeys(value);
	}

}
