package org.fangfei.app.building;

import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.fangfei.app.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The building ledger as a township user (会师镇) keeps it: add, edit and disable with every
 * bad input refused in Chinese and nothing written; another township's (河畔镇) buildings do
 * not exist for them, by page or API.
 */
@IntegrationTest
class BuildingLedgerTests extends BuildingTestSupport {

	private long gridId(String code) {
		return count("select id from grid where code = ?", code);
	}

	private MockHttpServletRequestBuilder form(String url, String name, String region, String grid, String floors) {
		return post(url).with(user(this.huishi))
			.with(csrf())
			.param("name", name)
			.param("kind", "OFFICE")
			.param("address", "会宁县会师镇测试路1号")
			.param("regionCode", region)
			.param("gridId", grid)
			.param("floors", floors)
			.param("notes", "");
	}

	private long buildingNamed(String name) {
		return count("select id from building where name = ?", name);
	}

	@Test
	void aBuildingIsAddedEditedAndDisabledWithAuditEntries() throws Exception {
		String name = "会师大厦" + this.tag;
		this.mvc.perform(form("/buildings", name, "620422100001", String.valueOf(gridId("620422100001")), "18"))
			.andExpect(redirectedUrlPattern("/buildings/*"));
		long id = buildingNamed(name);
		Map<String, Object> row = this.jdbc.sql("select * from building where id = :id")
			.param("id", id)
			.query()
			.singleRow();
		assertThat(row).containsEntry("region_code", "620422100001")
			.containsEntry("floors", 18)
			.containsEntry("kind", "OFFICE")
			.containsEntry("enabled", true);

		this.mvc.perform(form("/buildings/" + id, name + "东座", "620422100001", "", "20"))
			.andExpect(redirectedUrl("/buildings/" + id));
		assertThat(
				this.jdbc.sql("select name from building where id = :id").param("id", id).query(String.class).single())
			.isEqualTo(name + "东座");

		this.mvc
			.perform(post("/buildings/{id}/enabled", id).with(user(this.huishi)).with(csrf()).param("enabled", "false"))
			.andExpect(redirectedUrl("/buildings/" + id));
		assertThat(count("select count(*) from building where id = ? and not enabled", id)).isEqualTo(1);
		for (String action : new String[] { "CREATE", "UPDATE", "DISABLE" }) {
			assertThat(count("""
					select count(*) from audit_log where actor = 'huishi' and target_type = 'building'
					and target_id = ? and action = ? and outcome = 'SUCCESS'
					""", String.valueOf(id), action)).as(action).isEqualTo(1);
		}
	}

