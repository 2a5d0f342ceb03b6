package org.fangfei.app.monitoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.fangfei.app.HeadlessChromium;
import org.fangfei.app.TestAccounts;
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
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The office clerk in Debian's headless Chromium uploads a small bank export, watches the
 * progress (htmx polling, no inline script under the CSP) reach 已完成, opens an alert with
 * its evidence and turns it into a clue.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestAccounts.class)
class MonitoringBrowserTests {

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TestAccounts accounts;

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
	void theClerkUploadsWatchesProgressAndTurnsAnAlertIntoAClue() throws IOException {
		Alert planted = MonitoringFixtures.first(Pattern.FUNDRAISING_MEMO);
		Path file = Files.createTempFile("银行流水-", ".csv");
		Files.write(file, MonitoringFixtures
			.standardCsv(MonitoringFixtures.retag(MonitoringFixtures.rowsOf(planted), MonitoringFixtures.tag())));
		try {
			this.browser.signIn(this.port, "office", TestAccounts.PASSWORD);
			this.driver.get("http://localhost:" + this.port + "/monitoring");
			this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("menu-monitoring")));
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

}
