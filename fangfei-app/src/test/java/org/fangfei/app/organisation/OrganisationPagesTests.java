package org.fangfei.app.organisation;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The system administrator's maintenance pages: each form renders, refuses bad input with
 * a Chinese message beside the field and writes nothing, and saves good input.
 */
@IntegrationTest
class OrganisationPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	UserDetails sys;

	@BeforeEach
	void setUp() {
		this.sys = this.accounts.ready("sysadmin");
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	@Test
	void everyEditPageRendersWithItsDisableButton() throws Exception {
		long grid = count("select id from grid where code = '620422110000'");
		long person = count("select min(id) from person where region_code like '620422110%'");
		long department = count("select min(id) from department where not is_office");
		for (String url : new String[] { "/regions/620422110000/edit", "/grids/" + grid + "/edit",
				"/departments/" + department + "/edit", "/people/" + person + "/edit" }) {
			this.mvc.perform(get(url).with(user(this.sys)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("data-confirm")));
		}
		for (String url : new String[] { "/", "/org/tree", "/grids", "/grids/" + grid, "/departments", "/people",
				"/regions/new", "/grids/new", "/departments/new", "/people/new" }) {
			this.mvc.perform(get(url).with(user(this.sys))).andExpect(status().isOk());
		}
	}

	@Test
	void aRegionIsAddedRenamedAndDisabled() throws Exception {
		this.mvc
			.perform(post("/regions").with(user(this.sys))
				.with(csrf())
				.param("code", "620422111950")
				.param("name", "页面测试村")
				.param("parentCode", ""))
			.andExpect(redirectedUrl("/org/tree"));
		this.mvc.perform(post("/regions/620422111950").with(user(this.sys)).with(csrf()).param("name", "页面测试二村"))
			.andExpect(redirectedUrl("/org/tree"));
		this.mvc
			.perform(post("/regions/620422111950/enabled").with(user(this.sys)).with(csrf()).param("enabled", "false"))
			.andExpect(redirectedUrl("/org/tree"));
		assertThat(this.jdbc
			.sql("select name || ':' || enabled || ':' || parent_code from region where code = '620422111950'")
			.query(String.class)
			.single()).isEqualTo("页面测试二村:false:620422111000");
	}

	@Test
	void badRegionsAreRefusedWithAReason() throws Exception {
		String[][] cases = { { "62042211195", "区划代码应为12位数字" }, { "620422111000", "区划代码 620422111000 已存在" },
				{ "620422999950", "上级区划 620422999000 不存在" } };
		long before = count("select count(*) from region");
		for (String[] c : cases) {
			this.mvc.perform(post("/regions").with(user(this.sys)).with(csrf()).param("code", c[0]).param("name", "坏"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(c[1])));
		}
		this.mvc
			.perform(post("/regions").with(user(this.sys)).with(csrf()).param("code", "620422111951").param("name", ""))
			.andExpect(content().string(containsString("请填写名称")));
		assertThat(count("select count(*) from region")).isEqualTo(before);
	}

	@Test
	void badGridsAreRefusedWithAReason() throws Exception {
		long township = count("select id from grid where code = '620422112000'");
		long otherTownship = count("select id from grid where code = '620422113000'");
		String village = this.jdbc.sql("select min(code) from region where parent_code = '620422112000'")
			.query(String.class)
			.single();
		Object[][] cases = { { "G-1", 1, village, null, "一级网格应建在乡镇(街道)上" },
				{ "G-2", 2, "620422112000", township, "二级网格应建在村(社区)上" }, { "G-3", 2, village, null, "请选择上级(一级)网格" },
				{ "G-4", 2, village, otherTownship, "上级网格应为该村(社区)所在乡镇的一级网格" },
				{ "620422112000", 1, "620422112000", null, "网格编码 620422112000 已存在" },
				{ "坏 编码", 2, village, township, "网格编码只能包含字母" } };
		long before = count("select count(*) from grid");
		for (Object[] c : cases) {
			var request = post("/grids").with(user(this.sys))
				.with(csrf())
				.param("code", (String) c[0])
				.param("name", "测试网格")
				.param("level", String.valueOf(c[1]))
				.param("regionCode", (String) c[2]);
			if (c[3] != null) {
				request = request.param("parentId", String.valueOf(c[3]));
			}
			this.mvc.perform(request).andExpect(content().string(containsString((String) c[4])));
		}
		assertThat(count("select count(*) from grid")).isEqualTo(before);
	}

	@Test
	void badPeopleAreRefusedAndPhonesStayUnique() throws Exception {
		long before = count("select count(*) from person");
		String[][] cases = { { "12345", "", "手机号格式不正确" }, { "13912340001", "620422198001011234", "身份证号不正确(校验位不符)" },
				{ "19904220001", "", "该手机号已登记给其他人员" }, { "", "", "请填写手机号" } };
		for (String[] c : cases) {
			this.mvc
				.perform(post("/people").with(user(this.sys))
					.with(csrf())
					.param("name", "测试人员")
					.param("role", "INFORMANT")
					.param("regionCode", "620422114001")
					.param("phone", c[0])
					.param("idNumber", c[1]))
				.andExpect(content().string(containsString(c[2])));
		}
		this.mvc
			.perform(post("/people").with(user(this.sys))
				.with(csrf())
				.param("name", "")
				.param("role", "INFORMANT")
				.param("regionCode", "620422114001"))
			.andExpect(content().string(containsString("请填写姓名")));
		this.mvc
			.perform(post("/people").with(user(this.sys))
				.with(csrf())
				.param("name", "测试人员")
				.param("role", "NOT_A_ROLE")
				.param("regionCode", "620422114001"))
			.andExpect(content().string(containsString("请选择正确的类别")));
		assertThat(count("select count(*) from person")).isEqualTo(before);
	}

	@Test
	void aDepartmentWithUnknownSectorsOrADuplicateNameIsRefused() throws Exception {
		long before = count("select count(*) from department");
		this.mvc
			.perform(post("/departments").with(user(this.sys))
				.with(csrf())
				.param("name", "县民政局")
				.param("regionCode", "620422000000"))
			.andExpect(content().string(containsString("已有名为“县民政局”的单位")));
		this.mvc
			.perform(post("/departments").with(user(this.sys))
				.with(csrf())
				.param("name", "县测试局")
				.param("regionCode", "620422000000")
				.param("sectors", "NO_SUCH_SECTOR"))
			.andExpect(content().string(containsString("未知的行业：NO_SUCH_SECTOR")));
		assertThat(count("select count(*) from department")).isEqualTo(before);
		this.mvc
			.perform(post("/departments").with(user(this.sys))
				.with(csrf())
				.param("name", "县地方金融监管测试局")
				.param("regionCode", "620422000000")
				.param("sectors", "MICROLOAN", "FINANCING_GUARANTEE"))
			.andExpect(redirectedUrl("/departments"));
		assertThat(count("select count(*) from department_sector s join department d on d.id = s.department_id"
				+ " where d.name = '县地方金融监管测试局'"))
			.isEqualTo(2);
	}

}
