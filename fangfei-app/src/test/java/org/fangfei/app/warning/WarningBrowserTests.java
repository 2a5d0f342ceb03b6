package org.fangfei.app.warning;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.fangfei.app.HeadlessChromium;
import org.fangfei.app.TestAccounts;
import org.fangfei.app.clue.ClueSource;
import org.fangfei.app.patrol.PatrolFindingRaised;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Debian's headless Chromium: a subject rises into 橙, the township finds the warning
 * on its workbench, is told what is missing and answers it; the leader's cockpit draws
 * its township map and months at 1400 px and on a 390 px phone without overflowing, and
 * lays its tiles out again when the window narrows from 1400 to 390 px. Screenshots go to
 * target/screenshots.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(TestAccounts.class)
class WarningBrowserTests extends WarningTestSupport {

	@LocalServerPort
	private int port;

	private HeadlessChromium browser;

	private WebDriver driver;

	@BeforeEach
	void startBrowser() throws IOException {
		this.browser = HeadlessChromium.desktop();
		this.driver = this.browser.driver();
	}

	@AfterEach
	void quitBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void theTownshipAnswersAWarningFromItsWorkbench() throws Exception {
		long s = enterprise("浏览器预警公司" + this.tag);
		clue(ClueSource.TIP, List.of(s));
		clue(ClueSource.HOTLINE, List.of(s));
		publish(new PatrolFindingRaised(nextRef(), s, HUISHI_VILLAGE, "门店宣传保本高息", "grid"));
		assertThat(tier(s)).isEqualTo("ORANGE");

		this.browser.signIn(this.port, "huishi", TestAccounts.PASSWORD);
		this.driver.get("http://localhost:" + this.port + "/");
		By onWorkbench = By.xpath("//a[starts-with(@href, '/warnings/') and contains(., '浏览器预警公司" + this.tag + "')]");
		this.browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(onWorkbench));
		this.browser.screenshot("warning-workbench.png");
		this.browser.click(onWorkbench);
		this.browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("answer-form")));
		assertThat(this.driver.findElement(By.id("warning-facts")).getText()).contains("待反馈").contains("巡查发现");
		this.driver.findElement(By.id("checked")).sendKeys("已约谈负责人，查看宣传材料");
		this.browser.click(By.id("answer"));
		this.browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
		assertThat(this.driver.findElement(By.id("error")).getText()).contains("请填写处置措施").contains("请选择建议风险等级");
		this.driver.findElement(By.id("done-field")).sendKeys("责令停止宣传，列入重点巡查");
		new Select(this.driver.findElement(By.id("proposedTier"))).selectByVisibleText("黄色");
		this.browser.screenshot("warning-answer.png");
		this.browser.click(By.id("answer"));
		this.browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("response")));
		assertThat(this.driver.findElement(By.id("status")).getText()).isEqualTo("已反馈");
		assertThat(this.driver.findElement(By.id("response")).getText()).contains("责令停止宣传").contains("黄色");
		assertThat(warnings(s).get(0)).containsEntry("status", "ANSWERED");
	}

	@Test
	void theCockpitDrawsItsMapAtDesktopAndPhoneWidths() throws Exception {
		long s = enterprise("驾驶舱浏览器公司" + this.tag);
		clue(ClueSource.TIP, List.of(s));
		clue(ClueSource.REFERRAL, List.of(s));
		publish(new PatrolFindingRaised(nextRef(), s, HUISHI_VILLAGE, "发放投资传单", "grid"));
		try (HeadlessChromium phone = HeadlessChromium.phone()) {
			for (HeadlessChromium b : List.of(this.browser, phone)) {
				b.signIn(this.port, "leader", TestAccounts.PASSWORD);
				long started = System.nanoTime();
				b.driver().get("http://localhost:" + this.port + "/cockpit");
				b.waiting().until(ExpectedConditions.attributeToBe(By.id("cockpit-map"), "data-drawn", "true"));
				b.waiting().until(ExpectedConditions.attributeToBe(By.id("cockpit-months"), "data-drawn", "true"));
				long millis = (System.nanoTime() - started) / 1_000_000;
				System.out.println("cockpit drawn in " + millis + " ms");
				assertThat(b.driver().findElement(By.id("cockpit-map")).findElements(By.tagName("svg"))).isNotEmpty();
				assertThat(b.driver().findElement(By.id("cockpit-map")).getAttribute("innerHTML")).contains("会师镇");
				assertThat(b.driver().findElement(By.id("tier-ORANGE")).getText()).doesNotContain(" 0");
				for (Tier t : Tier.values()) {
					// the card shows its tier in the tier's colour and its count in large
					// figures
					// (the tier colours once sat inside an unclosed @media print block:
					// blank cards)
					assertThat(b.driver().findElement(By.id("tier-" + t.name())).getText()).as(t.name())
						.startsWith(t.label() + "主体")
						.matches("(?s).*\\d+$");
					Object badge = ((JavascriptExecutor) b.driver())
						.executeScript("return getComputedStyle(document.querySelector('#tier-" + t.name()
								+ " .badge')).backgroundColor");
					assertThat(badge).as(t.name() + " badge colour").isEqualTo(rgb(t.colour()));
					Object size = ((JavascriptExecutor) b.driver())
						.executeScript("return parseFloat(getComputedStyle(document.querySelector('#tier-" + t.name()
								+ " .value')).fontSize)");
					assertThat(((Number) size).doubleValue()).as(t.name() + " figure size").isGreaterThanOrEqualTo(24);
				}
				Object overflow = ((JavascriptExecutor) b.driver())
					.executeScript("return document.documentElement.scrollWidth > window.innerWidth");
				assertThat(overflow).as("the cockpit fits the window").isEqualTo(false);
				b.screenshot(b == phone ? "cockpit-phone.png" : "cockpit.png");
			}
			this.browser.click(By.xpath("//table[@id='township-table']//a[text()='会师镇']"));
			this.browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("index-table")));
			assertThat(this.driver.findElement(By.id("index-table")).getText()).contains("驾驶舱浏览器公司" + this.tag);
		}
	}

	@Test
	void theCockpitTilesLayOutAgainWhenTheWindowNarrowsAndItsTooltipsKeepToThePolicy() throws Exception {
		long s = enterprise("驾驶舱缩放公司" + this.tag);
		clue(ClueSource.TIP, List.of(s));
		this.browser.signIn(this.port, "leader", TestAccounts.PASSWORD);
		this.driver.get("http://localhost:" + this.port + "/cockpit");
		this.browser.waiting().until(ExpectedConditions.attributeToBe(By.id("cockpit-map"), "data-drawn", "true"));
		this.browser.waiting().until(ExpectedConditions.attributeToBe(By.id("cockpit-months"), "data-drawn", "true"));
		this.browser.consoleErrors();
		// the months' axis tooltip: ECharts' default HTML carries style attributes the
		// CSP
		// refuses, so it renders as rich text inside the chart
		new Actions(this.driver).moveToElement(this.driver.findElement(By.id("cockpit-months"))).perform();
		new Actions(this.driver).moveByOffset(20, 10).perform();
		assertThat(this.browser.consoleErrors()).as("console errors on hovering the months").isEmpty();

		Map<String, Object> wide = tiles();
		this.browser.resize(390, 844);
		this.browser.waiting()
			.until(d -> !tiles().get("width").equals(wide.get("width"))
					&& ((Number) tiles().get("mapWidth")).intValue() < 400);
		Map<String, Object> narrow = tiles();
		System.out.println("cockpit tiles at 1400 px: " + wide + "; at 390 px: " + narrow);
		assertThat(((Number) narrow.get("width")).doubleValue()).as("a tile's width at 390 px")
			.isLessThan(((Number) wide.get("width")).doubleValue())
			.isPositive();
		assertThat(((Number) narrow.get("columns")).intValue()).as("columns at 390 px")
			.isLessThan(((Number) wide.get("columns")).intValue());
		assertThat(((Number) narrow.get("rightmost")).doubleValue()).as("the rightmost tile's edge within the map")
			.isLessThanOrEqualTo(((Number) narrow.get("mapWidth")).doubleValue());
		assertThat(((Number) narrow.get("bottommost")).doubleValue()).as("the lowest tile's edge within the map")
			.isLessThanOrEqualTo(((Number) narrow.get("mapHeight")).doubleValue());
		Object overflow = ((JavascriptExecutor) this.driver)
			.executeScript("return document.documentElement.scrollWidth > window.innerWidth");
		assertThat(overflow).as("the cockpit fits the 390 px window").isEqualTo(false);
		assertThat(this.browser.consoleErrors()).as("console errors on narrowing").isEmpty();
		this.browser.screenshot("cockpit-narrowed.png");
	}

	/**
	 * The township tiles as the map lays them out now: a tile's width, the number of
	 * distinct columns, the furthest right and lowest edges, and the map's box — read
	 * from the chart (ECharts' own pixel conversion).
	 */
	@SuppressWarnings("unchecked")
	private Map<String, Object> tiles() {
		return (Map<String, Object>) ((JavascriptExecutor) this.driver).executeScript("""
				var el = document.getElementById('cockpit-map');
				var chart = echarts.getInstanceByDom(el);
				var series = chart.getOption().series[0];
				var size = series.symbolSize;
				var xs = {}, right = 0, bottom = 0;
				series.data.forEach(function (d) {
				  var p = chart.convertToPixel({ seriesIndex: 0 }, d.value);
				  xs[Math.round(p[0])] = true;
				  right = Math.max(right, p[0] + size[0] / 2);
				  bottom = Math.max(bottom, p[1] + size[1] / 2);
				});
				return { width: size[0], height: size[1], columns: Object.keys(xs).length, rightmost: right,
				  bottommost: bottom, mapWidth: el.clientWidth, mapHeight: el.clientHeight };
				""");
	}

	/** A #rrggbb colour as the browser computes it. */
	private static String rgb(String hex) {
		int v = Integer.parseInt(hex.substring(1), 16);
		return "rgb(" + (v >> 16) + ", " + ((v >> 8) & 0xff) + ", " + (v & 0xff) + ")";
	}

}
