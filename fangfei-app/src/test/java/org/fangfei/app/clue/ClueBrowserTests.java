package org.fangfei.app.clue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4 in Debian's headless Chromium: one hotline clue walks from intake to close-out
 * across the office clerk, the township verifier and the office head, each signed in with
 * their own account, checking the state badge and the timeline after each move; a refused
 * move shows its Chinese message and keeps what was typed. Screenshots go to
 * target/screenshots.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestAccounts.class)
class ClueBrowserTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	private HeadlessChromium browser;

	private WebDriver driver;

	private WebDriverWait wait;

	@BeforeEach
	void startBrowser() throws IOException {
		for (String username : List.of("office", "huishi", "chief")) {
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
	void oneClueWalksFromIntakeToCloseOutAcrossThreeUsers() throws IOException {
		String title = "浏览器测试：某茶庄以高息吸收存款" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
		String phone = "139" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);

		this.browser.signIn(this.port, "office", TestAccounts.PASSWORD);
		String url = register(title, phone);
		String code = text("clue-code");
		assertState("待受理");
		assertThat(text("informant-masked")).isEqualTo("王** " + phone.substring(0, 3) + "****" + phone.substring(7));
		act("ACCEPT");
		assertState("待分派");
		WebElement dispatch = this.driver.findElement(By.id("action-DISPATCH"));
		assertThat(dispatch.getText()).contains("按属地原则建议：会师镇");
		assertThat(new Select(dispatch.findElement(By.name("unit"))).getFirstSelectedOption().getText())
			.isEqualTo("会师镇");
		act("DISPATCH");
		assertState("已分派待签收");
		assertThat(text("handler")).isEqualTo("会师镇");
		signOut();

		this.browser.signIn(this.port, "huishi", TestAccounts.PASSWORD);
		assertThat(Integer.parseInt(text("inbox-badge"))).isPositive();
		this.browser.menu("menu-inbox");
		this.browser.click(By.xpath("//button[contains(@class,'notice-title')][contains(.,'" + code + "')]"));
		this.wait.until(ExpectedConditions.urlToBe(url));
		assertState("已分派待签收");
		assertThat(text("informant-masked")).startsWith("王** 139****");
		assertThat(this.driver.getPageSource()).doesNotContain(phone).doesNotContain("王小明");
		assertThat(this.driver.findElements(By.id("informant-clear"))).isEmpty();
		act("RECEIVE");
		assertState("核查中");

		String findings = "现场核查：茶庄以年息18%向亲友借款，未公开宣传，涉及12人";
		fill("action-VERIFY", "investigators", "张伟");
		fill("action-VERIFY", "findings", findings);
		act("VERIFY");
		assertThat(text("action-error")).contains("核查人员不得少于 2 人");
		assertState("核查中");
		assertThat(field("action-VERIFY", "findings").getAttribute("value")).isEqualTo(findings);
		assertThat(field("action-VERIFY", "investigators").getAttribute("value")).isEqualTo("张伟");
		screenshot("clue-refused-verification.png");
		field("action-VERIFY", "investigators").clear();
		fill("action-VERIFY", "investigators", "张伟、李娜");
		act("VERIFY");
		assertState("待研判认定");
		assertThat(this.driver.findElement(By.tagName("main")).getText()).contains("核查人员：张伟、李娜");
		signOut();

		this.browser.signIn(this.port, "chief", TestAccounts.PASSWORD);
		this.driver.get(url);
		choose("action-DETERMINE", "determination", "IRREGULAR");
		fill("action-DETERMINE", "note", "仅在亲友间借款，未公开宣传，属不规范经营");
		act("DETERMINE");
		assertState("处置中");
		signOut();

		this.browser.signIn(this.port, "huishi", TestAccounts.PASSWORD);
		this.driver.get(url);
		choose("action-MEASURE", "kind", "WARNING_INTERVIEW");
		fill("action-MEASURE", "docNumber", "会师约〔2026〕1号");
		fill("action-MEASURE", "result", "已约谈负责人，承诺停止借款并按期归还");
		act("MEASURE");
		assertState("处置中");
		assertThat(text("measure-table")).contains("警示约谈").contains("会师约〔2026〕1号").doesNotContain("null");
		act("FINISH");
		assertState("待反馈销号");
		signOut();

		this.browser.signIn(this.port, "office", TestAccounts.PASSWORD);
		this.driver.get(url);
		fill("action-FEEDBACK", "note", "已电话告知举报人办理结果");
		act("FEEDBACK");
		assertState("待反馈销号");
		assertThat(text("done")).isEqualTo("已完成：反馈来源");
		signOut();

		this.browser.signIn(this.port, "chief", TestAccounts.PASSWORD);
		this.driver.get(url);
		act("CLOSE");
		assertState("已销号");
		List<String> kinds = this.driver.findElements(By.cssSelector("#timeline-list .badge"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(kinds).containsSubsequence("登记", "受理", "分派", "签收", "核查", "认定", "处置", "处置完毕", "反馈", "销号");
		String timeline = text("timeline-list");
		assertThat(timeline).contains("分派至会师镇")
			.contains("不规范经营行为。依据：仅在亲友间借款")
			.contains("警示约谈，文号 会师约〔2026〕1号")
			.contains("向热线电话(12345/110/举报电话)来源反馈：已电话告知举报人办理结果")
			.contains("待反馈销号 → 已销号");
		assertThat(this.driver.findElement(By.id("actions")).getText()).contains("回头看").doesNotContain("销号说明");
		assertThat(text("no-attachments")).isEqualTo("无附件");
		screenshot("clue-closed-desktop.png");

		this.driver.get("http://localhost:" + this.port + "/clues?text=" + code);
		WebElement row = this.wait
			.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//table[@id='clue-table']//tr[td/a]")));
		assertThat(row.getText()).contains(code).contains("会师镇").contains("已销号");
		this.driver.get("http://localhost:" + this.port + "/clues");
		screenshot("clue-list-desktop.png");
		this.driver.get("http://localhost:" + this.port + "/clues/dashboard");
		assertThat(text("total")).matches("[0-9]+");
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-township[data-drawn]")));
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-state[data-drawn]")));
		screenshot("clue-dashboard-desktop.png");
		signOut();

		onAPhoneTheClueFitsTheScreen(url);
	}

	private void onAPhoneTheClueFitsTheScreen(String url) throws IOException {
		this.browser.close();
		this.browser = HeadlessChromium.phone();
		this.driver = this.browser.driver();
		this.wait = this.browser.waiting();
		this.browser.signIn(this.port, "huishi", TestAccounts.PASSWORD);
		this.driver.get(url);
		assertState("已销号");
		long overflow = ((Number) ((JavascriptExecutor) this.driver)
			.executeScript("return document.documentElement.scrollWidth - window.innerWidth")).longValue();
		assertThat(overflow).as("clue page wider than the phone").isLessThanOrEqualTo(0);
		screenshot("clue-phone.png");
	}

	/**
	 * Fills the intake form, first with a wrong phone number: the refusal keeps what was
	 * typed.
	 */
	private String register(String title, String phone) {
		this.driver.get("http://localhost:" + this.port + "/clues/new");
		new Select(this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("source"))))
			.selectByValue("HOTLINE");
		this.driver.findElement(By.id("sourceDetail")).sendKeys("12345");
		this.driver.findElement(By.id("title")).sendKeys(title);
		this.driver.findElement(By.id("description")).sendKeys("举报人称会师镇东山根社区某茶庄承诺年息18%，向周边居民借款。");
		// the place is picked by name (the region picker), never typed as a code
		this.driver.findElement(By.id("regionCode-search")).sendKeys("东山根");
		this.browser.click(By.cssSelector("#regionCode-choices .picker-choice[data-value='620422100001']"));
		this.driver.findElement(By.id("amount")).sendKeys("20,000");
		this.driver.findElement(By.id("peopleCount")).sendKeys("12");
		this.driver.findElement(By.id("informantName")).sendKeys("王小明");
		this.driver.findElement(By.id("informantPhone")).sendKeys("12345");
		this.browser.click(By.id("register-clue"));
		WebElement error = this.wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.xpath("//input[@id='informantPhone']/following-sibling::*[1]")));
		assertThat(error.getText()).isEqualTo("联系电话格式不正确");
		assertThat(this.driver.findElement(By.id("title")).getAttribute("value")).isEqualTo(title);
		assertThat(this.driver.findElement(By.id("amount")).getAttribute("value")).isEqualTo("20,000");
		assertThat(this.driver.findElement(By.id("regionCode")).getAttribute("value")).isEqualTo("620422100001");
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("regionCode-chosen"), "东山根"));
		screenshot("clue-form-refused.png");
		WebElement phoneField = this.driver.findElement(By.id("informantPhone"));
		phoneField.clear();
		phoneField.sendKeys(phone);
		this.browser.click(By.id("register-clue"));
		this.wait.until(ExpectedConditions.urlMatches("/clues/[0-9]+$"));
		assertThat(text("done")).startsWith("已登记线索 XS");
		return this.driver.getCurrentUrl();
	}

	/** Submits the action form on the clue page and waits for the page that follows. */
	private void act(String action) {
		WebElement button = this.driver.findElement(By.id("do-" + action));
		this.browser.click(By.id("do-" + action));
		this.wait.until(ExpectedConditions.stalenessOf(button));
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("clue-state")));
	}

	private void assertState(String label) {
		assertThat(text("clue-state")).isEqualTo(label);
	}

	private WebElement field(String form, String name) {
		return this.driver.findElement(By.id(form)).findElement(By.name(name));
	}

	private void fill(String form, String name, String value) {
		field(form, name).sendKeys(value);
	}

	private void choose(String form, String name, String value) {
		new Select(field(form, name)).selectByValue(value);
	}

	private String text(String id) {
		return this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id(id))).getText();
	}

	private void signOut() {
		this.browser.click(By.cssSelector("form[action$='/logout'] button"));
		this.wait.until(ExpectedConditions.urlContains("/login"));
	}

	private void screenshot(String name) {
		this.browser.screenshot(name);
	}

}
