package org.fangfei.app.monitoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.fangfei.app.HeadlessChromium;
import org.fangfei.detect.Alert;
import org.fangfei.detect.Pattern;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The office clerk in Debian's headless Chromium uploads a small bank export, watches the
 * progress (htmx polling, no inline script under the CSP) reach 已完成, opens an alert with
 * its evidence and turns it into a clue.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class MonitoringBrowserTests {

	private static final String PASSWORD = "Monitor#Bank2026";

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private PasswordEncoder encoder;

	private HeadlessChromium browser;

	private WebDriver driver;

	private WebDriverWait wait;

	@BeforeEach
	void startBrowser() throws IOException {
		this.jdbc.sql("""
				update app_user set password_hash = :h, must_change_password = false, failed_attempts = 0,
				locked_until = null, enabled = true where username = 'office'
				""").param("h", this.encoder.encode(PASSWORD)).update();
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
	void theClerkUploadsWatchesProgressAndTurnsAnAlertIntoAClue() throws IOException {
		Alert planted = MonitoringFixtures.first(Pattern.FUNDRAISING_MEMO);
		Path file = Files.createTempFile("银行流水-", ".csv");
		Files.write(file, MonitoringFixtures
			.standardCsv(MonitoringFixtures.retag(MonitoringFixtures.rowsOf(planted), MonitoringFixtures.tag())));
		try {
			signIn();
			this.driver.get("http://localhost:" + this.port + "/monitoring");
			this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("menu-monitoring")));
			this.driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
			this.driver.findElement(By.id("upload-button")).click();

			this.wait.until(ExpectedConditions.urlMatches("/monitoring/batches/[0-9]+$"));
			this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("batch-done")));
			assertThat(this.driver.findElement(By.id("batch-status")).getText()).isEqualTo("已完成");
			assertThat(this.driver.findElement(By.id("batch-bar")).getAttribute("value")).isEqualTo("100");
			this.browser.screenshot("monitoring-batch-done.png");

			this.driver.findElement(By.id("batch-alerts")).click();
			this.wait
				.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#alert-table a.alert-link-row")))
				.click();
			this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("alert-explanation")));
			assertThat(this.driver.findElements(By.cssSelector("#evidence-table tbody tr"))).hasSizeGreaterThan(1);
			new Select(this.driver.findElement(By.id("regionCode"))).selectByValue("620422100000");
			this.browser.screenshot("monitoring-alert.png");
			this.driver.findElement(By.id("clue-submit")).click();

			String message = this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("alert-message")))
				.getText();
			assertThat(message).startsWith("已转为线索 ");
			String code = message.substring("已转为线索 ".length()).strip();
			assertThat(this.driver.findElement(By.id("alert-clue")).getText()).isEqualTo(code);
			assertThat(this.jdbc.sql("select source from clue where code = :c")
				.param("c", code)
				.query(String.class)
				.single()).isEqualTo("MONITORING");
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	private void signIn() {
		this.driver.get("http://localhost:" + this.port + "/login");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("office");
		this.driver.findElement(By.id("password")).sendKeys(PASSWORD);
		this.driver.findElement(By.id("login-submit")).click();
		this.wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

}
