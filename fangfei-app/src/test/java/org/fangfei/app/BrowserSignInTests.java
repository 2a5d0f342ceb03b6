package org.fangfei.app;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives Debian's headless Chromium through the sign-in, the forced change of the initial
 * password and the htmx-loaded region and grid tree, as a township user and as the county
 * office.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BrowserSignInTests {

	private static final String INITIAL_PASSWORD = "Initial#Pass2026";

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PasswordEncoder encoder;

	private HeadlessChromium browser;

	private WebDriver driver;

	private WebDriverWait wait;

	/**
	 * Gives the accounts used here a known password that must be changed, whatever other
	 * test classes in this JVM did to them, and starts a browser with a fresh profile.
	 */
	@BeforeEach
	void startBrowser() throws IOException {
		for (String username : List.of("huishi", "office")) {
			this.jdbc.sql("""
					update app_user set password_hash = :h, must_change_password = true, failed_attempts = 0,
					locked_until = null where username = :u
					""").param("h", this.encoder.encode(INITIAL_PASSWORD)).param("u", username).update();
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
	void townshipUserChangesInitialPasswordAndSeesOnlyItsOwnSubtree() {
		String newPassword = "Township#Safe2026x";
		signIn("huishi", INITIAL_PASSWORD);
		this.wait.until(ExpectedConditions.urlContains("/password"));
		assertThat(this.driver.findElement(By.id("must-change")).isDisplayed()).isTrue();

		submitPasswordChange(INITIAL_PASSWORD, "Ab#1");
		WebElement errors = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-errors")));
		assertThat(errors.getText()).contains("密码至少");
		assertThat(this.driver.getCurrentUrl()).contains("/password");

		submitPasswordChange(INITIAL_PASSWORD, newPassword);
		this.wait.until(ExpectedConditions.urlContains("/login?changed"));
		assertThat(this.driver.findElement(By.tagName("body")).getText()).contains("密码已修改");

		signIn("huishi", newPassword);
		this.browser.menu("menu-tree");
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("node-620422100000")));
		assertThat(this.driver.findElement(By.id("tree")).getText()).contains("会师镇");
		assertThat(this.driver.getPageSource()).doesNotContain("河畔镇");

		this.driver.findElement(By.id("expand-620422100000")).click();
		WebElement village = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("node-620422100001")));
		assertThat(village.getText()).contains("东山根社区居民委员会").contains("二级网格");
		assertThat(this.driver.getPageSource()).doesNotContain("河畔镇");
		screenshot("grid-tree-township.png");
	}

	@Test
	void countyOfficeSeesAllTwentyEightTownships() {
		signIn("office", INITIAL_PASSWORD);
		this.wait.until(ExpectedConditions.urlContains("/password"));
		submitPasswordChange(INITIAL_PASSWORD, "County#Safe2026x");
		this.wait.until(ExpectedConditions.urlContains("/login?changed"));
		signIn("office", "County#Safe2026x");

		this.browser.menu("menu-tree");
		WebElement root = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("node-620422000000")));
		assertThat(root.getText()).contains("会宁县");
		this.driver.findElement(By.id("expand-620422000000")).click();
		By townships = By.cssSelector("#children-620422000000 > .tree-node");
		// other test classes may add townships of their own to the shared database
		int expected = this.jdbc.sql("select count(*) from region where parent_code = '620422000000'")
			.query(Integer.class)
			.single();
		assertThat(expected).isGreaterThanOrEqualTo(28);
		this.wait.until(ExpectedConditions.numberOfElementsToBe(townships, expected));
		for (String demo : List.of("620422100000", "620422123000", "620422202000", "620422225000")) {
			assertThat(this.driver.findElement(By.id("node-" + demo)).getText()).contains("一级网格");
		}
		screenshot("grid-tree.png");
	}

	/**
	 * Signs in; an account that still has to change its password lands on the change
	 * form.
	 */
	private void signIn(String username, String password) {
		this.driver.get("http://localhost:" + this.port + "/login");
		WebElement name = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
		name.clear();
		name.sendKeys(username);
		this.driver.findElement(By.id("password")).sendKeys(password);
		this.driver.findElement(By.id("login-submit")).click();
		this.wait.until(ExpectedConditions.or(ExpectedConditions.not(ExpectedConditions.urlContains("/login")),
				ExpectedConditions.presenceOfElementLocated(By.id("login-error"))));
		assertThat(this.driver.findElements(By.id("login-error"))).as("sign-in of %s rejected", username).isEmpty();
	}

	private void submitPasswordChange(String current, String next) {
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("currentPassword"))).sendKeys(current);
		this.driver.findElement(By.id("newPassword")).sendKeys(next);
		this.driver.findElement(By.id("confirmPassword")).sendKeys(next);
		WebElement submit = this.driver.findElement(By.id("password-submit"));
		submit.click();
		this.wait.until(ExpectedConditions.stalenessOf(submit));
	}

	private void screenshot(String name) {
		this.browser.screenshot(name);
	}

}
