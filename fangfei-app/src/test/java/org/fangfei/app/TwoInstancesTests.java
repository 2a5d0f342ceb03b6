package org.fangfei.app;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutorListener;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, item 6: two instances of the application — two Spring contexts, each with its
 * own web server on its own port — on one database, as a province runs them behind a
 * balancer. Every scheduled job triggered on both at the same moment runs once; a user
 * signed in on one is signed in on the other with the same session cookie; a rate limit
 * used up on one holds on the other.
 */
class TwoInstancesTests {

	/** Runs of each scheduler lock's job, on either instance. */
	private static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();

	@TempDir
	static Path backups;

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void startTwoInstances() {
		a = start(backups.resolve("a"));
		b = start(backups.resolve("b"));
	}

	@AfterAll
	static void stop() {
		Stream.of(b, a).filter(c -> c != null).forEach(ConfigurableApplicationContext::close);
	}

	/**
	 * An instance on the test database (the same data directory as every test context, so
	 * the same embedded server) with a backup folder of its own and a nightly backup in
	 * the schedule, counting the runs of its scheduler locks' jobs.
	 */
	private static ConfigurableApplicationContext start(Path backupFolder) {
		LockingTaskExecutorListener counting = new LockingTaskExecutorListener() {
			@Override
			public void onTaskStarted(LockConfiguration lock) {
				RUNS.computeIfAbsent(lock.getName(), n -> new AtomicInteger()).incrementAndGet();
			}
		};
		return new SpringApplicationBuilder(FangfeiApplication.class)
			.initializers(context -> context.getBeanFactory().registerSingleton("countingRuns", counting))
			.run("--server.port=0", "--fangfei.backup.dir=" + backupFolder, "--fangfei.backup.cron=0 0 3 1 1 *",
					"--spring.main.banner-mode=off");
	}

	private static int port(ConfigurableApplicationContext instance) {
		return ((WebServerApplicationContext) instance).getWebServer().getPort();
	}

	@Test
	void everyScheduledJobTriggeredOnBothInstancesAtOnceRunsOnce() throws Exception {
		JdbcClient jdbc = a.getBean(JdbcClient.class);
		// no lock held, as on a quiet night (the test contexts' own schedules are
		// delayed)
		jdbc.sql("update shedlock set lock_until = timezone('utc', now()) - interval '1 second'").update();
		RUNS.clear();
		Map<String, Runnable> onA = jobs(a);
		Map<String, Runnable> onB = jobs(b);
		assertThat(onB.keySet()).isEqualTo(onA.keySet());

		ExecutorService pool = Executors.newFixedThreadPool(2 * onA.size());
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<?>> runs = new ArrayList<>();
			for (String job : onA.keySet()) {
				for (Runnable task : List.of(onA.get(job), onB.get(job))) {
					runs.add(pool.submit(() -> {
						go.await();
						task.run();
						return null;
					}));
				}
			}
			go.countDown();
			for (Future<?> run : runs) {
				run.get();
			}
		}
		finally {
			pool.shutdownNow();
		}

