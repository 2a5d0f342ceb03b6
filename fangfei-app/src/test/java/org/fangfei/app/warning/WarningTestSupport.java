package org.fangfei.app.warning;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.JsonPath;
import org.fangfei.app.CountyTestSupport;
import org.fangfei.app.EventsDelivered;
import org.fangfei.app.clue.ClueEvent;
import org.fangfei.app.clue.ClueGrade;
import org.fangfei.app.clue.ClueSource;
import org.fangfei.app.clue.ClueState;
import org.fangfei.app.shared.CreditCode;
import org.fangfei.app.shared.Times;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What the warning tests share: the demo accounts, a tag for unique names, subjects
 * registered through the subject API, the other modules' events published as their owners
 * publish them (in a transaction, delivered after commit), and look-ups.
 */
abstract class WarningTestSupport extends CountyTestSupport {

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	UserDetails chief;

	UserDetails huishi;

	UserDetails hepan;

	UserDetails leader;

	static long refs = System.nanoTime() % 1_000_000_000L + 1_000_000_000L;

	@BeforeEach
	void setUpAccountsAndTag() {
		this.chief = this.accounts.ready("chief");
		this.huishi = this.accounts.ready("huishi");
		this.hepan = this.accounts.ready("hepan");
		this.leader = this.accounts.ready("leader");
	}

	static String creditCode() {
		StringBuilder b = new StringBuilder("91620422");
		for (int i = 0; i < 9; i++) {
			b.append((char) ('0' + ThreadLocalRandom.current().nextInt(10)));
		}
		return b.toString() + CreditCode.checkCharacter(b.toString());
	}

	long enterprise(String name) throws Exception {
		return subject(Map.of("kind", "ENTERPRISE", "name", name, "creditCode", creditCode(), "regionCode",
				HUISHI_VILLAGE, "status", "WATCHING"));
	}

	long subject(Map<String, Object> form) throws Exception {
		MockHttpServletResponse r = this.mvc
			.perform(post("/api/v1/subjects").with(user(this.office))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(form)))
			.andReturn()
			.getResponse();
		assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
		return JsonPath.parse(r.getContentAsString()).read("$.id", Long.class);
	}

	static long nextRef() {
		return ++refs;
	}

	/**
	 * A clue registered about the subjects from {@code source}, as the clue module says
	 * it.
	 */
	long clue(ClueSource source, List<Long> subjects) {
		long id = nextRef();
		ClueEvent.ClueRef ref = new ClueEvent.ClueRef(id, "XS" + id, HUISHI_VILLAGE, null, ClueGrade.NORMAL,
				ClueState.REGISTERED, 1);
		publish(new ClueEvent.Registered(ref, source, null, "测试线索 " + this.tag, null, null, subjects, Times.now()));
		return id;
	}

	void publish(Object event) {
		this.tx.executeWithoutResult(s -> this.events.publishEvent(event));
		EventsDelivered.await(this.jdbc);
	}

	Map<String, Object> index(long subject) {
		return this.jdbc.sql("select score, tier from warning_subject where subject_id = ?")
			.param(subject)
			.query()
			.singleRow();
	}

	int score(long subject) {
		return ((Number) index(subject).get("score")).intValue();
	}

	String tier(long subject) {
		return (String) index(subject).get("tier");
	}

	List<String> kinds(long subject) {
		return new ArrayList<>(this.jdbc.sql("select kind from warning_signal where subject_id = ? order by kind")
			.param(subject)
			.query(String.class)
			.list());
	}

	List<Map<String, Object>> warnings(long subject) {
		return this.jdbc.sql("select * from warning where subject_id = ? order by id")
			.param(subject)
			.query()
			.listOfRows();
	}

	Map<String, Object> row(String sql, Object... args) {
		Map<String, Object> m = new LinkedHashMap<>();
		var q = this.jdbc.sql(sql);
		for (Object a : args) {
			q = q.param(a);
		}
		m.putAll(q.query().singleRow());
		return m;
	}

	static OffsetDateTime daysAgo(int days) {
		return Times.now().minusDays(days);
	}

}
