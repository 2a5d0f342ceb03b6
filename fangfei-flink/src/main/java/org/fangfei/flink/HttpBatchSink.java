package org.fangfei.flink;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.util.function.SerializableFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs elements as a JSON array, in batches, to one URL with an optional
 * {@code Authorization: Bearer} token. A batch is sent when it is full and whenever Flink
 * flushes (before each checkpoint and at the end of input), so every element before a
 * completed checkpoint has been accepted by the server: at least once. The receiver must
 * therefore be idempotent (the alert id is stable).
 * <p>
 * Connection failures, 429 and 5xx are retried with doubling back-off; after the last
 * attempt, or at once on any other answer than 2xx, the writer throws and Flink restarts
 * the job from its last checkpoint.
 *
 * @param <T> the element, written as one JSON object
 */
final class HttpBatchSink<T> implements Sink<T> {

	private static final long serialVersionUID = 1L;

	private final HttpSinkSettings settings;

	private final SerializableFunction<T, String> toJson;

	HttpBatchSink(HttpSinkSettings settings, SerializableFunction<T, String> toJson) {
		this.settings = settings;
		this.toJson = toJson;
	}

	@Override
	public SinkWriter<T> createWriter(WriterInitContext context) {
		return new Writer<>(this.settings, this.toJson);
	}

	/**
	 * Where and how to post.
	 *
	 * @param url the endpoint, e.g.
	 * {@code https://fangfei.example/api/v1/monitoring/alerts}
	 * @param token the bearer token, or blank for none
	 * @param batchSize the most elements in one request
	 * @param attempts how often one batch is tried before the job fails
	 * @param firstBackoff the wait after the first failed attempt; doubled after each
	 * further one
	 * @param timeout connect and request timeout
	 */
	record HttpSinkSettings(String url, String token, int batchSize, int attempts, Duration firstBackoff,
			Duration timeout) implements java.io.Serializable {

		HttpSinkSettings {
			URI uri = URI.create(url);
			if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
				throw new IllegalArgumentException("--http-url must be an http or https URL: " + url);
			}
			if (batchSize < 1 || attempts < 1) {
				throw new IllegalArgumentException("batch size and attempts must be at least 1");
			}
		}

		static HttpSinkSettings of(String url, String token) {
			return new HttpSinkSettings(url, token, 500, 6, Duration.ofMillis(500), Duration.ofSeconds(30));
		}

	}

	private static final class Writer<T> implements SinkWriter<T> {

		private static final Logger log = LoggerFactory.getLogger(HttpBatchSink.class);

		private final HttpSinkSettings settings;

		private final SerializableFunction<T, String> toJson;

		private final HttpClient client;

		private final List<String> batch = new ArrayList<>();

		Writer(HttpSinkSettings settings, SerializableFunction<T, String> toJson) {
			this.settings = settings;
			this.toJson = toJson;
			this.client = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
		}

		@Override
		public void write(T element, Context context) throws IOException, InterruptedException {
			this.batch.add(this.toJson.apply(element));
			if (this.batch.size() >= this.settings.batchSize()) {
				post();
			}
		}

		@Override
		public void flush(boolean endOfInput) throws IOException, InterruptedException {
			if (!this.batch.isEmpty()) {
				post();
			}
		}

		private void post() throws IOException, InterruptedException {
			HttpRequest request = request("[" + String.join(",", this.batch) + "]");
			Duration backoff = this.settings.firstBackoff();
			for (int attempt = 1;; attempt++) {
				String failure;
				try {
					HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
					int status = response.statusCode();
					if (status / 100 == 2) {
						this.batch.clear();
						return;
					}
					failure = "HTTP " + status + " " + abbreviate(response.body());
					if (status != 429 && status / 100 != 5) {
						throw new RefusedException("alerts refused by " + this.settings.url() + ": " + failure);
					}
				}
				catch (RefusedException ex) {
					throw ex;
				}
				catch (IOException ex) {
					failure = ex.toString();
				}
				if (attempt >= this.settings.attempts()) {
					throw new IOException("posting " + this.batch.size() + " alerts to " + this.settings.url()
							+ " failed " + attempt + " times, last: " + failure);
				}
				log.warn("posting {} alerts failed (attempt {} of {}), retrying in {} ms: {}", this.batch.size(),
						attempt, this.settings.attempts(), backoff.toMillis(), failure);
				Thread.sleep(backoff.toMillis());
				backoff = backoff.multipliedBy(2);
			}
		}

		private HttpRequest request(String body) {
			HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.settings.url()))
				.timeout(this.settings.timeout())
				.header("Content-Type", "application/json; charset=utf-8")
				.POST(HttpRequest.BodyPublishers.ofString(body));
			if (this.settings.token() != null && !this.settings.token().isBlank()) {
				builder.header("Authorization", "Bearer " + this.settings.token());
			}
			return builder.build();
		}

		private static String abbreviate(String body) {
			return (body.length() > 200) ? body.substring(0, 200) + "…" : body;
		}

		@Override
		public void close() {
			// java.net.http.HttpClient of Java 17 has nothing to close
		}

	}

	/** An answer that retrying will not change (4xx other than 429). */
	static final class RefusedException extends IOException {

		private static final long serialVersionUID = 1L;

		RefusedException(String message) {
			super(message);
		}

	}

}
