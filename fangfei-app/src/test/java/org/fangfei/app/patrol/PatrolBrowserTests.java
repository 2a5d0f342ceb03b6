package org.fangfei.app.patrol;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.fangfei.app.HeadlessChromium;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grid worker records a patrol on a phone-sized window (390×844) in Debian's headless
 * Chromium: registers the subject on the spot, answers the checklist, attaches a photo
 * and sees it on the patrol page.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestAccounts.class)
class PatrolBrowserTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	private HeadlessChromium browser;

	private WebDriver driver;

	private WebDriverWait wait;

	@BeforeEach
	void startBrowser() throws IOException {
		this.accounts.ready("grid");
		this.browser = HeadlessChromium.phone();
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
	void gridWorkerRecordsAPatrolWithAPhotoOnAPhone() throws IOException {
		Path photo = Files.createTempFile("patrol-", ".png");
		Files.write(photo, PatrolFixtures.image("png", 640, 480));
		String name = PatrolFixtures.unique("手机登记茶叶店");
		try {
			this.browser.signIn(this.port, "grid", TestAccounts.PASSWORD);
			this.driver.get("http://localhost:" + this.port + "/patrols/new");
			this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#place-results .list-group")));
			this.browser.click(By.id("target-new"));
			this.driver.findElement(By.id("newSubjectName")).sendKeys(name);
			this.driver.findElement(By.id("place")).sendKeys("东山根社区东街");
			for (Question q : Question.values()) {
				this.browser.click(By
					.cssSelector("label[for='" + q.field() + "-" + (q.isWarning(Answer.YES) ? "YES" : "NO") + "']"));
			}
			this.driver.findElement(By.id("notes")).sendKeys("门口摆摊宣传养老投资，承诺年息20%");
			this.driver.findElement(By.id("photos")).sendKeys(photo.toAbsolutePath().toString());
			this.browser.click(By.id("raiseClue"));
			assertThat(
					((Number) ((JavascriptExecutor) this.driver).executeScript("return window.innerWidth")).intValue())
				.isEqualTo(390);
			assertNoSidewaysScrolling();
			screenshot("patrol-phone-form.png");
			this.browser.click(By.id("patrol-submit"));

			this.wait.until(ExpectedConditions.urlMatches("/patrols/[0-9]+$"));
			assertThat(this.driver.findElement(By.id("patrol-title")).getText()).contains(name);
			assertThat(this.driver.findElement(By.id("patrol-finding")).getText()).contains("已上报线索");
			WebElement img = this.wait
				.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#photos img")));
			((JavascriptExecutor) this.driver)
				.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", img);
			this.wait.until(d -> (Boolean) ((JavascriptExecutor) d)
				.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0", img));
			assertThat(
					((Number) ((JavascriptExecutor) this.driver).executeScript("return arguments[0].naturalWidth", img))
						.intValue())
				.isEqualTo(640);
			assertNoSidewaysScrolling();
			screenshot("patrol-phone.png");
		}
		finally {
			Files.deleteIfExists(photo);
		}
	}

	private void assertNoSidewaysScrolling() {
		long overflow = ((Number) ((JavascriptExecutor) this.driver)
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth")).longValue();
		assertThat(overflow).as("page wider than the phone").isLessThanOrEqualTo(0);
	}

	private void screenshot(String name) {
		this.browser.screenshot(name);
	}

}
