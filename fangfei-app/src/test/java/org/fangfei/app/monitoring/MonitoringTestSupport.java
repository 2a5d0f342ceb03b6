package org.fangfei.app.monitoring;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/** Uploading through the page and waiting for the background task, for the tests. */
final class MonitoringTestSupport {

	private MonitoringTestSupport() {
	}

	/** Uploads a file as the user; returns where the page redirected to. */
	static String upload(MockMvc mvc, UserDetails as, String filename, byte[] bytes) throws Exception {
		return mvc
			.perform(multipart("/monitoring/uploads").file(new MockMultipartFile("file", filename, "text/csv", bytes))
				.with(user(as))
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	static long batchId(String redirect) {
		String rest = redirect.substring("/monitoring/batches/".length());
		return Long.parseLong(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest);
	}

	/** Uploads a file whose columns are known and waits until its batch is finished. */
	static long uploadAndWait(MockMvc mvc, BatchRunner runner, UserDetails as, String filename, byte[] bytes)
			throws Exception {
		String redirect = upload(mvc, as, filename, bytes);
		if (redirect == null || !redirect.matches("/monitoring/batches/[0-9]+")) {
			throw new AssertionError("Expected the batch page, was " + redirect);
		}
		long id = batchId(redirect);
		runner.await(id, Duration.ofMinutes(5));
		return id;
	}

	static String status(JdbcClient jdbc, long batchId) {
		return jdbc.sql("select status from monitoring_batch where id = :id")
			.param("id", batchId)
			.query(String.class)
			.single();
	}

	static long count(JdbcClient jdbc, String sql, Object param) {
		return jdbc.sql(sql).param("p", param).query(Long.class).single();
	}

}
