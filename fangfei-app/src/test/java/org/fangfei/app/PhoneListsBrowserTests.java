package org.fangfei.app;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.fangfei.app.clue.ClueForm;
import org.fangfei.app.clue.ClueIntake;
import org.fangfei.app.clue.ClueSource;
import org.fangfei.app.shared.Actor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clue, subject and patrol lists on a phone (390 × 844) in Debian's headless
 * Chromium: nothing is wider than the screen, no list scrolls sideways, and each row is a
 * card whose cells take the card's width under their column's name — not columns squeezed
 * to a character each.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestAccounts.class)
class PhoneListsBrowserTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ClueIntake intake;

	private HeadlessChromium browser;

	private WebDriver driver;

	@BeforeEach
	void startBrowser() throws IOException {
		this.accounts.ready("office");
		this.browser = HeadlessChromium.phone();
		this.driver = this.browser.driver();
	}

	@AfterEach
	void quitBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void listsAreCardsOnAPhone() {
		this.intake.register(
				new ClueForm(ClueSource.HOTLINE, "12345", "", null, "手机列表测试：某养老服务中心以预订床位为名向老年人吸收资金并承诺高额回报", "老人反映",
						"620422100001", null, null, "500000", 40, null, List.of(), null, null, null, null, null, null),
				Actor.system("测试"));
		long subject = this.jdbc.sql("select min(id) from subject where region_code like '620422100%'")
			.query(Long.class)
			.single();
		this.jdbc
			.sql("""
					insert into patrol (region_code, subject_id, worker, visited_at, place, legally_registered,
					  fundraising_approved, solicits_public, promises_high_returns, hides_behind_legal_form, ads_or_stalls_seen,
					  notes, raise_clue)
					values ('620422100001', :s, 'grid', now() - interval '1 hour', '东山根社区东街', 'YES', 'NONE', 'YES', 'YES',
					  'NO', 'YES', '门口摆摊宣传', true)
					""")
			.param("s", subject)
			.update();

		this.browser.signIn(this.port, "office", TestAccounts.PASSWORD);
		Map<String, String> lists = new LinkedHashMap<>();
		lists.put("/clues", "clue-table");
		lists.put("/subjects", "subject-table");
		// may hold no case in this database: then its empty row, and still no header row
		lists.put("/cases", "case-table");
		lists.put("/patrols", "patrol-table");
		for (Map.Entry<String, String> list : lists.entrySet()) {
			this.driver.get("http://localhost:" + this.port + list.getKey());
			this.browser.waiting()
				.until(ExpectedConditions
					.presenceOfElementLocated(By.cssSelector("#" + list.getValue() + " tbody td")));
			assertThat(number("return window.innerWidth")).isEqualTo(390);
			assertThat(number("return document.documentElement.scrollWidth - window.innerWidth"))
				.as("%s wider than the phone", list.getKey())
				.isLessThanOrEqualTo(0);
			assertThat(number("""
					return Math.max(0, ...Array.from(document.querySelectorAll('.table-responsive'))
					  .map(e => e.scrollWidth - e.clientWidth))""")).as("%s scrolls sideways", list.getKey())
				.isLessThanOrEqualTo(0);
			long narrowest = number("""
					const cells = Array.from(document.querySelectorAll('#%s tbody tr td[data-label]'))
					  .filter(td => td.offsetParent !== null);
					return cells.length === 0 ? -1 : Math.min(...cells.map(td => td.getBoundingClientRect().width))"""
				.formatted(list.getValue()));
			if (!list.getKey().equals("/cases") || narrowest != -1) {
				assertThat(narrowest).as("%s: the narrowest cell", list.getKey()).isGreaterThanOrEqualTo(300);
			}
			assertThat(this.driver.findElement(By.cssSelector("#" + list.getValue() + " thead")).isDisplayed())
				.isFalse();
			this.browser.screenshot("phone" + list.getKey().replace('/', '-') + ".png");
		}
		assertThat(this.driver.findElement(By.id("patrol-table")).getText()).contains("东山根社区 网格员 刘芳");
	}

	private long number(String script) {
		return ((Number) ((JavascriptExecutor) this.driver).executeScript(script)).longValue();
	}

}
