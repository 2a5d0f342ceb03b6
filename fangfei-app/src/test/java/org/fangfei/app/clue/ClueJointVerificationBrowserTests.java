package org.fangfei.app.clue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.fangfei.app.HeadlessChromium;
import org.fangfei.app.TestAccounts;
import org.fangfei.app.shared.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
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
 * Issue 14, item 8 in Debian's headless Chromium: the office dispatches a clue to 会师镇 as
 * the lead unit with 县市场监管局 assisting; the department, signed in with its own account,
 * finds the clue although it lies outside its sectors and adds its part of the
 * verification; the township sees that part and submits the report.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestAccounts.class)
class ClueJointVerificationBrowserTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private ClueIntake intake;

	@Autowired
	private JdbcClient jdbc;

	private HeadlessChromium browser;

	private WebDriver driver;

	private WebDriverWait wait;

	@BeforeEach
	void startBrowser() throws IOException {
		for (String username : List.of("office", "huishi", "market")) {
			this.accounts.ready(username);
		}
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
	void theLeadTownshipVerifiesWithAnAssistingDepartment() {
		String title = "联合核查：某养老公寓预售床位" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
		ClueIntake.Registered clue = this.intake.register(
				new ClueForm(ClueSource.REFERRAL, "县民政局", null, null, title, "某养老公寓以预售床位、承诺返利为名吸收老人资金。", "620422100001",
						null, null, "300000", 40, null, List.of(), null, null, null, null, null, null),
				Actor.system("测试登记"));
		String url = "http://localhost:" + this.port + "/clues/" + clue.id();
		String market = this.jdbc.sql("""
				select d.name from department d join app_user u on u.department_id = d.id where u.username = 'market'
				""").query(String.class).single();
		long marketId = this.jdbc.sql("select department_id from app_user where username = 'market'")
			.query(Long.class)
			.single();

		this.browser.signIn(this.port, "office", TestAccounts.PASSWORD);
		this.driver.get(url);
		act("ACCEPT");
		WebElement dispatch = this.driver.findElement(By.id("action-DISPATCH"));
		assertThat(new Select(dispatch.findElement(By.name("unit"))).getFirstSelectedOption().getText())
			.isEqualTo("会师镇");
		this.browser.click(By.cssSelector("#assist-units summary"));
		this.browser.click(By.id("assist-D" + marketId));
		act("DISPATCH");
		assertThat(text("clue-state")).isEqualTo("已分派待签收");
		assertThat(text("handler")).isEqualTo("会师镇");
		assertThat(text("assisting")).isEqualTo(market);
		assertThat(text("timeline-list")).contains("分派至会师镇(牵头)，协办：" + market);
		this.browser.screenshot("clue-joint-dispatched.png");
		signOut();

		this.browser.signIn(this.port, "huishi", TestAccounts.PASSWORD);
		this.driver.get(url);
		act("RECEIVE");
		assertThat(text("clue-state")).isEqualTo("核查中");
		signOut();

		this.browser.signIn(this.port, "market", TestAccounts.PASSWORD);
		this.driver.get("http://localhost:" + this.port + "/clues?text=" + clue.code());
		this.browser.click(By.linkText(clue.code()));
		this.wait.until(ExpectedConditions.urlToBe(url));
		assertThat(this.driver.findElements(By.id("do-VERIFY"))).as("only the lead submits").isEmpty();
		String part = "经查该公司未取得养老机构备案，经营范围不含预售床位";
		this.driver.findElement(By.id("action-ASSIST")).findElement(By.name("note")).sendKeys(part);
		act("ASSIST");
		assertThat(text("done")).isEqualTo("已完成：补充协查情况");
		assertThat(text("assist-parts")).contains(market + "协查：" + part);
		this.browser.screenshot("clue-joint-assisted.png");
		signOut();

		this.browser.signIn(this.port, "huishi", TestAccounts.PASSWORD);
		this.driver.get(url);
		assertThat(text("assist-parts")).contains(part);
		WebElement verify = this.driver.findElement(By.id("action-VERIFY"));
		verify.findElement(By.name("investigators")).sendKeys("张伟、李娜");
		verify.findElement(By.name("findings")).sendKeys("会同县市场监管局核查，情况属实");
		verify.findElement(By.name("amount")).sendKeys("620,000");
		act("VERIFY");
		assertThat(text("clue-state")).isEqualTo("待研判认定");
		assertThat(text("timeline-list")).contains("核实涉及金额 620,000.00 元(登记时 300,000.00 元)");
		this.browser.screenshot("clue-joint-verified.png");
	}

	private void act(String action) {
		WebElement button = this.driver.findElement(By.id("do-" + action));
		this.browser.click(By.id("do-" + action));
		this.wait.until(ExpectedConditions.stalenessOf(button));
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("clue-state")));
	}

	private String text(String id) {
		return this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id))).getText();
	}

	private void signOut() {
		this.browser.click(By.cssSelector("form[action$='/logout'] button"));
		this.wait.until(ExpectedConditions.urlContains("/login"));
	}

}