		Set<String> locked = onA.keySet()
			.stream()
			.map(TwoInstancesTests::lockOf)
			.filter(l -> l != null)
			.map(SchedulerLock::name)
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(locked).contains("tip-rewards", "clue-deadline-watch", "clue-tally-fold", "monitoring-batch-upkeep",
				"backup-nightly", "session-cleanup", "rate-limit-expiry", "sign-in-known-expiry", "credit-expiry");
		Map<String, Integer> runs = new TreeMap<>();
		locked.forEach(name -> runs.put(name, RUNS.getOrDefault(name, new AtomicInteger()).get()));
		assertThat(runs).as("runs per job on both instances together").allSatisfy((job, n) -> assertThat(n).isOne());
		assertThat(RUNS.get("backup").get()).as("the backup the nightly job wrote").isOne();
		try (Stream<Path> files = Stream.of(backups.resolve("a"), backups.resolve("b"))
			.filter(Files::isDirectory)
			.flatMap(TwoInstancesTests::list)) {
			assertThat(files.filter(f -> f.getFileName().toString().endsWith(".zip")).count())
				.as("backup files on both instances")
				.isOne();
		}
		assertThat(jdbc.sql("select distinct locked_by from shedlock where name in (:names)")
			.param("names", locked)
			.query(String.class)
			.list()).as("each lock names the instance that ran the job").hasSizeBetween(1, 2);
	}

	/**
	 * The scheduled tasks of an instance as its scheduler runs them, by the class and
	 * method they call ({@code org.fangfei.app.tip.Rewards.scheduled}).
	 */
	private static Map<String, Runnable> jobs(ConfigurableApplicationContext instance) {
		Map<String, Runnable> jobs = new LinkedHashMap<>();
		for (ScheduledTaskHolder holder : instance.getBeansOfType(ScheduledTaskHolder.class).values()) {
			for (ScheduledTask task : holder.getScheduledTasks()) {
				jobs.put(task.getTask().toString(), task.getTask().getRunnable());
			}
		}
		return jobs;
	}

	/**
	 * The scheduler lock of a scheduled method, named {@code class.method}; null if none.
	 */
	private static SchedulerLock lockOf(String job) {
		int dot = job.lastIndexOf('.');
		try {
			Class<?> type = Class.forName(job.substring(0, dot));
			return type.getDeclaredMethod(job.substring(dot + 1)).getAnnotation(SchedulerLock.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new AssertionError("not a scheduled method: " + job, ex);
		}
	}

	private static Stream<Path> list(Path dir) {
		try {
			return Files.list(dir);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void aUserSignedInOnOneInstanceIsSignedInOnTheOtherWithTheSameCookie() throws Exception {
		accounts().ready("leader");
		String cookie = signIn(port(a), "leader", TestAccounts.PASSWORD);
		String name = a.getBean(JdbcClient.class)
			.sql("select display_name from app_user where username = 'leader'")
			.query(String.class)
			.single();

		HttpResponse<String> home = get(port(b), "/", cookie);
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains(name);
		HttpResponse<String> api = get(port(b), "/api/v1/grids", cookie);
		assertThat(api.statusCode()).as("the API too").isEqualTo(200);

		// signed out on B: the cookie leads nowhere on A either
		String token = csrfToken(get(port(b), "/", cookie).body());
		HttpResponse<String> out = post(port(b), "/logout", cookie, Map.of("_csrf", token));
		assertThat(out.statusCode()).isEqualTo(302);
		HttpResponse<String> after = get(port(a), "/", cookie);
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
	}

	@Test
	void aSignInPauseTakenOnOneInstanceHoldsOnTheOther() throws Exception {
		String name = "two-instances-" + UUID.randomUUID().toString().substring(0, 8);
		int max = a.getBean(JdbcClient.class)
			.sql("select value::int from setting where key = 'lockout.max-failures'")
			.query(Integer.class)
			.single();
		for (int i = 0; i < max; i++) {
			assertThat(attempt(port(a), name, "wrong-" + i)).endsWith("/login?error=bad");
		}
		assertThat(attempt(port(b), name, "wrong")).as("the other instance").endsWith("/login?error=wait");
		assertThat(attempt(port(a), name, "wrong")).endsWith("/login?error=wait");
	}

	private TestAccounts accounts() {
		return new TestAccounts(a.getBean(JdbcClient.class), a.getBean(PasswordEncoder.class),
				a.getBean(UserDetailsService.class));
	}

	/** Signs in as a browser does; returns the session cookie ({@code SESSION=…}). */
	private String signIn(int port, String username, String password) throws Exception {
		HttpResponse<String> page = get(port, "/login", null);
		String cookie = sessionCookie(page);
		HttpResponse<String> signedIn = post(port, "/login", cookie,
				Map.of("username", username, "password", password, "_csrf", csrfToken(page.body())));
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
		assertThat(signedIn.headers().allValues("Set-Cookie"))
			.as("the session cookie stays out of scripts and other sites")
			.anySatisfy(c -> assertThat(c).startsWith(SessionCookie.NAME + "=")
				.containsIgnoringCase("HttpOnly")
				.containsIgnoringCase("SameSite=Strict"));
		return sessionCookie(signedIn);
	}

	/** Where a sign-in attempt is sent. */
	private String attempt(int port, String username, String password) throws Exception {
		HttpResponse<String> page = get(port, "/login", null);
		return post(port, "/login", sessionCookie(page),
				Map.of("username", username, "password", password, "_csrf", csrfToken(page.body())))
			.headers()
			.firstValue("Location")
			.orElseThrow();
	}

	private HttpResponse<String> get(int port, String path, String cookie) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Accept", path.startsWith("/api/") ? "application/json" : "text/html");
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(int port, String path, String cookie, Map<String, String> form) throws Exception {
		String body = form.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Cookie", cookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String sessionCookie(HttpResponse<?> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith(SessionCookie.NAME + "="))
			.map(c -> c.substring(0, c.indexOf(';')))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie set"));
	}

	private static String csrfToken(String html) {
		Matcher m = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"").matcher(html);
		assertThat(m.find()).as("the page carries a CSRF token").isTrue();
		return m.group(1);
	}

}
