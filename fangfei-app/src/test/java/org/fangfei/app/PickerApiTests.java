package org.fangfei.app;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.fangfei.app.shared.DataScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the forms' pickers offer (/api/v1/picker/*): regions by name or level by level,
 * the grids of a region, subjects, buildings and people by name — always within the
 * caller's jurisdiction, each with the line that tells two alike apart.
 */
@IntegrationTest
class PickerApiTests {

	static final String HUISHI = "620422100000";

	static final String HUISHI_VILLAGE = "620422100001";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	org.fangfei.app.subject.Subjects subjects;

	UserDetails huishi;

	UserDetails office;

	@BeforeEach
	void signIn() {
		this.huishi = this.accounts.ready("huishi");
		this.office = this.accounts.ready("office");
	}

	@Test
	void regionsAreFoundByNameAndOpenedLevelByLevelWithinScope() throws Exception {
		String village = name(HUISHI_VILLAGE);
		List<Map<String, Object>> found = choices(this.huishi, "/api/v1/picker/regions?q=" + village);
		assertThat(found).anySatisfy(c -> {
			assertThat(c.get("value")).isEqualTo(HUISHI_VILLAGE);
			assertThat(c.get("label")).isEqualTo(village);
			assertThat((String) c.get("detail")).endsWith("会宁县 / 会师镇");
		});
		String elsewhere = this.jdbc.sql("""
				select name from region where parent_code = '620422102000'
				and name not in (select name from region where code like '620422100%') order by code limit 1
				""").query(String.class).single();
		assertThat(choices(this.huishi, "/api/v1/picker/regions?q=" + elsewhere)).isEmpty();
		assertThat(choices(this.office, "/api/v1/picker/regions?q=" + elsewhere)).isNotEmpty();

		List<Map<String, Object>> roots = choices(this.huishi, "/api/v1/picker/regions");
		assertThat(roots).singleElement().satisfies(c -> {
			assertThat(c.get("value")).isEqualTo(HUISHI);
			assertThat(c.get("more")).isEqualTo(true);
		});
		assertThat(choices(this.huishi, "/api/v1/picker/regions?parent=" + HUISHI)).isNotEmpty()
			.allSatisfy(c -> assertThat((String) c.get("value")).startsWith("620422100"));
		assertThat(choices(this.huishi, "/api/v1/picker/regions?parent=620422102000")).isEmpty();
		assertThat(choices(this.office, "/api/v1/picker/regions?codes=" + HUISHI_VILLAGE))
			.extracting(c -> c.get("label"))
			.containsExactly(village);
	}

	@Test
	void gridsAreThoseOverAndUnderTheChosenRegion() throws Exception {
		List<Map<String, Object>> grids = choices(this.huishi, "/api/v1/picker/grids?region=" + HUISHI_VILLAGE);
		List<Long> expected = this.jdbc.sql("""
				select id from grid where enabled and region_code in ('620422100001', '620422100000')
				""").query(Long.class).list();
		assertThat(expected).isNotEmpty();
		assertThat(grids).extracting(c -> Long.valueOf((String) c.get("value")))
			.containsExactlyInAnyOrderElementsOf(expected);
		assertThat(choices(this.huishi, "/api/v1/picker/grids?region=620422102001")).isEmpty();
	}

	@Test
	void subjectsAndBuildingsAreFoundByNameWithinScope() throws Exception {
		String tag = "选择器测试" + Long.toString(System.nanoTime(), 36);
		long mine = subject(tag + "会师商行", HUISHI_VILLAGE);
		long theirs = subject(tag + "河畔商行", "620422102001");
		assertThat(choices(this.huishi, "/api/v1/picker/subjects?q=" + tag)).extracting(c -> c.get("value"))
			.containsExactly(String.valueOf(mine));
		assertThat(choices(this.office, "/api/v1/picker/subjects?q=" + tag)).hasSize(2);
		assertThat(choices(this.huishi, "/api/v1/picker/subjects?ids=" + mine + "," + theirs))
			.extracting(c -> c.get("label"))
			.containsExactly(tag + "会师商行");

		this.jdbc.sql("""
				insert into building (name, kind, address, region_code) values
				(:a, 'OFFICE', '会师路1号', '620422100001'), (:b, 'OFFICE', '河畔路1号', '620422102001')
				""").param("a", tag + "会师大厦").param("b", tag + "河畔大厦").update();
		assertThat(choices(this.huishi, "/api/v1/picker/buildings?q=" + tag)).singleElement().satisfies(c -> {
			assertThat(c.get("label")).isEqualTo(tag + "会师大厦");
			assertThat((String) c.get("detail")).contains("会师路1号");
		});
	}

	@Test
	void peopleAreFoundByTheirNameWithinScopeAndSendTheirLoginName() throws Exception {
		assertThat(choices(this.huishi, "/api/v1/picker/people?q=刘芳")).singleElement().satisfies(c -> {
			assertThat(c.get("value")).isEqualTo("grid");
			assertThat(c.get("label")).isEqualTo("东山根社区 网格员 刘芳");
		});
		assertThat(choices(this.accounts.ready("hepan"), "/api/v1/picker/people?q=刘芳")).isEmpty();
		assertThat(choices(this.office, "/api/v1/picker/people?ids=grid")).extracting(c -> c.get("label"))
			.containsExactly("东山根社区 网格员 刘芳");
	}

	@Test
	void theSecurityAdministratorPicksAnAccountsJurisdictionFromTheWholeTree() throws Exception {
		assertThat(choices(this.accounts.ready("secadmin"), "/api/v1/picker/regions?q=" + name(HUISHI)))
			.extracting(c -> c.get("value"))
			.contains(HUISHI);
	}

	@Test
	void nobodySignedInGetsNothing() throws Exception {
		this.mvc.perform(get("/api/v1/picker/regions")).andExpect(status().isUnauthorized());
		this.mvc.perform(get("/api/v1/picker/people?q=刘")).andExpect(status().isUnauthorized());
	}

	private List<Map<String, Object>> choices(UserDetails who, String url) throws Exception {
		String body = this.mvc.perform(get(url).with(user(who)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.parse(body).read("$");
	}

	private String name(String code) {
		return this.jdbc.sql("select name from region where code = ?").param(code).query(String.class).single();
	}

	private long subject(String name, String region) {
		return this.subjects
			.create(new org.fangfei.app.subject.SubjectForm(org.fangfei.app.subject.SubjectKind.INDIVIDUAL_BUSINESS,
					name, "", "", "", "", "街边门店", null, "", region, null, null, null, null,
					org.fangfei.app.subject.SubjectStatus.WATCHING, "", ""), DataScope.all(), "office")
			.id();
	}

}
