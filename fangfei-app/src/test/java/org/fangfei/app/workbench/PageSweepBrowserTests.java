package org.fangfei.app.workbench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.fangfei.app.HeadlessChromium;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page of the menu, and the home page, opened in Debian's headless Chromium as the
 * office and as a leader, and the public pages without sign-in: the browser's console
 * stays free of errors — a style or script the Content-Security-Policy refused, a
 * resource that failed to load (404), a script error. A failure names the page and the
 * console's message. Then the same on a phone (390 × 844) as the office, a township and a
 * grid worker, and the public pages: no page is wider than the phone, a wide table
 * scrolls inside its own box or becomes cards, and no table's column is squeezed to a
 * character a line. One load per page; the run time is printed.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(TestAccounts.class)
class PageSweepBrowserTests {

	/** The charts a page draws after loading, each marked data-drawn when finished. */
	private static final String CHARTS = "#cockpit-map, #cockpit-months, #chart-state, #chart-source, #chart-township, #trace-graph";

	/**
	 * The pages anyone may open (the public credit list is left out: it answers 404 while
	 * the county has not made it public, the default).
	 */
	private static final List<String> PUBLIC = List.of("/login", "/tip", "/tip/new", "/tip/track", "/risk-notices",
			"/learn/cases");

	/**
	 * Empty when the document is no wider than the window; else its width and the
	 * outermost elements that stick out past the window's right edge (inside no box that
	 * scrolls or clips them sideways), the first five, named by tag, id and classes.
	 */
	private static final String OVERFLOW = """
			const root = document.documentElement;
			if (root.scrollWidth <= root.clientWidth + 1) return '';
			const edge = root.clientWidth + 1;
			const out = [];
			const walk = (e) => {
			  for (const c of e.children) {
			    if (c.getBoundingClientRect().right > edge) {
			      out.push(c);
			      continue;
			    }
			    const x = getComputedStyle(c).overflowX;
			    if (x === 'visible') walk(c);
			  }
			};
			walk(document.body);
			const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
			  + Array.from(e.classList).map(k => '.' + k).join('');
			const deepest = (e) => {
			  let d = e;
			  for (;;) {
			    const next = Array.from(d.children).find(c => c.getBoundingClientRect().right > edge
			        && getComputedStyle(d).overflowX === 'visible');
			    if (!next) return d;
			    d = next;
			  }
			};
			return root.scrollWidth + ' px in ' + root.clientWidth + ': '
			  + out.slice(0, 5).map(e => name(e) + ' > … ' + name(deepest(e))
			      + ' (' + Math.round(deepest(e).getBoundingClientRect().right) + ')').join(', ');
			""";

	/**
	 * Empty when no table cell is squeezed to about a character a line (a column too
	 * narrow for its words, as a table gets on a phone when its box lets it shrink); else
	 * how many and the first four, with their table, text, lines and width.
	 */
	private static final String SQUEEZED = """
			const found = [];
			for (const cell of document.querySelectorAll('td, th')) {
			  if (cell.offsetParent === null) continue;
			  const text = cell.innerText.replace(/\\s+/g, '');
			  if (text.length < 2) continue;
			  const range = document.createRange();
			  range.selectNodeContents(cell);
			  const tops = Array.from(range.getClientRects()).filter(r => r.width > 0 && r.height > 0)
			    .map(r => r.top).sort((a, b) => a - b);
			  const size = parseFloat(getComputedStyle(cell).fontSize) || 16;
			  let lines = 0, last = -1e9;
			  for (const t of tops) { if (t > last + size * 0.6) { lines++; last = t; } }
			  if (lines >= 2 && text.length / lines <= 1.5) {
			    const table = cell.closest('table');
			    found.push((table && table.id ? '#' + table.id + ' ' : '') + '"' + text.slice(0, 12) + '" '
			      + lines + ' lines in ' + Math.round(cell.getBoundingClientRect().width) + ' px');
			  }
			}
			return found.length ? found.length + ' cells: ' + found.slice(0, 4).join(', ') : '';
			""";

	@LocalServerPort
	private int port;

	@Autowired
	private TestAccounts accounts;

	@ParameterizedTest
	@ValueSource(strings = { "office", "leader" })
	void everyPageOfTheMenuOpensWithoutAConsoleError(String username) throws IOException {
		List<String> pages = menuPages(username);
		try (HeadlessChromium browser = HeadlessChromium.desktop()) {
			browser.signIn(this.port, username, TestAccounts.PASSWORD);
			sweep(browser, username, pages, false);
		}
	}

