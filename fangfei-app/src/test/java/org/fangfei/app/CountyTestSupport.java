package org.fangfei.app;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What the integration tests acting in the demo county share: its county, two townships
 * and a village of each, the web layer, the database, the demo accounts (the county
 * office's ready before each test) and a tag that keeps one test's names and numbers
 * apart from another's in the shared database. A module's own support class extends it
 * with what only its tests need.
 */
public abstract class CountyTestSupport {

	public static final String COUNTY = "620422000000";

	/** 会师镇. */
	public static final String HUISHI = "620422100000";

	public static final String HUISHI_VILLAGE = "620422100001";

	/** 河畔镇. */
	public static final String HEPAN = "620422102000";

	public static final String HEPAN_VILLAGE = "620422102001";

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected TestAccounts accounts;

	@Autowired
	protected JsonMapper json;

	/** The county office (县处非办), ready to act. */
	protected UserDetails office;

	protected String tag;

	@BeforeEach
	protected void setUpCounty() {
		this.office = this.accounts.ready("office");
		this.tag = Long.toString(System.nanoTime(), 36);
	}

	/** Registers a case directly as the county office ({@link TestCases}); its id. */
	protected long registerCase(Map<String, Object> form) throws Exception {
		return TestCases.register(this.mvc, this.json, this.office, form);
	}

	/** Registers a clue as the county office ({@link TestClues}); its id. */
	protected long registerClue(Map<String, Object> form) throws Exception {
		return TestClues.register(this.mvc, this.json, this.office, form);
	}

	/** Makes a move on a clue at its current version (200 expected). */
	protected void clueMove(UserDetails who, long clueId, String action, Map<String, Object> fields) throws Exception {
		TestClues.move(this.mvc, this.json, this.jdbc, who, clueId, action, fields);
	}

	/**
	 * Registers a clue of a 会师镇 village and takes it to its determination: accepted and
	 * dispatched by the office, received and verified by 会师镇, determined by the office
	 * head with {@code note}; once its events are delivered, its id.
	 */
	protected long determinedClue(Map<String, Object> form, String determination, String note) throws Exception {
		long id = registerClue(form);
		UserDetails huishi = this.accounts.ready("huishi");
		clueMove(this.office, id, "ACCEPT", Map.of());
		clueMove(this.office, id, "DISPATCH", Map.of("unit", "R" + HUISHI));
		clueMove(huishi, id, "RECEIVE", Map.of());
		clueMove(huishi, id, "VERIFY",
				Map.of("investigators", "张伟、李四", "visitedOn", LocalDate.now().toString(), "findings", "经走访核实，情况属实"));
		clueMove(this.accounts.ready("chief"), id, "DETERMINE", Map.of("determination", determination, "note", note));
		EventsDelivered.await(this.jdbc);
		return id;
	}

	/** A count (or one id) read with positional parameters. */
	protected long count(String sql, Object... args) {
		var spec = this.jdbc.sql(sql);
		for (Object arg : args) {
			spec = spec.param(arg);
		}
		return spec.query(Long.class).single();
	}

	/** A JSON post as {@code who}. */
	protected MockHttpServletResponse postJson(UserDetails who, String path, Object body) throws Exception {
		return TestClues.postJson(this.mvc, this.json, who, path, body);
	}

	/** A page or API read as {@code who}. */
	protected MockHttpServletResponse getAs(UserDetails who, String path) throws Exception {
		return this.mvc.perform(get(path).with(user(who))).andReturn().getResponse();
	}

}
