package org.fangfei.app.outreach;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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
 * Outreach in Debian's headless Chromium: a villager answers the awareness survey on a
 * 390 px phone through their community's link, without an account, and the office sees
 * the answer in the rates; the office exports the year's typical-case booklet from the
 * typical cases page. Screenshots go to target/screenshots.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(TestAccounts.class)
class OutreachBrowserTests extends OutreachTestSupport {

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
	void aVillagerAnswersTheSurveyOnAPhone() throws Exception {
		String redirect = postForm(this.office, "/outreach/surveys",
				Map.of("title", "手机答题调查 " + this.tag, "regionCode", "620422000000", "opensOn",
						LocalDate.now().toString(), "closesOn", LocalDate.now().plusDays(5).toString(), "passMark",
						"80"))
			.getResponse()
			.getRedirectedUrl();
		long survey = Long.parseLong(redirect.replaceAll("\\D", ""));
		String base = "http://localhost:" + this.port;
		WebDriver d = this.desk.driver();
		this.desk.signIn(this.port, "office", TestAccounts.PASSWORD);
		d.get(base + "/outreach/surveys/" + survey);
		d.findElement(By.cssSelector("#survey-links-block summary")).click();
		String link = d.findElement(By.cssSelector("#survey-links a[href$='/" + HUISHI_VILLAGE + "']"))
			.getAttribute("href");

		WebDriver p = this.phone.driver();
		p.get(link);
		this.phone.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("survey-form")));
		this.phone.click(By.id("age-FROM_60"));
		List<Integer> right = AwarenessQuiz.QUESTIONS.stream().map(AwarenessQuiz.Question::answer).toList();
		for (int i = 0; i < right.size(); i++) {
			this.phone.click(By.id("q" + i + "-" + right.get(i)));
		}
		p.findElement(By.id("captcha")).sendKeys("42");
		assertThat(overflow(p)).as("the survey fits a 390 px phone").isZero();
		this.phone.screenshot("outreach-survey-phone.png");
		this.phone.click(By.id("survey-submit"));
		this.phone.waiting().until(ExpectedConditions.textToBe(By.id("survey-score"), "100"));
		assertThat(overflow(p)).isZero();
		this.phone.screenshot("outreach-survey-done-phone.png");
		p.get(link);
		this.phone.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("survey-already")));
		assertThat(p.findElements(By.id("survey-form"))).as("one answer per phone").isEmpty();

		d.get(base + "/outreach/surveys/" + survey);
		assertThat(d.findElement(By.id("survey-answers")).getText()).isEqualTo("1");
		assertThat(d.findElement(By.id("survey-rate")).getText()).isEqualTo("100%");
		assertThat(d.findElement(By.id("rate-age")).getText()).contains("60-69岁 1 100%");
		this.desk.screenshot("outreach-survey-rates.png");
	}

	@Test
	void theOfficeExportsTheYearsBooklet() throws Exception {
		String base = "http://localhost:" + this.port;
		WebDriver d = this.desk.driver();
		this.desk.signIn(this.port, "office", TestAccounts.PASSWORD);
		d.get(base + "/outreach/cases");
		this.desk.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("export-booklet")));
		this.desk.screenshot("outreach-cases.png");
		String href = d.findElement(By.id("export-booklet")).getAttribute("href");
		@SuppressWarnings("unchecked")
		Map<String, Object> download = (Map<String, Object>) ((JavascriptExecutor) d).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(arguments[0]).then(async r => {
				  const bytes = new Uint8Array(await r.arrayBuffer());
				  done({status: r.status, type: r.headers.get('content-type'),
				    disposition: r.headers.get('content-disposition'), size: bytes.length,
				    zip: bytes[0] === 0x50 && bytes[1] === 0x4b});
				});
				""", href);
		assertThat(download.get("status")).isEqualTo(200L);
		assertThat((String) download.get("type")).startsWith(TypicalCasePages.DOCX);
		assertThat((String) download.get("disposition")).contains("attachment").contains(".docx");
		assertThat(download.get("zip")).as("a Word file is a zip").isEqualTo(true);
		assertThat((Long) download.get("size")).isGreaterThan(1000L);

		WebDriver p = this.phone.driver();
		p.get(base + "/learn/cases");
		this.phone.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("learn-cases")));
		assertThat(overflow(p)).as("the public cases fit a 390 px phone").isZero();
		this.phone.screenshot("outreach-learn-phone.png");
	}

	private static long overflow(WebDriver driver) {
		return ((Number) ((JavascriptExecutor) driver)
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth")).longValue();
	}

}
