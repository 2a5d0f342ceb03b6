package org.fangfei.app.clue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;
import org.fangfei.app.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two people acting on the same clue at once: of two moves made on the same version,
 * exactly one is carried out and the other is told (409) with nothing written; a move on
 * a version that is no longer current is refused the same way.
 */
@IntegrationTest
class ClueConcurrencyTests extends ClueTestSupport {

	@Test
	void ofTwoConcurrentAcceptsOnTheSameVersionExactlyOneWins() throws Exception {
		long id = registered("并发受理");
		List<MockHttpServletResponse> responses = race(id, 0, this.office, this.chief, "ACCEPT", Map.of());
		assertOneWinner(responses);
		assertThat(state(id)).isEqualTo("ACCEPTED");
		assertThat(version(id)).isEqualTo(1);
		assertThat(events(id, "受理")).hasSize(1);
		assertThat(audits(id)).containsOnlyOnce("CLUE_ACCEPT");
		assertThat(count("select count(*) from clue_step where clue_id = ? and step = 'ACCEPTED'", id)).isOne();
	}

	@Test
	void ofTwoConcurrentDifferentMovesOnlyOneIsCarriedOut() throws Exception {
		long id = registered("并发受理与不予受理");
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<MockHttpServletResponse> accept = pool
				.submit(atStart(start, () -> moveAt(this.office, id, "ACCEPT", 0, Map.of())));
			Future<MockHttpServletResponse> reject = pool
				.submit(atStart(start, () -> moveAt(this.chief, id, "REJECT", 0, note("不属于非法集资"))));
			start.countDown();
			assertOneWinner(List.of(accept.get(30, TimeUnit.SECONDS), reject.get(30, TimeUnit.SECONDS)));
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(state(id)).isIn("ACCEPTED", "REJECTED");
		assertThat(timeline(id)).hasSize(2);
		assertThat(count("select count(*) from clue_step where clue_id = ?", id))
			.isEqualTo(state(id).equals("ACCEPTED") ? 2 : 1);
	}

	@Test
	void aStaleVersionIsRefusedAndNothingWritten() throws Exception {
		long id = registered("过期版本");
		ok(this.office, id, "ACCEPT");
		Snapshot before = snapshot(id);
		MockHttpServletResponse stale = moveAt(this.office, id, "DISPATCH", 0, dispatchTo("R" + HUISHI));
		assertThat(stale.getStatus()).isEqualTo(409);
		assertThat(JsonPath.parse(stale.getContentAsString()).read("$.detail", String.class)).contains(code(id),
				"已被他人处理", "待分派", "未执行");
		assertThat(snapshot(id)).isEqualTo(before);
		assertThat(clueRow(id)).containsEntry("handler_region_code", null);
	}

	@Test
	void twoConcurrentIntakesOfTheSameSourceReferenceMakeOneClue() throws Exception {
		Map<String, Object> form = hotline("并发重复提交");
		form.put("sourceRef", "race-" + this.tag);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<MockHttpServletResponse> responses = new ArrayList<>();
		try {
			List<Future<MockHttpServletResponse>> futures = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				futures.add(pool.submit(atStart(start, () -> postJson(this.office, "/api/v1/clues", form))));
			}
			start.countDown();
			for (Future<MockHttpServletResponse> f : futures) {
				responses.add(f.get(30, TimeUnit.SECONDS));
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(responses).extracting(MockHttpServletResponse::getStatus).containsExactlyInAnyOrder(201, 200);
		List<Long> ids = new ArrayList<>();
		for (MockHttpServletResponse r : responses) {
			ids.add(JsonPath.parse(r.getContentAsString()).read("$.id", Long.class));
		}
		assertThat(ids.get(0)).isEqualTo(ids.get(1));
		assertThat(count("select count(*) from clue where source_ref = ?", "race-" + this.tag)).isOne();
		assertThat(events(ids.get(0), "登记")).hasSize(1);
	}

	private List<MockHttpServletResponse> race(long id, int version, UserDetails first, UserDetails second,
			String action, Map<String, Object> fields) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<MockHttpServletResponse>> futures = new ArrayList<>();
			for (UserDetails who : List.of(first, second)) {
				futures.add(pool.submit(atStart(start, () -> moveAt(who, id, action, version, fields))));
			}
			start.countDown();
			List<MockHttpServletResponse> responses = new ArrayList<>();
			for (Future<MockHttpServletResponse> f : futures) {
				responses.add(f.get(30, TimeUnit.SECONDS));
			}
			return responses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static Callable<MockHttpServletResponse> atStart(CountDownLatch start,
			Callable<MockHttpServletResponse> call) {
		return () -> {
			start.await(10, TimeUnit.SECONDS);
			return call.call();
		};
	}

	private static void assertOneWinner(List<MockHttpServletResponse> responses) throws Exception {
		assertThat(responses).extracting(MockHttpServletResponse::getStatus).containsExactlyInAnyOrder(200, 409);
		for (MockHttpServletResponse r : responses) {
			if (r.getStatus() == 409) {
				assertThat(JsonPath.parse(r.getContentAsString()).read("$.detail", String.class)).contains("已被他人处理",
						"您的操作未执行");
			}
		}
	}

}