	@Test
	void badInputsAreRefusedInChineseAndNothingIsWritten() throws Exception {
		String ok = "坏输入楼" + this.tag;
		String village = "620422100001";
		String huishiVillageGrid = String.valueOf(gridId("620422100002"));
		String hepanGrid = String.valueOf(gridId("620422102000"));
		Object[][] cases = { { "", village, "", "5", "请填写楼宇名称" },
				{ "楼".repeat(101), village, "", "5", "楼宇名称不能超过100个字" }, { ok, village, "", "0", "楼层数应在1到200之间" },
				{ ok, village, "", "201", "楼层数应在1到200之间" }, { ok, village, "", "三层", "楼层数应为1到200之间的整数" },
				{ ok, "620422102001", "", "5", "所属区划不存在或不在您的管辖范围内" }, { ok, "62042210000", "", "5", "区划代码应为12位数字" },
				{ ok, "620422000000", "", "5", "所属区划不存在或不在您的管辖范围内" },
				{ ok, village, hepanGrid, "5", "所属网格不存在或不在您的管辖范围内" },
				{ ok, village, huishiVillageGrid, "5", "所属网格与所属区划不一致" } };
		for (Object[] c : cases) {
			this.mvc.perform(form("/buildings", (String) c[0], (String) c[1], (String) c[2], (String) c[3]))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString((String) c[4])));
		}
		this.mvc
			.perform(post("/buildings").with(user(this.huishi))
				.with(csrf())
				.param("name", ok)
				.param("kind", "OFFICE")
				.param("address", " ")
				.param("regionCode", village))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请填写地址")));
		assertThat(count("select count(*) from building where name like ?", "%" + this.tag)).isZero();
	}

	@Test
	void theTownshipGridCoversItsVillagesAndDuplicatesAreRefused() throws Exception {
		String name = "重名楼" + this.tag;
		String township = String.valueOf(gridId("620422100000"));
		this.mvc.perform(form("/buildings", name, "620422100003", township, ""))
			.andExpect(redirectedUrlPattern("/buildings/*"));
		this.mvc.perform(form("/buildings", name, "620422100003", "", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("该区划内已有同名楼宇")));
		this.mvc
			.perform(post("/api/v1/buildings").with(user(this.huishi))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"" + name
						+ "\",\"kind\":\"MARKET\",\"address\":\"某路\",\"regionCode\":\"620422100003\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.name").value("该区划内已有同名楼宇"));
		assertThat(count("select count(*) from building where name = ?", name)).isEqualTo(1);
		// the same name in another village is a different building
		this.mvc.perform(form("/buildings", name, "620422100004", "", ""))
			.andExpect(redirectedUrlPattern("/buildings/*"));
		assertThat(count("select count(*) from building where name = ?", name)).isEqualTo(2);
	}

	@Test
	void aRefusedEditLeavesTheBuildingAsItWas() throws Exception {
		String name = "改错楼" + this.tag;
		long id = createByApi(name, "620422100005");
		this.mvc
			.perform(put("/api/v1/buildings/{id}", id).with(user(this.huishi))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"新名" + this.tag
						+ "\",\"kind\":\"OFFICE\",\"address\":\"某路\",\"regionCode\":\"620422102001\",\"floors\":300}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.floors").value("楼层数应在1到200之间"));
		this.mvc
			.perform(put("/api/v1/buildings/{id}", id).with(user(this.huishi))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"新名" + this.tag
						+ "\",\"kind\":\"OFFICE\",\"address\":\"某路\",\"regionCode\":\"620422102001\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.regionCode").value("所属区划不存在或不在您的管辖范围内"));
		Map<String, Object> row = this.jdbc.sql("select * from building where id = :id")
			.param("id", id)
			.query()
			.singleRow();
		assertThat(row).containsEntry("name", name).containsEntry("region_code", "620422100005");
		assertThat(count(
				"select count(*) from audit_log where target_type = 'building' and target_id = ? and action = 'UPDATE'",
				String.valueOf(id)))
			.isZero();
	}

	@Test
	void anotherTownshipsBuildingIsNotFoundByPageOrApiAndStaysUnchanged() throws Exception {
		UserDetails hepan = this.accounts.ready("hepan");
		String name = "河畔楼" + this.tag;
		long id = JsonPath.parse(this.mvc
			.perform(post("/api/v1/buildings").with(user(hepan))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"" + name
						+ "\",\"kind\":\"APARTMENT\",\"address\":\"河畔路\",\"regionCode\":\"620422102001\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()).read("$.id", Long.class);

		for (String url : new String[] { "/buildings/" + id, "/buildings/" + id + "/edit",
				"/buildings/" + id + "/sweeps/new" }) {
			this.mvc.perform(get(url).with(user(this.huishi))).andExpect(status().isNotFound());
		}
		this.mvc.perform(form("/buildings/" + id, "篡改" + this.tag, "620422100001", "", ""))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/buildings/{id}/enabled", id).with(user(this.huishi)).with(csrf()).param("enabled", "false"))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/buildings/{id}/sweeps", id).with(user(this.huishi))
				.with(csrf())
				.param("sweptOn", java.time.LocalDate.now(SweepCalendar.CHINA).toString())
				.param("participants", "越权")
				.param("tenantsChecked", "1")
				.param("risksFound", "0"))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/buildings/{id}", id).with(user(this.huishi)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("楼宇不存在或不在您的管辖范围内"));
		this.mvc.perform(get("/api/v1/buildings/{id}/sweeps", id).with(user(this.huishi)))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(put("/api/v1/buildings/{id}", id).with(user(this.huishi))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"篡改\",\"kind\":\"OFFICE\",\"address\":\"某路\",\"regionCode\":\"620422100001\"}"))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(put("/api/v1/buildings/{id}/enabled", id).with(user(this.huishi))
				.with(csrf())
				.param("enabled", "false"))
			.andExpect(status().isNotFound());

		Map<String, Object> row = this.jdbc.sql("select * from building where id = :id")
			.param("id", id)
			.query()
			.singleRow();
		assertThat(row).containsEntry("name", name)
			.containsEntry("region_code", "620422102001")
			.containsEntry("enabled", true);
		assertThat(count("select count(*) from building_sweep where building_id = ?", id)).isZero();
		this.mvc.perform(get("/api/v1/buildings").param("size", "200").with(user(this.huishi)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].regionCode", everyItem(startsWith("620422100"))));
		this.mvc.perform(get("/buildings").param("text", name).with(user(this.huishi)))
			.andExpect(content().string(containsString("没有符合条件的楼宇")))
			.andExpect(content().string(not(containsString("/buildings/" + id + "\""))));
	}

	@Test
	void theBuildingPageListsItsTenantsAndOffersToRegisterOne() throws Exception {
		String name = "租户楼" + this.tag;
		long id = createByApi(name, "620422100006");
		String tenant = "入驻公司" + this.tag;
		long subject = this.jdbc.sql("""
				insert into subject (kind, name, region_code, building_id, unit, status, created_by)
				values ('ENTERPRISE', :name, '620422100006', :building, '1201室', 'WATCHING', 'huishi') returning id
				""").param("name", tenant).param("building", id).query(Long.class).single();
		this.mvc.perform(get("/buildings/{id}", id).with(user(this.huishi)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(tenant)))
			.andExpect(content().string(containsString("href=\"/subjects/" + subject + "\"")))
			.andExpect(
					content().string(containsString("/subjects/new?buildingId=" + id + "&amp;regionCode=620422100006")))
			.andExpect(content().string(containsString("暂无扫楼记录")));
		this.mvc.perform(get("/api/v1/buildings/{id}", id).with(user(this.huishi)))
			.andExpect(jsonPath("$.tenants").value(1));
	}

	@Test
	void aGridWorkerMayLookButNotChange() throws Exception {
		UserDetails grid = this.accounts.ready("grid");
		this.mvc.perform(get("/buildings").with(user(grid))).andExpect(status().isOk());
		this.mvc.perform(get("/buildings/new").with(user(grid))).andExpect(status().isForbidden());
		this.mvc
			.perform(post("/api/v1/buildings").with(user(grid))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"网格员楼" + this.tag
						+ "\",\"kind\":\"OFFICE\",\"address\":\"某路\",\"regionCode\":\"620422100001\"}"))
			.andExpect(status().isForbidden());
		assertThat(count("select count(*) from building where name like ?", "%" + this.tag)).isZero();
	}

	@Test
	void everyPageRenders() throws Exception {
		long id = createByApi("渲染楼" + this.tag, "620422100001");
		for (String url : new String[] { "/buildings", "/buildings?unswept=true&kind=OFFICE&text=楼", "/buildings/new",
				"/buildings/" + id, "/buildings/" + id + "/edit", "/buildings/" + id + "/sweeps/new",
				"/buildings/unswept", "/campaigns", "/campaigns/sweeps/new" }) {
			this.mvc.perform(get(url).with(user(this.huishi))).andExpect(status().isOk());
		}
		this.mvc.perform(get("/buildings/{id}/edit", id).with(user(this.huishi)))
			.andExpect(content().string(containsString("data-confirm")));
	}

	private long createByApi(String name, String region) throws Exception {
		String body = this.mvc
			.perform(post("/api/v1/buildings").with(user(this.huishi))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"" + name + "\",\"kind\":\"OFFICE\",\"address\":\"会师镇某路\",\"regionCode\":\""
						+ region + "\",\"floors\":6}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.parse(body).read("$.id", Long.class);
	}

}
