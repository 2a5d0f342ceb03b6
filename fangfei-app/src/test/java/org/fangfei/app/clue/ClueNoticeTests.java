package org.fangfei.app.clue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.fangfei.app.EventsDelivered;
import org.fangfei.app.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.security.core.userdetails.UserDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whose turn it is shows in the inbox: each step posts one notice to the party that must
 * act, and it leaves "needs me now" when the step ends.
 */
@IntegrationTest
class ClueNoticeTests extends ClueTestSupport {

	@Test
	void eachStepTellsWhoseTurnItIsAndEndsWithTheStep() throws Exception {
		long id = registered("待办通知");
		String code = code(id);
		assertThat(open(this.office)).containsExactly("待受理：" + code + " 待办通知 " + this.tag);
		assertThat(open(this.huishi)).isEmpty();

		toDispatched(id);
		assertThat(open(this.office)).isEmpty();
		assertThat(open(this.huishi)).containsExactly("待签收：" + code + " 待办通知 " + this.tag);
		assertThat(open(this.hepan)).isEmpty();

		ok(this.huishi, id, "RECEIVE");
		assertThat(open(this.huishi)).containsExactly("待核查：" + code + " 待办通知 " + this.tag);
		ok(this.huishi, id, "VERIFY", verification());
		assertThat(open(this.huishi)).isEmpty();
		assertThat(open(this.chief)).containsExactly("待研判认定：" + code + " 待办通知 " + this.tag);
		// a move that does not change the state keeps the step's notice
		ok(this.chief, id, "DETERMINE", determination("SUSPECTED_ILLEGAL", "涉嫌非法吸收公众存款"));
		ok(this.huishi, id, "MEASURE", measure("WARNING_INTERVIEW", null));
		assertThat(open(this.huishi)).containsExactly("待处置：" + code + " 待办通知 " + this.tag);

		String all = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get("/api/v1/inbox?state=done&size=100")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.user(this.huishi)))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		List<String> done = JsonPath.parse(all).read("$.items[?(@.link == '/clues/" + id + "')].title");
		assertThat(done).contains("待签收：" + code + " 待办通知 " + this.tag, "待核查：" + code + " 待办通知 " + this.tag);
	}

	/** Titles of the open notices about this test's clues in the user's inbox. */
	/** The user's open notices of this test, once the moves' events were delivered. */
	private List<String> open(UserDetails who) throws Exception {
		EventsDelivered.await(this.jdbc);
		String body = getAs(who, "/api/v1/inbox?state=open&size=100").getContentAsString(StandardCharsets.UTF_8);
		List<Map<String, Object>> items = JsonPath.parse(body).read("$.items");
		return items.stream()
			.filter(n -> n.get("title").toString().contains(this.tag))
			.filter(n -> Boolean.TRUE.equals(n.get("open")))
			.map(n -> n.get("title").toString())
			.toList();
	}

}