	@Test
	void thePublicPagesOpenWithoutAConsoleError() throws IOException {
		try (HeadlessChromium browser = HeadlessChromium.desktop()) {
			sweep(browser, "public", publicPages(browser), false);
		}
	}

	/**
	 * The office's pages, and those of a township (huishi) and a grid worker (grid), who
	 * work on phones, at 390 px: besides the console, no page scrolls sideways.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "office", "huishi", "grid" })
	void everyPageOfTheMenuFitsAPhone(String username) throws IOException {
		List<String> pages = menuPages(username);
		try (HeadlessChromium browser = HeadlessChromium.phone()) {
			browser.signIn(this.port, username, TestAccounts.PASSWORD);
			sweep(browser, username + " on a phone", pages, true);
		}
	}

	@Test
	void thePublicPagesFitAPhone() throws IOException {
		try (HeadlessChromium browser = HeadlessChromium.phone()) {
			sweep(browser, "public on a phone", publicPages(browser), true);
		}
	}

	/** The home page and every page of the account's menu. */
	private List<String> menuPages(String username) {
		UserDetails account = this.accounts.ready(username);
		Set<String> held = account.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.toSet());
		Set<String> pages = new LinkedHashSet<>();
		pages.add("/");
		Menu.of(held::contains).forEach(g -> g.items().forEach(i -> pages.add(i.href())));
		assertThat(pages).as("%s's pages", username).hasSizeGreaterThan(3);
		return List.copyOf(pages);
	}

	/** The public pages, and a published risk notice when some test has published one. */
	private List<String> publicPages(HeadlessChromium browser) {
		List<String> pages = new ArrayList<>(PUBLIC);
		browser.driver().get("http://localhost:" + this.port + "/risk-notices");
		browser.driver()
			.findElements(By.cssSelector("#notice-list a"))
			.stream()
			.findFirst()
			.ifPresent(a -> pages.add(a.getDomAttribute("href")));
		return pages;
	}

	/**
	 * Opens each page once and fails naming every page with its console's errors, and,
	 * when {@code fits}, every page wider than the window with what sticks out, and every
	 * page with table cells squeezed to a character a line.
	 */
	private void sweep(HeadlessChromium browser, String who, List<String> pages, boolean fits) {
		WebDriver driver = browser.driver();
		browser.consoleErrors();
		List<String> problems = new ArrayList<>();
		long started = System.nanoTime();
		for (String page : pages) {
			driver.get("http://localhost:" + this.port + page);
			settle(driver);
			if (!driver.findElements(By.id("error-message")).isEmpty()) {
				problems.add(page + ": the error page — " + driver.findElement(By.id("error-message")).getText());
			}
			// the console's message up to what names the refusal (Chromium goes on to
			// explain hashes and nonces)
			browser.consoleErrors()
				.forEach(e -> problems.add(page + ": " + (e.length() > 240 ? e.substring(0, 240) + "…" : e)));
			if (fits) {
				String overflow = (String) ((JavascriptExecutor) driver).executeScript(OVERFLOW);
				if (!overflow.isEmpty()) {
					problems.add(page + ": wider than the phone — " + overflow);
				}
				String squeezed = (String) ((JavascriptExecutor) driver).executeScript(SQUEEZED);
				if (!squeezed.isEmpty()) {
					problems.add(page + ": columns squeezed to a character a line — " + squeezed);
				}
			}
		}
		System.out.printf("page sweep as %s: %d pages in %d ms%n", who, pages.size(),
				(System.nanoTime() - started) / 1_000_000);
		assertThat(problems).as("problems on the pages %s opens", who).isEmpty();
	}

	/**
	 * Waits for the page's charts to be drawn (they draw after fetching their figures,
	 * and a refused style would show then); a chart without figures draws nothing, so the
	 * wait is short and not an error.
	 */
	private static void settle(WebDriver driver) {
		try {
			new WebDriverWait(driver, Duration.ofSeconds(3))
				.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript("return document.readyState === 'complete'"
						+ " && Array.from(document.querySelectorAll('" + CHARTS + "'))"
						+ ".every(function (e) { return e.getAttribute('data-drawn') === 'true'; })"));
		}
		catch (TimeoutException ex) {
			// a chart with nothing to draw
		}
	}

}
