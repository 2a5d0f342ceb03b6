package org.fangfei.app;

import java.io.IOException;
import java.util.List;

import org.fangfei.app.shared.DataScope;
import org.fangfei.app.subject.SubjectForm;
import org.fangfei.app.subject.SubjectKind;
import org.fangfei.app.subject.SubjectStatus;
import org.fangfei.app.subject.Subjects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clue form in Debian's headless Chromium, as the county office fills it: the place
 * is picked from the region tree and by name, the subject by searching the ledger — no
 * code or id typed — and the clue is registered with the region and subject picked.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestAccounts.class)
class PickerBrowserTests {

	static final String VILLAGE = "620422100001";

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private Subjects subjects;

	private HeadlessChromium browser;

	private WebDriver driver;

	private WebDriverWait wait;

	@BeforeEach
	void startBrowser() throws IOException {
		this.accounts.ready("office");
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
	void theOfficePicksThePlaceAndTheSubjectOnTheClueForm() {
		String tag = Long.toString(System.nanoTime(), 36);
		String subjectName = "选择器浏览器测试" + tag + "商贸有限公司";
		long subject = this.subjects
			.create(new SubjectForm(SubjectKind.ENTERPRISE, subjectName, "", "", "", "", "", null, "", VILLAGE, null,
					null, null, null, SubjectStatus.WATCHING, "", ""), DataScope.all(), "office")
			.id();
		String village = this.jdbc.sql("select name from region where code = ?")
			.param(VILLAGE)
			.query(String.class)
			.single();
		String title = "选择器登记 " + tag;

		this.browser.signIn(this.port, "office", TestAccounts.PASSWORD);
		this.driver.get("http://localhost:" + this.port + "/clues/new");
		new Select(this.driver.findElement(By.id("source"))).selectByValue("HOTLINE");
		this.driver.findElement(By.id("title")).sendKeys(title);
		this.driver.findElement(By.id("description")).sendKeys("村民反映有人以高息为诱饵吸收资金");
		assertThat(this.driver.findElement(By.id("regionCode")).getAttribute("type")).isEqualTo("hidden");
		assertThat(this.driver.findElement(By.cssSelector("label[for='regionCode-search']")).getText())
			.isEqualTo("所在区划");

		// the tree: the county opens to its townships
		this.browser.click(By.id("regionCode-search"));
		this.wait.until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("#regionCode-choices .picker-choice[data-value='620422000000']")));
		this.browser.click(By.cssSelector("#regionCode-choices .picker-open"));
		this.wait.until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("#regionCode-choices .picker-choice[data-value='620422100000']")));

		// by name: the village, with its path
		this.driver.findElement(By.id("regionCode-search")).sendKeys(village);
		By villageChoice = By.cssSelector("#regionCode-choices .picker-choice[data-value='" + VILLAGE + "']");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(villageChoice));
		assertThat(this.driver.findElement(villageChoice).getText()).contains(village).contains("会师镇");
		this.browser.screenshot("picker-region.png");
		this.browser.click(villageChoice);
		assertThat(this.driver.findElement(By.id("regionCode")).getAttribute("value")).isEqualTo(VILLAGE);
		assertThat(this.driver.findElement(By.id("regionCode-chosen")).getText()).contains(village);

		this.driver.findElement(By.id("subjectIds-search")).sendKeys("选择器浏览器测试" + tag);
		By subjectChoice = By.cssSelector("#subjectIds-choices .picker-choice[data-value='" + subject + "']");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(subjectChoice));
		this.browser.click(subjectChoice);
		assertThat(this.driver.findElement(By.id("subjectIds-chosen")).getText()).contains(subjectName);
		assertThat(this.driver.findElement(By.id("subjectIds")).getAttribute("value"))
			.isEqualTo(String.valueOf(subject));
		this.browser.screenshot("picker-clue-form.png");

		this.browser.click(By.id("register-clue"));
		this.wait.until(ExpectedConditions.urlMatches("/clues/[0-9]+$"));
		long clue = this.jdbc.sql("select id from clue where title = ?").param(title).query(Long.class).single();
		assertThat(this.jdbc.sql("select region_code from clue where id = ?").param(clue).query(String.class).single())
			.isEqualTo(VILLAGE);
		assertThat(this.jdbc.sql("select subject_id from clue_subject where clue_id = ?")
			.param(clue)
			.query(Long.class)
			.list()).isEqualTo(List.of(subject));
	}

}
