package org.fangfei.app.building;

import com.jayway.jsonpath.JsonPath;
import org.fangfei.app.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sweeps (扫楼): recording one, refusing bad ones, and the buildings still unswept this
 * month.
 */
@IntegrationTest
class BuildingSweepTests extends BuildingTestSupport {

	private long[] monthCounts() throws Exception {
		String body = this.mvc.perform(get("/api/v1/buildings/unswept").with(user(this.huishi)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return new long[] { JsonPath.parse(body).read("$.swept", Long.class),
				JsonPath.parse(body).read("$.unswept", Long.class) };
	}

	@Test
	void aSweepTakesTheBuildingOffThisMonthsUnsweptList() throws Exception {
		String name = "待扫楼" + this.tag;
		long id = building(this.huishi, name, "620422100003");
		long[] before = monthCounts();
		this.mvc.perform(get("/api/v1/buildings/unswept").with(user(this.huishi)))
			.andExpect(jsonPath("$.unsweptBuildings[*].id", hasItem((int) id)));
		this.mvc.perform(get("/buildings/unswept").with(user(this.huishi)))
			.andExpect(content().string(containsString(name)));
		this.mvc.perform(get("/buildings").param("unswept", "true").param("text", name).with(user(this.huishi)))
			.andExpect(content().string(containsString(name)));

		this.mvc.perform(sweep(id, this.today.toString(), "镇综治办 张三、市场监管所 李四", "12", "1", ""))
			.andExpect(redirectedUrl("/buildings/" + id));

		var row = this.jdbc.sql("select * from building_sweep where building_id = :id")
			.param("id", id)
			.query()
			.singleRow();
		assertThat(row).containsEntry("swept_by", "huishi")
			.containsEntry("tenants_checked", 12)
			.containsEntry("risks_found", 1)
			.containsEntry("participants", "镇综治办 张三、市场监管所 李四")
			.containsEntry("campaign_id", null);
		long[] after = monthCounts();
		assertThat(after[0]).isEqualTo(before[0] + 1);
		assertThat(after[1]).isEqualTo(before[1] - 1);
		this.mvc.perform(get("/api/v1/buildings/unswept").with(user(this.huishi)))
			.andExpect(jsonPath("$.unsweptBuildings[*].id", not(hasItem((int) id))));
		this.mvc.perform(get("/buildings/unswept").with(user(this.huishi)))
			.andExpect(content().string(not(containsString(name))));
		this.mvc.perform(get("/buildings").param("unswept", "true").param("text", name).with(user(this.huishi)))
			.andExpect(content().string(containsString("没有符合条件的楼宇")));
		this.mvc.perform(get("/buildings/{id}", id).with(user(this.huishi)))
			.andExpect(content().string(containsString("一家公司宣传保本高息")));
		this.mvc.perform(get("/api/v1/buildings/{id}/sweeps", id).with(user(this.huishi)))
			.andExpect(jsonPath("$[0].sweptBy").value("huishi"))
			.andExpect(jsonPath("$[0].sweptOn").value(this.today.toString()));
		assertThat(count("""
				select count(*) from audit_log where actor = 'huishi' and action = 'CREATE'
				and target_type = 'building_sweep' and target_id = ?
				""", String.valueOf(row.get("id")))).isEqualTo(1);
	}

	@Test
	void aSweepLastMonthLeavesTheBuildingUnswept() throws Exception {
		long id = building(this.huishi, "上月楼" + this.tag, "620422100003");
		this.mvc.perform(sweep(id, this.today.withDayOfMonth(1).minusDays(1).toString(), "镇综治办", "3", "0", ""))
			.andExpect(redirectedUrl("/buildings/" + id));
		this.mvc.perform(get("/api/v1/buildings/unswept").with(user(this.huishi)))
			.andExpect(jsonPath("$.unsweptBuildings[*].id", hasItem((int) id)));
	}

	@Test
	void badSweepsAreRefusedInChineseAndNothingIsWritten() throws Exception {
		long id = building(this.huishi, "坏扫楼" + this.tag, "620422100002");
		String day = this.today.toString();
		String[][] cases = { { this.today.plusDays(1).toString(), "张三", "1", "0", "扫楼日期不能晚于今天" },
				{ "", "张三", "1", "0", "请填写扫楼日期" }, { "2026-13-45", "张三", "1", "0", "扫楼日期格式不正确" },
				{ day, " ", "1", "0", "请填写参加单位和人员" }, { day, "张三", "-1", "0", "检查主体数不能为负数" },
				{ day, "张三", "1", "-2", "发现风险数不能为负数" }, { day, "张三", "几个", "0", "检查主体数应为整数" },
				{ day, "张".repeat(301), "1", "0", "参加单位和人员不能超过300个字" } };
		for (String[] c : cases) {
			this.mvc.perform(sweep(id, c[0], c[1], c[2], c[3], ""))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(c[4])));
		}
		this.mvc
			.perform(post("/api/v1/buildings/{id}/sweeps", id).with(user(this.huishi))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"sweptOn\":\"" + this.today.plusDays(3)
						+ "\",\"participants\":\"张三\",\"tenantsChecked\":1,\"risksFound\":0}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.sweptOn").value("扫楼日期不能晚于今天"));
		assertThat(count("select count(*) from building_sweep where building_id = ?", id)).isZero();

		this.mvc.perform(
				post("/buildings/{id}/enabled", id).with(user(this.huishi)).with(csrf()).param("enabled", "false"));
		this.mvc.perform(sweep(id, day, "张三", "1", "0", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已停用，不能登记扫楼")));
		assertThat(count("select count(*) from building_sweep where building_id = ?", id)).isZero();
		this.mvc.perform(get("/api/v1/buildings/unswept").with(user(this.huishi)))
			.andExpect(jsonPath("$.unsweptBuildings[*].id", not(hasItem((int) id))));
	}

}
