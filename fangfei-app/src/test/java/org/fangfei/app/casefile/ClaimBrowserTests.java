package org.fangfei.app.casefile;

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

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Self-registration in Debian's headless Chromium: the office opens a registration window
 * on the case page; a participant registers on a 390 px phone without an account and
 * keeps the claim code; the office compares the claim with the register and accepts it;
 * the participant's tracking page shows it accepted. Screenshots go to
 * target/screenshots.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(TestAccounts.class)
class ClaimBrowserTests extends ClaimTestSupport {

	@LocalServerPort
	private int port;

	private HeadlessChromium deskBrowser;

	private HeadlessChromium phone;

	@BeforeEach
	void startBrowsers() throws IOException {
		this.deskBrowser = HeadlessChromium.desktop();
		this.phone = HeadlessChromium.phone();
	}

	@AfterEach
	void quitBrowsers() {
		if (this.deskBrowser != null) {
			this.deskBrowser.close();
		}
		if (this.phone != null) {
			this.phone.close();
		}
	}

	@Test
	void aParticipantRegistersOnAPhoneAndTheOfficeAcceptsTheClaim() throws Exception {
		long caseId = register(this.office, caseForm("ADMINISTRATIVE", "ADMIN_INVESTIGATION"));
		String base = "http://localhost:" + this.port;
		WebDriver desk = this.deskBrowser.driver();
		this.deskBrowser.signIn(this.port, "office", TestAccounts.PASSWORD);
		desk.get(base + "/cases/" + caseId);
		this.deskBrowser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("window-form")));
		desk.findElement(By.id("notice")).sendKeys("请如实登记出资和已收回金额 " + this.tag);
		this.deskBrowser.click(By.id("open-window"));
		this.deskBrowser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("claim-window-list"), "登记中"));
		this.deskBrowser.screenshot("claim-case-window.png");
		long window = windowOf(caseId);

		WebDriver p = this.phone.driver();
		p.get(base + "/claim");
		this.phone.click(By.id("register-" + window));
		this.phone.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("claim-form")));
		String id = freshId();
		type(p, "name", "王秀英");
		type(p, "idNumber", id);
		type(p, "phone", "13912345678");
		type(p, "invested", "50000");
		type(p, "received", "2000");
		type(p, "bankName", "中国农业银行会宁县支行");
		type(p, "accountHolder", "王秀英");
		type(p, "account", "6228480000000000017");
		type(p, "captcha", "42");
		assertThat(overflow(p)).as("the form fits a 390 px phone").isZero();
		this.phone.screenshot("claim-form-phone.png");
		this.phone.click(By.id("claim-submit"));
		this.phone.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("claim-code")));
		String code = p.findElement(By.id("claim-code")).getText().strip();
		assertThat(code).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
		this.phone.screenshot("claim-sent-phone.png");

		desk.get(base + "/cases/" + caseId);
		this.deskBrowser.waiting().until(ExpectedConditions.textToBe(By.id("claims-waiting"), "1"));
		this.deskBrowser.click(By.id("open-claims"));
		long claim = latestClaim(caseId);
		this.deskBrowser.click(By.id("open-claim-" + claim));
		this.deskBrowser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("side-by-side")));
		assertThat(desk.findElement(By.id("detail-match")).getText()).isEqualTo("台账无记录");
		assertThat(desk.findElement(By.id("claim-detail")).getText()).doesNotContain(id)
			.contains(id.substring(0, 6) + "********");
		this.deskBrowser.screenshot("claim-check.png");
		this.deskBrowser.click(By.id("accept-claim"));
		this.deskBrowser.waiting().until(ExpectedConditions.textToBe(By.id("done"), "已核实"));
		assertThat(desk.findElement(By.id("claim-" + claim)).getText()).contains("已认可");
		desk.get(base + "/cases/" + caseId);
		this.deskBrowser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("participant-table"), "王秀英"));

		p.get(base + "/claim/track");
		type(p, "code", code);
		this.phone.click(By.id("track-submit"));
		this.phone.waiting().until(ExpectedConditions.textToBe(By.id("claim-status"), "已认可"));
		assertThat(overflow(p)).as("the tracking page fits a 390 px phone").isZero();
		this.phone.screenshot("claim-status-phone.png");
	}

	private static void type(WebDriver driver, String id, String value) {
		var field = driver.findElement(By.id(id));
		field.clear();
		field.sendKeys(value);
	}

	private static long overflow(WebDriver driver) {
		return ((Number) ((JavascriptExecutor) driver)
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth")).longValue();
	}

}
