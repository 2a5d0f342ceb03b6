package org.fangfei.app.campaign;

import java.io.IOException;
import java.time.YearMonth;

import org.fangfei.app.HeadlessChromium;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15's campaign in Debian's headless Chromium: the office opens 行动模板 from the menu
 * and copies 004's campaign; 会师镇's clerk reports progress on its task 2; the office's
 * board shows it. The board scrolls inside its frame on a phone. Screenshots go to
 * target/screenshots.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(TestAccounts.class)
class CampaignBrowserTests extends CampaignTestSupport {

	@LocalServerPort
	private int port;

	private HeadlessChromium county;

	private HeadlessChromium township;

	@BeforeEach
	void startBrowsers() throws IOException {
		this.county = HeadlessChromium.desktop();
		this.township = HeadlessChromium.desktop();
	}

	@AfterEach
	void quitBrowsers() {
		if (this.county != null) {
			this.county.close();
		}
		if (this.township != null) {
			this.township.close();
		}
	}

	@Test
	void theOfficeCopiesTheTemplateAUnitReportsAndTheBoardShowsIt() throws Exception {
		String base = "http://localhost:" + this.port;
		YearMonth month = YearMonth.from(this.today);
		this.county.signIn(this.port, "office", TestAccounts.PASSWORD);
		this.county.driver().get(base + "/");
		this.county.menu("menu-campaign-template");
		this.county.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("copy-form")));
		assertThat(this.county.driver().findElement(By.id("template-tasks")).getText()).contains("保持刑事打击主动性")
			.contains("区公安分局");
		((JavascriptExecutor) this.county.driver()).executeScript(
				"document.getElementById('name').value = arguments[0];"
						+ "document.getElementById('startsOn').value = arguments[1];"
						+ "document.getElementById('endsOn').value = arguments[2];",
				"浏览器行动" + this.tag, month.atDay(1).toString(), month.plusMonths(17).atEndOfMonth().toString());
		this.county.click(By.cssSelector("#copy-form button[type=submit]"));
		this.county.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("task-list")));
		String campaignUrl = this.county.driver().getCurrentUrl();
		assertThat(this.county.driver().findElement(By.id("task-list")).getText()).contains("各街道组织落实").contains("县公安局");
		this.county.screenshot("campaign-copied.png");

		this.township.signIn(this.port, "huishi", TestAccounts.PASSWORD);
		this.township.driver().get(campaignUrl);
		this.township.click(By.xpath("//tr[contains(., '各街道组织落实')]//a[contains(., '本单位报送')]"));
		this.township.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("report-form")));
		this.township.driver().findElement(By.id("body")).sendKeys("全镇分片包村排查完毕");
		this.township.driver().findElement(By.id("figures")).sendKeys("排查主体：42");
		this.township.click(By.cssSelector("#report-form button[type=submit]"));
		this.township.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".report")));
		assertThat(this.township.driver().findElement(By.cssSelector(".report")).getText()).contains("全镇分片包村排查完毕")
			.contains("排查主体：42")
			.contains("按期报送");
		this.township.screenshot("campaign-reported.png");

		this.county.driver().get(campaignUrl + "/board");
		this.county.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("board")));
		String row = this.county.driver()
			.findElement(By.xpath("//table[@id='board']//tr[contains(., '各街道组织落实')]"))
			.getText();
		assertThat(row).contains("按期报送·牵头").contains("待报送·牵头");
		this.county.screenshot("campaign-board.png");

		try (HeadlessChromium phone = HeadlessChromium.phone()) {
			phone.signIn(this.port, "office", TestAccounts.PASSWORD);
			for (String page : new String[] { campaignUrl, campaignUrl + "/board" }) {
				phone.driver().get(page);
				Object overflow = ((JavascriptExecutor) phone.driver())
					.executeScript("return document.documentElement.scrollWidth > window.innerWidth");
				assertThat(overflow).as("%s fits a phone's width", page).isEqualTo(false);
			}
			phone.screenshot("campaign-board-phone.png");
		}
	}

}
