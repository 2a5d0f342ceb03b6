package org.fangfei.app.building;

import com.jayway.jsonpath.JsonPath;
import org.fangfei.app.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Buildings and their tenant subjects across the two modules that own them: the building
 * ledger counts tenants by asking the subject ledger, a subject shows its building's name
 * as the building ledger has it now, and a subject is placed only in a building the
 * caller may see (issue 13: each module owns its tables).
 */
@IntegrationTest
class BuildingTenantsTests extends BuildingTestSupport {

	private ResultActions registerSubject(UserDetails who, String name, String region, long building) throws Exception {
		return this.mvc.perform(post("/api/v1/subjects").with(user(who))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\":\"ENTERPRISE\",\"name\":\"" + name + "\",\"regionCode\":\"" + region
					+ "\",\"status\":\"WATCHING\",\"buildingId\":" + building + "}"));
	}

	private long subject(String name, String region, long building) throws Exception {
		String body = registerSubject(this.huishi, name, region, building).andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.parse(body).read("$.id", Long.class);
	}

	@Test
	void theLedgerCountsTenantsAndATenantShowsItsBuildingByItsCurrentName() throws Exception {
		String name = "楼宇" + this.tag;
		long building = building(this.huishi, name, "620422100001");
		long empty = building(this.huishi, "空楼" + this.tag, "620422100001");
		long first = subject("租户甲" + this.tag, "620422100001", building);
		subject("租户乙" + this.tag, "620422100002", building);

		this.mvc.perform(get("/api/v1/buildings/{id}", building).with(user(this.huishi)))
			.andExpect(jsonPath("$.tenants").value(2));
		this.mvc.perform(get("/api/v1/buildings?text={t}", this.tag).with(user(this.huishi)))
			.andExpect(jsonPath("$.items[?(@.id == " + building + ")].tenants").value(2))
			.andExpect(jsonPath("$.items[?(@.id == " + empty + ")].tenants").value(0));
		String page = this.mvc.perform(get("/buildings?text={t}", this.tag).with(user(this.huishi)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains(name, "<td data-label=\"入驻主体\">2</td>");
		this.mvc.perform(get("/api/v1/subjects/{id}", first).with(user(this.huishi)))
			.andExpect(jsonPath("$.buildingName").value(name));

		this.mvc
			.perform(put("/api/v1/buildings/{id}", building).with(user(this.huishi))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"" + name + "东座\",\"kind\":\"OFFICE\",\"address\":\"某路\","
						+ "\"regionCode\":\"620422100001\"}"))
			.andExpect(status().isOk());

		this.mvc.perform(get("/api/v1/subjects?buildingId={b}", building).with(user(this.huishi)))
			.andExpect(jsonPath("$.items.length()").value(2))
			.andExpect(jsonPath("$.items[0].buildingName").value(name + "东座"))
			.andExpect(jsonPath("$.items[1].buildingName").value(name + "东座"));
	}

	@Test
	void aSubjectIsPlacedOnlyInABuildingTheCallerMaySee() throws Exception {
		UserDetails hepan = this.accounts.ready("hepan");
		long elsewhere = building(hepan, "河畔楼宇" + this.tag, "620422102001");
		long none = count("select coalesce(max(id), 0) + 1000 from building");
		for (long building : new long[] { elsewhere, none }) {
			registerSubject(this.huishi, "越界租户" + this.tag, "620422100001", building).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors.buildingId").value("所在楼宇不存在或不在您的管辖范围内"));
		}
		assertThat(count("select count(*) from subject where name = ?", "越界租户" + this.tag)).isZero();
		this.mvc.perform(get("/api/v1/buildings/{id}", elsewhere).with(user(hepan)))
			.andExpect(jsonPath("$.tenants").value(0));
	}

}
