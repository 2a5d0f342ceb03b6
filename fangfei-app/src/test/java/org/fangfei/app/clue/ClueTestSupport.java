package org.fangfei.app.clue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import com.jayway.jsonpath.JsonPath;
import org.fangfei.app.EventsDelivered;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * What the clue integration tests share: the demo accounts ready to act, a tag that keeps
 * each test's titles and references unique in the shared database, intake and moves
 * through the JSON API as a given user (reading the version the user would have seen from
 * the database), and look-ups of what a move wrote: state, timeline, steps, audit rows
 * and notices.
 */
abstract class ClueTestSupport {

	/** A village of 会师镇. */
	static final String HUISHI_VILLAGE = "620422100001";

	static final String HUISHI = "620422100000";

	static final String HEPAN = "620422102000";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JsonMapper json;

	UserDetails office;

	UserDetails chief;

	UserDetails leader;

	UserDetails huishi;

	UserDetails hepan;

	UserDetails market;

	UserDetails grid;

	String tag;

	@BeforeEach
	void setUpAccountsAndTag() {
		this.office = this.accounts.ready("office");
		this.chief = this.accounts.ready("chief");
		this.leader = this.accounts.ready("leader");
		this.huishi = this.accounts.ready("huishi");
		this.hepan = this.accounts.ready("hepan");
		this.market = this.accounts.ready("market");
		this.grid = this.accounts.ready("grid");
		this.tag = Long.toString(System.nanoTime(), 36);
	}

	// ---- intake

