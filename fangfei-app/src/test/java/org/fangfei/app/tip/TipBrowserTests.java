package org.fangfei.app.tip;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.fangfei.app.EventsDelivered;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 5 in Debian's headless Chromium on a phone's viewport (390 px): a real-name tip
 * asking for a reward, with a photo, is sent from the public portal; the tracking code is
 * shown once and finds the tip's status; the office then opens the tip and the clue made
 * from it and sees what was reported, never who reported it. Screenshots go to
 * target/screenshots.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestAccounts.class)
class TipBrowserTests {

	/** The test CAPTCHA answer, {@code fangfei.tips.captcha.fixed-answer} in the pom. */
	private static final String CAPTCHA = "42";

	private static final String NAME = "司马举报";

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private TipTracking tracking;

	@Autowired
	private TipIntake intake;

	@Autowired
	private WebApplicationContext context;

	private HeadlessChromium browser;

	private WebDriver driver;

	private WebDriverWait wait;

	private Path photo;

	@BeforeEach
	void startBrowser() throws IOException {
		this.accounts.ready("office");
		this.photo = Files.createTempFile("fangfei-tip-photo-", ".jpg");
		Files.write(this.photo, TipFixtures.jpeg(640, 480));
		this.browser = HeadlessChromium.phone();
		this.driver = this.browser.driver();
		this.wait = this.browser.waiting();
	}

	@AfterEach
	void quitBrowser() throws IOException {
		if (this.browser != null) {
			this.browser.close();
		}
		if (this.photo != null) {
			Files.deleteIfExists(this.photo);
		}
	}

