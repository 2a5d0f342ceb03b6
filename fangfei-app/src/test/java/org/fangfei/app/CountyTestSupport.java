package org.fangfei.app;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

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

}