	/** A hotline clue in a 会师镇 village, with an informant; tagged title. */
	Map<String, Object> hotline(String title) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("source", "HOTLINE");
		form.put("sourceDetail", "12345");
		form.put("title", title + " " + this.tag);
		form.put("description", "某公司以高息为诱饵向村民吸收资金");
		form.put("regionCode", HUISHI_VILLAGE);
		form.put("amount", "20000");
		form.put("peopleCount", 12);
		form.put("informantName", "张三");
		form.put("informantPhone", "13912345678");
		return form;
	}

	/** Registers through the API as {@code who}; expects 201 and returns the response. */
	String registerBody(UserDetails who, Map<String, Object> form) throws Exception {
		MockHttpServletResponse response = postJson(who, "/api/v1/clues", form);
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		return response.getContentAsString();
	}

	long register(UserDetails who, Map<String, Object> form) throws Exception {
		return JsonPath.parse(registerBody(who, form)).read("$.id", Long.class);
	}

	/** A hotline clue registered by the office. */
	long registered(String title) throws Exception {
		return register(this.office, hotline(title));
	}

	// ---- moves

	/** A move as {@code who} with the clue's current version; returns the response. */
	MockHttpServletResponse move(UserDetails who, long id, String action, Map<String, Object> fields) throws Exception {
		return moveAt(who, id, action, version(id), fields);
	}

	MockHttpServletResponse moveAt(UserDetails who, long id, String action, int version, Map<String, Object> fields)
			throws Exception {
		Map<String, Object> body = new LinkedHashMap<>(fields);
		body.put("version", version);
		return postJson(who, "/api/v1/clues/" + id + "/moves/" + action, body);
	}

	/** A move that must succeed. */
	void ok(UserDetails who, long id, String action, Map<String, Object> fields) throws Exception {
		MockHttpServletResponse response = move(who, id, action, fields);
		assertThat(response.getStatus()).as(action + ": " + response.getContentAsString()).isEqualTo(200);
	}

	void ok(UserDetails who, long id, String action) throws Exception {
		ok(who, id, action, Map.of());
	}

	/**
	 * A move that must be refused with {@code status}; checks nothing was written (state,
	 * version, timeline, steps, audit rows unchanged) and returns the message.
	 */
	String refused(int status, UserDetails who, long id, String action, Map<String, Object> fields) throws Exception {
		Snapshot before = snapshot(id);
		MockHttpServletResponse response = move(who, id, action, fields);
		assertThat(response.getStatus()).as(action + ": " + response.getContentAsString()).isEqualTo(status);
		assertThat(snapshot(id)).as("nothing written by a refused " + action).isEqualTo(before);
		String detail = JsonPath.parse(response.getContentAsString()).read("$.detail", String.class);
		assertThat(detail).as("a Chinese message").containsPattern("\\p{IsHan}");
		return detail;
	}

	/**
	 * A move refused before any rule is weighed (403 no permission, 404 out of scope);
	 * checks nothing was written and returns the status.
	 */
	int forbidden(UserDetails who, long id, String action, Map<String, Object> fields) throws Exception {
		Snapshot before = snapshot(id);
		int status = move(who, id, action, fields).getStatus();
		assertThat(snapshot(id)).as("nothing written by a refused " + action).isEqualTo(before);
		return status;
	}

	/** What a refused move must leave as it was. */
	record Snapshot(String state, int version, long events, long steps, long audits, long verifications, long measures,
			long notices) {
	}

	/**
	 * Taken once the notices of earlier moves are posted (they follow each move's
	 * events).
	 */
	Snapshot snapshot(long id) {
		EventsDelivered.await(this.jdbc);
		return new Snapshot(state(id), version(id), count("select count(*) from clue_event where clue_id = ?", id),
				count("select count(*) from clue_step where clue_id = ?", id),
				count("select count(*) from audit_log where target_type = 'clue' and target_id = ?", Long.toString(id)),
				count("select count(*) from clue_verification where clue_id = ?", id),
				count("select count(*) from clue_measure where clue_id = ?", id),
				count("select count(*) from notice where link = ?", "/clues/" + id));
	}

	static Map<String, Object> dispatchTo(String unitKey) {
		return Map.of("unit", unitKey);
	}

	static Map<String, Object> verification() {
		return Map.of("investigators", "张伟、李四", "visitedOn", LocalDate.now().toString(), "findings", "经走访核实，情况属实");
	}

	static Map<String, Object> determination(String what, String note) {
		return Map.of("determination", what, "note", note);
	}

	static Map<String, Object> measure(String kind, String amount) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("kind", kind);
		m.put("takenOn", LocalDate.now().toString());
		m.put("docNumber", "会师〔2026〕" + kind);
		if (amount != null) {
			m.put("amount", amount);
		}
		m.put("result", "已办理");
		return m;
	}

	static Map<String, Object> note(String note) {
		return Map.of("note", note);
	}

	/** Registered → accepted → dispatched to 会师镇. */
	void toDispatched(long id) throws Exception {
		ok(this.office, id, "ACCEPT");
		ok(this.office, id, "DISPATCH", dispatchTo("R" + HUISHI));
	}

	/** … → received by 会师镇 (verifying). */
	void toVerifying(long id) throws Exception {
		toDispatched(id);
		ok(this.huishi, id, "RECEIVE");
	}

	/** … → verification submitted (assessing). */
	void toAssessing(long id) throws Exception {
		toVerifying(id);
		ok(this.huishi, id, "VERIFY", verification());
	}

	/** … → determined by the office head. */
	void toDetermined(long id, String what) throws Exception {
		toAssessing(id);
		ok(this.chief, id, "DETERMINE", determination(what, "经研判，" + what + " 依据核查报告"));
	}

	// ---- reading back

	String state(long id) {
		return this.jdbc.sql("select state from clue where id = :id").param("id", id).query(String.class).single();
	}

	int version(long id) {
		return this.jdbc.sql("select version from clue where id = :id").param("id", id).query(Integer.class).single();
	}

	Map<String, Object> clueRow(long id) {
		return this.jdbc.sql("select * from clue where id = :id").param("id", id).query().singleRow();
	}

	String code(long id) {
		return (String) clueRow(id).get("code");
	}

	/** The timeline as "kind:from>to", oldest first. */
	List<String> timeline(long id) {
		return this.jdbc.sql("select kind, from_state, to_state from clue_event where clue_id = :id order by id")
			.param("id", id)
			.query((rs, n) -> rs.getString(1) + ":" + (rs.getString(2) == null ? "" : rs.getString(2)) + ">"
					+ (rs.getString(3) == null ? "" : rs.getString(3)))
			.list();
	}

	List<Map<String, Object>> events(long id, String kind) {
		return this.jdbc.sql("select * from clue_event where clue_id = :id and kind = :k order by id")
			.param("id", id)
			.param("k", kind)
			.query()
			.listOfRows();
	}

	/** Audit actions on this clue, oldest first. */
	List<String> audits(long id) {
		return this.jdbc.sql("select action from audit_log where target_type = 'clue' and target_id = :id order by id")
			.param("id", Long.toString(id))
			.query(String.class)
			.list();
	}

	/** Notices about this clue: kind, recipient key and whether resolved. */
	/** The clue's notices, once the listeners have had every move's events. */
	List<Map<String, Object>> notices(long id) {
		EventsDelivered.await(this.jdbc);
		return this.jdbc.sql("select * from notice where link = :link order by id")
			.param("link", "/clues/" + id)
			.query()
			.listOfRows();
	}

	long count(String sql, Object... args) {
		var spec = this.jdbc.sql(sql);
		for (Object arg : args) {
			spec = spec.param(arg);
		}
		return spec.query(Long.class).single();
	}

	long userId(String username) {
		return this.jdbc.sql("select id from app_user where username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
	}

	long departmentOf(String username) {
		return this.jdbc.sql("select department_id from app_user where username = :u")
			.param("u", username)
			.query(Long.class)
			.single();
	}

	// ---- HTTP

	MockHttpServletResponse postJson(UserDetails who, String path, Object body) throws Exception {
		return this.mvc
			.perform(post(path).with(user(who))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(body)))
			.andReturn()
			.getResponse();
	}

	MockHttpServletResponse getAs(UserDetails who, String path) throws Exception {
		return this.mvc.perform(get(path).with(user(who))).andReturn().getResponse();
	}

	/** The ids in the first page of the clue list API for {@code who}. */
	List<Long> listedIds(UserDetails who, String query) throws Exception {
		MockHttpServletResponse response = getAs(who, "/api/v1/clues?size=100&" + query);
		assertThat(response.getStatus()).isEqualTo(200);
		List<Number> ids = JsonPath.parse(response.getContentAsString()).read("$.items[*].id");
		return ids.stream().map(Number::longValue).toList();
	}

}