	@Test
	void aTipWithAPhotoIsSentFollowedAndReadByStaffWithoutTheIdentity() {
		String phone = "139" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
		String subject = "某某康养中心" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
		String story = "在会师镇东山根社区门口发传单，承诺年息百分之二十，动员老人投钱办会员卡。";

		this.driver.get(url("/tip"));
		assertNoHorizontalOverflow("tip home");
		this.browser.click(By.id("tip-start"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tip-form")));
		assertNoHorizontalOverflow("tip form");
		screenshot("tip-form-phone.png");

		this.driver.findElement(By.id("subjectName")).sendKeys(subject);
		new Select(this.driver.findElement(By.id("regionCode"))).selectByValue(TipFixtures.HUISHI_VILLAGE);
		this.driver.findElement(By.id("subjectAddress")).sendKeys("东山根社区12号");
		this.driver.findElement(By.id("whatHappened")).sendKeys(story);
		this.driver.findElement(By.id("amount")).sendKeys("50000");
		this.driver.findElement(By.id("peopleCount")).sendKeys("15");
		this.driver.findElement(By.id("files")).sendKeys(this.photo.toAbsolutePath().toString());
		this.browser.click(By.id("anonymous-no"));
		this.driver.findElement(By.id("reporterName")).sendKeys(NAME);
		this.driver.findElement(By.id("reporterPhone")).sendKeys(phone);
		this.browser.click(By.id("wantsReward"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("captcha-image")));
		this.driver.findElement(By.id("captcha")).sendKeys(CAPTCHA);
		assertNoHorizontalOverflow("filled tip form");
		this.browser.click(By.id("tip-submit"));

		String code = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tracking-code"))).getText();
		assertThat(code).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
		assertNoHorizontalOverflow("tracking code page");
		screenshot("tip-sent-phone.png");

		this.browser.click(By.id("go-track"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code"))).sendKeys(code.toLowerCase());
		this.browser.click(By.id("track-submit"));
		assertThat(this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tip-status"))).getText())
			.isEqualTo("已收到");
		assertNoHorizontalOverflow("tip status page");
		screenshot("tip-status-phone.png");

		long tipId = this.tracking.find(code).orElseThrow();
		var tip = this.jdbc.sql("select clue_id, clue_code, wants_reward, anonymous from tip where id = :t")
			.param("t", tipId)
			.query()
			.singleRow();
		assertThat(tip.get("wants_reward")).isEqualTo(true);
		assertThat(tip.get("anonymous")).isEqualTo(false);
		assertThat(this.jdbc.sql("select count(*) from tip_attachment where tip_id = :t")
			.param("t", tipId)
			.query(Long.class)
			.single()).isEqualTo(1);
		long clueId = ((Number) tip.get("clue_id")).longValue();

		this.browser.signIn(this.port, "office", TestAccounts.PASSWORD);
		this.driver.get(url("/tips/" + tipId));
		assertThat(this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("tip-text"))).getText())
			.isEqualTo(story);
		assertThat(this.driver.findElement(By.id("tip-clue")).getText()).isEqualTo(tip.get("clue_code"));
		assertThat(this.driver.findElement(By.id("tip-attachments")).getText()).contains(".jpg");
		assertThat(this.driver.getPageSource()).doesNotContain(NAME).doesNotContain(phone);
		assertThat(this.driver.findElements(By.id("reporter-clear"))).isEmpty();

		this.browser.click(By.id("tip-clue"));
		this.wait.until(ExpectedConditions.urlMatches("/clues/" + clueId + "$"));
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("clue-code")));
		String page = this.driver.getPageSource();
		assertThat(this.driver.findElement(By.tagName("main")).getText()).contains(subject).contains(story);
		assertThat(page).doesNotContain(NAME).doesNotContain(phone);
		assertThat(page).doesNotContain(phone.substring(0, 3) + "****" + phone.substring(7));
		screenshot("tip-clue-phone.png");
	}

	/**
	 * Issue 14, item 2 on the real tracking page (phone): once the office has found the
	 * matter not illegal the reporter reads 处理完毕待办结, not 已办结; the office's feedback
	 * (反馈来源) appears among the messages; 已办结 only after the clue is closed out.
	 */
	@Test
	void theReporterReadsTheFeedbackAndTheRightStage() throws Exception {
		TipIntake.Receipt tip = this.intake.submit(new TipForm(TipFixtures.HUISHI_VILLAGE,
				"反馈浏览器测试理财" + ThreadLocalRandom.current().nextInt(100_000, 999_999), "", "", "承诺月息三分，动员村民投资入股。", "", "",
				true, "", "", "", false, false, "", ""), List.of());
		long clue = this.jdbc.sql("select clue_id from tip where id = :t")
			.param("t", tip.tipId())
			.query(Long.class)
			.single();
		MockMvc mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		move(mvc, "office", clue, "ACCEPT", "{\"version\":0}");
		move(mvc, "office", clue, "DISPATCH", "{\"version\":1,\"unit\":\"R620422100000\"}");
		move(mvc, "huishi", clue, "RECEIVE", "{\"version\":2}");
		move(mvc, "huishi", clue, "VERIFY", "{\"version\":3,\"investigators\":\"张伟、李四\",\"visitedOn\":\""
				+ LocalDate.now() + "\",\"findings\":\"经核实，仅亲友间借款\"}");
		move(mvc, "chief", clue, "DETERMINE",
				"{\"version\":4,\"determination\":\"NOT_ILLEGAL\",\"note\":\"亲友间借款，未向社会公开宣传\"}");
		String feedback = "经核查，系亲友间借款，不构成非法集资，感谢您的监督。";
		move(mvc, "office", clue, "FEEDBACK", "{\"version\":5,\"note\":\"" + feedback + "\"}");
		EventsDelivered.await(this.jdbc);

		track(tip.trackingCode());
		assertThat(this.driver.findElement(By.id("tip-status")).getText()).isEqualTo("处理完毕待办结");
		assertThat(this.driver.findElement(By.id("tip-messages")).getText()).contains(feedback).contains("办理结果反馈");
		assertNoHorizontalOverflow("tip status with feedback");
		screenshot("tip-feedback-phone.png");

		move(mvc, "chief", clue, "CLOSE", "{\"version\":6,\"note\":\"销号\"}");
		EventsDelivered.await(this.jdbc);
		track(tip.trackingCode());
		assertThat(this.driver.findElement(By.id("tip-status")).getText()).isEqualTo("已办结");
		assertThat(this.driver.findElement(By.id("tip-messages")).getText()).contains(feedback);
	}

	private void track(String code) {
		this.driver.get(url("/tip/track"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code"))).sendKeys(code);
		this.browser.click(By.id("track-submit"));
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tip-status")));
	}

	private void move(MockMvc mvc, String who, long clue, String action, String json) throws Exception {
		mvc.perform(post("/api/v1/clues/" + clue + "/moves/" + action).with(user(this.accounts.ready(who)))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)).andExpect(status().isOk());
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private void assertNoHorizontalOverflow(String what) {
		long overflow = ((Number) ((JavascriptExecutor) this.driver)
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth")).longValue();
		assertThat(overflow).as("%s wider than the phone", what).isLessThanOrEqualTo(0);
	}

	private void screenshot(String name) {
		this.browser.screenshot(name);
	}

}
