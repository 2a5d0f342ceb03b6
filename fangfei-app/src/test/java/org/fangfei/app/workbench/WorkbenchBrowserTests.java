package org.fangfei.app.workbench;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.fangfei.app.HeadlessChromium;
import org.fangfei.app.TestAccounts;
import org.fangfei.app.clue.ClueForm;
import org.fangfei.app.clue.ClueIntake;
import org.fangfei.app.clue.ClueSource;
import org.fangfei.app.notification.Inbox;
import org.fangfei.app.security.CurrentUser;
import org.fangfei.app.shared.Actor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page of every demo role in Debian's headless Chromium, at 1400 px and on a
 * phone (390 px): the menu shows the role's groups and no other, the phone's menu button
 * opens it, and each workbench figure equals what the database holds within the role's
 * scope (counted here in SQL, independently of the modules' queries). Screenshots go to
 * target/screenshots/workbench-*.png.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestAccounts.class)
class WorkbenchBrowserTests {

	private static boolean planted;

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ClueIntake intake;

	@Autowired
	private Inbox inbox;

	@ParameterizedTest
	@CsvSource({ "office, desktop", "office, phone", "chief, desktop", "chief, phone", "leader, desktop",
			"leader, phone", "huishi, desktop", "huishi, phone", "market, desktop", "market, phone", "grid, desktop",
			"grid, phone" })
	void theHomePageShowsTheRolesMenuAndFigures(String username, String size) throws IOException {
		plant();
		UserDetails account = this.accounts.ready(username);
		Set<String> held = account.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.toSet());
		boolean phone = size.equals("phone");
		try (HeadlessChromium browser = phone ? HeadlessChromium.phone() : HeadlessChromium.desktop()) {
			WebDriver driver = browser.driver();
			browser.signIn(this.port, username, TestAccounts.PASSWORD);
			driver.get("http://localhost:" + this.port + "/");
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("workbench")));

			List<String> groups = driver.findElements(By.cssSelector("#menu > li > a.dropdown-toggle"))
				.stream()
				.map(e -> e.getDomProperty("textContent").strip())
				.toList();
			assertThat(groups).as("%s's menu groups", username)
				.containsExactlyElementsOf(Menu.of(held::contains).stream().map(Menu.Group::label).toList());

			for (Map.Entry<String, Long> figure : new RoleFigures(this.jdbc, this.inbox)
				.expected(username, ((CurrentUser) account).id())
				.entrySet()) {
				WebElement value = driver.findElement(By.cssSelector("#" + figure.getKey() + " .value"));
				assertThat(value.getDomProperty("textContent").strip()).as("%s: %s", username, figure.getKey())
					.isEqualTo(String.valueOf(figure.getValue()));
			}
			assertThat(number(driver, "return document.documentElement.scrollWidth - window.innerWidth"))
				.as("the home page is wider than the window")
				.isLessThanOrEqualTo(0);
			browser.screenshot("workbench-" + username + "-" + (phone ? "390" : "1400") + ".png");

			WebElement firstGroup = driver.findElement(By.cssSelector("#menu > li > a.dropdown-toggle"));
			if (phone) {
				assertThat(firstGroup.isDisplayed()).as("the phone's menu starts closed").isFalse();
				browser.click(By.id("menu-toggle"));
				browser.waiting().until(ExpectedConditions.visibilityOf(firstGroup));
			}
			else {
				assertThat(number(driver, "return document.querySelector('nav.navbar').getBoundingClientRect().height"))
					.as("the desktop menu holds in one row")
					.isLessThan(70);
			}
			firstGroup.click();
			WebElement home = browser.waiting()
				.until(ExpectedConditions.visibilityOfElementLocated(By.id("menu-workbench")));
			browser.screenshot("workbench-" + username + "-" + (phone ? "390" : "1400") + "-menu.png");
			home.click();
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("workbench")));
		}
	}

	private static long number(WebDriver driver, String script) {
		return ((Number) ((JavascriptExecutor) driver).executeScript(script)).longValue();
	}

	/**
	 * Clues in two townships, one of them overdue, and a patrol this month of one of
	 * 会师镇's subjects, so that the figures are not all zero.
	 */
	private synchronized void plant() {
		if (planted) {
			return;
		}
		for (String region : List.of("620422100001", "620422100004", "620422102001")) {
			this.intake.register(
					new ClueForm(ClueSource.HOTLINE, "12345", "", null, "工作台测试：某公司以高额回报为名向群众吸收资金" + region, "群众反映",
							region, null, null, "500000", 40, null, List.of(), null, null, null, null, null, null),
					Actor.system("测试"));
		}
		this.jdbc.sql("""
				update clue set due_on = current_date - 2
				where id = (select max(id) from clue where region_code = '620422100004')""").update();
		long subject = this.jdbc
			.sql("select min(id) from subject where region_code like '620422100%' and region_code <> '620422100001'"
					+ " and status = 'WATCHING'")
			.query(Long.class)
			.single();
		this.jdbc
			.sql("""
					insert into patrol (region_code, subject_id, worker, visited_at, place, legally_registered,
					  fundraising_approved, solicits_public, promises_high_returns, hides_behind_legal_form, ads_or_stalls_seen,
					  notes, raise_clue)
					values ((select region_code from subject where id = :s), :s, 'grid', now() - interval '1 minute', '会师镇',
					  'YES', 'NONE', 'NO', 'NO', 'NO', 'NO', '例行走访', false)
					""")
			.param("s", subject)
			.update();
		planted = true;
	}

}
