package org.fangfei.app.evaluation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

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
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Issue 15's evaluation in Debian's headless Chromium: 会师镇's clerk opens 无非法集资社区(村)创建
 * from the menu, nominates a village, gives the evidence the records lack and submits the
 * self-assessment; the county office certifies it; the office exports the scores. The
 * pages fit a phone. Screenshots go to target/screenshots. Year 2002 belongs to this
 * class.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(TestAccounts.class)
class EvaluationBrowserTests extends EvaluationTestSupport {

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
	void theTownshipSelfAssessesTheCountyCertifiesAndTheScoresAreExported() throws Exception {
		String base = "http://localhost:" + this.port;
		this.township.signIn(this.port, "huishi", TestAccounts.PASSWORD);
		this.township.driver().get(base + "/");
		this.township.menu("menu-communities");
		this.township.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("drive-phases")));
		this.township.driver().get(base + "/evaluation/communities?year=2002");
		new Select(this.township.driver().findElement(By.id("nominate-region"))).selectByValue(HUISHI_VILLAGE);
		this.township.click(By.id("nominate"));
		this.township.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("checklist")));
		String url = this.township.driver().getCurrentUrl();

		this.township.click(By.id("submit-assessment"));
		this.township.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("action-error")));
		assertThat(this.township.driver().findElement(By.id("action-error")).getText())
			.startsWith("以下创建标准尚未达到或缺少佐证，不能上报");
		List<String> items = new Select(this.township.driver().findElement(By.id("evidence-item"))).getOptions()
			.stream()
			.map(o -> o.getAttribute("value"))
			.toList();
		for (String item : items) {
			WebElement row = this.township.driver().findElement(By.id("item-" + item));
			if (row.getText().contains("未达到")) {
				new Select(this.township.driver().findElement(By.id("evidence-item"))).selectByValue(item);
				this.township.driver().findElement(By.id("evidence-note")).sendKeys("浏览器佐证 " + item);
				this.township.click(By.id("add-evidence"));
				this.township.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
			}
		}
		this.township.click(By.id("submit-assessment"));
		this.township.waiting().until(ExpectedConditions.textToBe(By.id("community-status"), "自评已上报待审核"));
		this.township.screenshot("community-submitted.png");

		this.county.signIn(this.port, "office", TestAccounts.PASSWORD);
		this.county.driver().get(url);
		this.county.click(By.id("certify"));
		this.county.waiting().until(ExpectedConditions.textToBe(By.id("community-status"), "已认定"));
		assertThat(this.county.driver().findElement(By.id("certified-on")).getText()).isNotBlank();
		assertThat(this.county.driver().findElement(By.id("community-timeline")).getText()).contains("推荐", "自评上报",
				"认定");
		this.county.screenshot("community-certified.png");

		this.county.driver().get(base + "/evaluation?year=2002");
		this.county.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("ranking")));
		String href = this.county.driver().findElement(By.id("export-scores")).getAttribute("href");
		this.county.screenshot("evaluation-scores.png");
		byte[] xlsx = this.mvc.perform(get(href.substring(base.length())).with(user(this.office)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(wb.getSheet("得分排名").getRow(0).getCell(0).getStringCellValue()).isEqualTo("排名");
			assertThat(wb.getSheet("得分排名").getPhysicalNumberOfRows()).isGreaterThan(2);
		}

		try (HeadlessChromium phone = HeadlessChromium.phone()) {
			phone.signIn(this.port, "office", TestAccounts.PASSWORD);
			for (String page : new String[] { "/evaluation?year=2002", "/evaluation/communities?year=2002",
					url.substring(base.length()), "/evaluation/scheme?year=2002" }) {
				phone.driver().get(base + page);
				phone.waiting()
					.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.table-cards")));
				Object overflow = ((JavascriptExecutor) phone.driver())
					.executeScript("return document.documentElement.scrollWidth > window.innerWidth");
				assertThat(overflow).as("%s fits a phone's width", page).isEqualTo(false);
			}
			phone.screenshot("evaluation-phone.png");
		}
	}

}
