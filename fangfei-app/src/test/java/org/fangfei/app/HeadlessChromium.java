package org.fangfei.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Debian's headless Chromium driven by its own chromedriver, with a fresh profile, for
 * the real-browser tests. Nothing is downloaded: a missing browser fails the test with
 * the command that installs it (.ci/run runs it).
 */
public final class HeadlessChromium implements AutoCloseable {

	private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	private static final File CHROMIUM = new File("/usr/bin/chromium");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final ChromeDriverService service;

	private final Path profile;

	private final WebDriver driver;

	private final WebDriverWait wait;

	private HeadlessChromium(int width, int height, boolean phone) throws IOException {
		if (!CHROMEDRIVER.canExecute() || !CHROMIUM.canExecute()) {
			fail("Browser tests need Debian's Chromium and its driver (" + CHROMIUM + ", " + CHROMEDRIVER
					+ "): install them with 'apt-get install -y chromium chromium-driver' (.ci/run does this)");
		}
		this.profile = Files.createTempDirectory("fangfei-chromium-");
		this.service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).usingAnyFreePort().build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--no-first-run", "--disable-component-update", "--disable-sync",
				"--window-size=" + width + "," + height, "--lang=zh-CN",
				"--user-data-dir=" + this.profile.toAbsolutePath());
		// the console, for consoleErrors(): a refused style or script, a failed resource
		options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
		if (phone) {
			// headless windows have a minimum width; emulate the phone's viewport exactly
			options.setExperimentalOption("mobileEmulation",
					Map.of("deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 1.0)));
		}
		this.driver = new ChromeDriver(this.service, options);
		this.wait = new WebDriverWait(this.driver, Duration.ofSeconds(20));
	}

	/** A desktop-sized window. */
	public static HeadlessChromium desktop() throws IOException {
		return new HeadlessChromium(1400, 1800, false);
	}

	/** A phone's viewport, 390 × 844. */
	public static HeadlessChromium phone() throws IOException {
		return new HeadlessChromium(390, 844, true);
	}

	public WebDriver driver() {
		return this.driver;
	}

	public WebDriverWait waiting() {
		return this.wait;
	}

	/**
	 * Signs in on the login page of the server at {@code port} and fails the test when
	 * the sign-in is refused.
	 */
	public void signIn(int port, String username, String password) {
		this.driver.get("http://localhost:" + port + "/login");
		this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
		this.driver.findElement(By.id("password")).sendKeys(password);
		this.driver.findElement(By.id("login-submit")).click();
		this.wait.until(ExpectedConditions.or(ExpectedConditions.not(ExpectedConditions.urlContains("/login")),
				ExpectedConditions.presenceOfElementLocated(By.id("login-error"))));
		assertThat(this.driver.findElements(By.id("login-error"))).as("sign-in of %s refused", username).isEmpty();
	}

	/** Scrolls an element into the middle of the window and clicks it. */
	public void click(By by) {
		WebElement element = this.wait.until(ExpectedConditions.presenceOfElementLocated(by));
		((JavascriptExecutor) this.driver)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
		this.wait.until(ExpectedConditions.elementToBeClickable(element)).click();
	}

	/**
	 * Opens a page from the menu as a person would: the phone's menu button when the menu
	 * is folded, then the item's group, then the item ({@code menu-clues}).
	 */
	public void menu(String itemId) {
		WebElement item = this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id(itemId)));
		WebElement toggler = this.driver.findElement(By.id("menu-toggle"));
		if (toggler.isDisplayed() && !this.driver.findElement(By.id("nav")).isDisplayed()) {
			toggler.click();
			this.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav")));
		}
		item.findElement(By.xpath("ancestor::li[contains(@class,'dropdown')]/a")).click();
		this.wait.until(ExpectedConditions.elementToBeClickable(item)).click();
	}

	/**
	 * The errors the browser's console showed since the last call: a style or script the
	 * Content-Security-Policy refused, a resource that failed to load, a script error.
	 */
	public List<String> consoleErrors() {
		return this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	/**
	 * Gives the page a viewport of this size, as a window resized or a phone turned would
	 * (the page gets its resize event); headless windows have a minimum width, so the
	 * viewport is emulated.
	 */
	public void resize(int width, int height) {
		((ChromeDriver) this.driver).executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
	}

	/** Saves a PNG of the page under target/screenshots, as evidence to look at. */
	public void screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			File shot = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException("Could not save the screenshot " + name, ex);
		}
	}

	@Override
	public void close() {
		this.driver.quit();
		this.service.stop();
		FileSystemUtils.deleteRecursively(this.profile.toFile());
	}

}
