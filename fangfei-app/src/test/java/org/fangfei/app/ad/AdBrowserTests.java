package org.fangfei.app.ad;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.fangfei.app.HeadlessChromium;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Debian's headless Chromium: the office uploads a batch of crawled posts, finds the
 * hit with its explanation, and turns it into a clue in one click. Screenshots go to
 * target/screenshots.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestAccounts.class)
class AdBrowserTests {

	@LocalServerPort
	private int port;

	@TempDir
	Path dir;

	private HeadlessChromium desk;

	@Autowired
	private TestAccounts accounts;

	@BeforeEach
	void startBrowser() throws IOException {
		this.accounts.ready("office");
		this.desk = HeadlessChromium.desktop();
	}

	@AfterEach
	void quitBrowser() {
		if (this.desk != null) {
			this.desk.close();
		}
	}

	@Test
	void theOfficeUploadsABatchAndTurnsAHitIntoAClue() throws Exception {
		String tag = Long.toString(System.nanoTime(), 36);
		Path csv = this.dir.resolve("crawled.csv");
		Files.writeString(csv,
				"链接,标题,正文,时间\n" + "https://bbs.example/t/9,高息理财 " + tag
						+ ",\"穩賺不賠！月息两分半，保 本 保 息，名额有限加微信\",2026-11-30 09:15\n" + "https://bank.example/n/1,存款利率 " + tag
						+ ",县农商银行一年期定期存款年利率1.55%，受存款保险保障,2026-11-29\n",
				StandardCharsets.UTF_8);
		WebDriver d = this.desk.driver();
		this.desk.signIn(this.port, "office", TestAccounts.PASSWORD);
		d.get("http://localhost:" + this.port + "/ads");
		this.desk.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-form")));
		d.findElement(By.id("upload-file")).sendKeys(csv.toString());
		this.desk.click(By.id("upload-submit"));
		this.desk.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("done"), "已排查 2 条，命中 1 条"));
		String table = d.findElement(By.id("ad-table")).getText();
		assertThat(table).contains("高息理财 " + tag, "存款利率 " + tag);
		this.desk.screenshot("ads-batch.png");
		d.findElement(By.linkText("高息理财 " + tag)).click();
		this.desk.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("explanation")));
		assertThat(d.findElement(By.id("explanation")).getText()).contains("保本承诺「保 本 保 息」(保本保息)", "折合年化30%");
		this.desk.click(By.id("to-clue"));
		this.desk.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("done"), "已转为线索 XS"));
		assertThat(d.findElement(By.id("clue")).getText()).startsWith("XS");
		assertThat(d.findElements(By.id("to-clue"))).as("one clue per hit").isEmpty();
		this.desk.screenshot("ads-hit-clue.png");
	}

}
