package org.fangfei.flink;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.fangfei.flink.HttpBatchSink.HttpSinkSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpBatchSinkTests {

	@RegisterExtension
	static final MiniClusterExtension FLINK = new MiniClusterExtension(
			new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1)
				.setNumberSlotsPerTaskManager(2)
				.build());

	private final List<String> bodies = new CopyOnWriteArrayList<>();

	private final List<String> authorizations = new CopyOnWriteArrayList<>();

	private final AtomicInteger requests = new AtomicInteger();

	private volatile int failFirst;

	private volatile int failStatus;

	private HttpServer server;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/api/v1/monitoring/alerts", this::handle);
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		int status = 200;
		if (this.requests.incrementAndGet() <= this.failFirst) {
			status = this.failStatus;
		}
		else {
			this.bodies.add(body);
			this.authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
		}
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	private String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/api/v1/monitoring/alerts";
	}

	private void run(HttpSinkSettings settings, long elements) throws Exception {
		StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
		env.setParallelism(1);
		env.fromData(LongStream.rangeClosed(1, elements).boxed().collect(Collectors.toList()))
			.sinkTo(new HttpBatchSink<Long>(settings, (n) -> "{\"n\":" + n + "}"))
			.name("http");
		env.execute("http sink test");
	}

	@Test
	void postsJsonArraysInBatchesWithTheBearerTokenAndRetriesServerErrors() throws Exception {
		this.failFirst = 2;
		this.failStatus = 503;
		run(new HttpSinkSettings(url(), "s3cret", 4, 5, Duration.ofMillis(10), Duration.ofSeconds(5)), 10);

		assertThat(this.requests).hasValue(2 + 3);
		assertThat(this.bodies).containsExactly("[{\"n\":1},{\"n\":2},{\"n\":3},{\"n\":4}]",
				"[{\"n\":5},{\"n\":6},{\"n\":7},{\"n\":8}]", "[{\"n\":9},{\"n\":10}]");
		assertThat(this.authorizations).containsOnly("Bearer s3cret");
	}

	@Test
	void failsTheJobAtOnceWhenTheServerRefusesTheBatch() {
		this.failFirst = 100;
		this.failStatus = 401;
		assertThatThrownBy(
				() -> run(new HttpSinkSettings(url(), "wrong", 4, 5, Duration.ofMillis(10), Duration.ofSeconds(5)), 3))
			.rootCause()
			.hasMessageContaining("alerts refused by " + url())
			.hasMessageContaining("HTTP 401");
		assertThat(this.requests).hasValue(1);
	}

	@Test
	void failsTheJobAfterTheLastAttempt() {
		this.failFirst = 100;
		this.failStatus = 500;
		assertThatThrownBy(
				() -> run(new HttpSinkSettings(url(), "", 4, 3, Duration.ofMillis(10), Duration.ofSeconds(5)), 3))
			.rootCause()
			.hasMessageContaining("failed 3 times, last: HTTP 500");
		assertThat(this.requests).hasValue(3);
	}

	@Test
	void refusesAUrlThatIsNotHttp() {
		assertThatThrownBy(() -> HttpSinkSettings.of("ftp://x/y", "t")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("--http-url must be an http or https URL");
	}

}
