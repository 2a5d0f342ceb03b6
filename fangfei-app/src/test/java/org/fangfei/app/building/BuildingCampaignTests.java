package org.fangfei.app.building;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.fangfei.app.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetails;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sweep campaigns (专项扫楼行动): started on the campaign pages with bad inputs refused, their
 * progress (buildings of the region swept during the campaign or not) on the campaign
 * that frames them, the old addresses redirected, and who sees them.
 */
@IntegrationTest
class BuildingCampaignTests extends BuildingTestSupport {

	@Test
	void aCampaignShowsWhichBuildingsWereSweptDuringIt() throws Exception {
		String village = "620422100004";
		long swept = building(this.huishi, "行动已扫楼" + this.tag, village);
		long unswept = building(this.huishi, "行动未扫楼" + this.tag, village);
		long outside = building(this.huishi, "行动外楼" + this.tag, "620422100005");
		String campaignName = "春季扫楼" + this.tag;
		this.mvc
			.perform(post("/campaigns/sweeps").with(user(this.huishi))
				.with(csrf())
				.param("name", campaignName)
				.param("regionCode", village)
				.param("startsOn", this.today.minusDays(5).toString())
				.param("endsOn", this.today.plusDays(5).toString()))
			.andExpect(redirectedUrlPattern("/campaigns/*"));
		long campaign = count("select id from sweep_campaign where name = ?", campaignName);
		String c = String.valueOf(campaign);

		this.mvc.perform(sweep(swept, this.today.toString(), "镇处非办", "4", "0", c))
			.andExpect(redirectedUrl("/buildings/" + swept));
		// before the campaign began: does not count for it, and is refused when linked to
		// it
		this.mvc.perform(sweep(unswept, this.today.minusDays(6).toString(), "镇处非办", "2", "0", c))
			.andExpect(content().string(containsString("扫楼日期不在专项行动期间")));
		this.mvc.perform(sweep(unswept, this.today.minusDays(6).toString(), "镇处非办", "2", "0", ""))
			.andExpect(redirectedUrl("/buildings/" + unswept));
		this.mvc.perform(sweep(outside, this.today.toString(), "镇处非办", "2", "0", c))
			.andExpect(content().string(containsString("不在专项行动“" + campaignName + "”的区域内")));
		assertThat(count("select count(*) from building_sweep where building_id = ?", outside)).isZero();

		this.mvc.perform(get("/api/v1/sweep-campaigns/{id}", campaign).with(user(this.huishi)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.swept[*].buildingId", hasItem((int) swept)))
			.andExpect(jsonPath("$.swept[*].buildingId", not(hasItem((int) unswept))))
			.andExpect(jsonPath("$.unswept[*].buildingId", hasItem((int) unswept)))
			.andExpect(jsonPath("$.unswept[*].buildingId", not(hasItem((int) outside))));
		this.mvc.perform(get("/sweep-campaigns/{id}", campaign).with(user(this.huishi)))
			.andExpect(redirectedUrl("/campaigns/" + framedAs(campaign)));
		this.mvc.perform(get("/campaigns/{id}", framedAs(campaign)).with(user(this.huishi)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("行动已扫楼" + this.tag)))
			.andExpect(content().string(containsString("行动未扫楼" + this.tag)))
			.andExpect(content().string(not(containsString("行动外楼" + this.tag))));
		assertThat(count("select campaign_id from building_sweep where building_id = ?", swept)).isEqualTo(campaign);
		assertThat(count("""
				select count(*) from audit_log where actor = 'huishi' and action = 'CREATE'
				and target_type = 'sweep_campaign' and target_id = ?
				""", c)).isEqualTo(1);
	}

	@Test
	void badCampaignsAreRefusedAndNothingIsWritten() throws Exception {
		String name = "坏行动" + this.tag;
		String[][] cases = {
				{ name, "620422100000", this.today.toString(), this.today.minusDays(1).toString(), "结束日期不能早于开始日期" },
				{ name, "620422102000", this.today.toString(), this.today.toString(), "所属区划不存在或不在您的管辖范围内" },
				{ "", "620422100000", this.today.toString(), this.today.toString(), "请填写行动名称" },
				{ name, "620422100000", "", this.today.toString(), "请填写开始日期" },
				{ name, "620422100000", this.today.toString(), "明天", "结束日期格式不正确" } };
		for (String[] c : cases) {
			this.mvc
				.perform(post("/campaigns/sweeps").with(user(this.huishi))
					.with(csrf())
					.param("name", c[0])
					.param("regionCode", c[1])
					.param("startsOn", c[2])
					.param("endsOn", c[3]))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(c[4])));
		}
		this.mvc
			.perform(post("/api/v1/sweep-campaigns").with(user(this.huishi))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"" + name + "\",\"regionCode\":\"620422100000\",\"startsOn\":\"" + this.today
						+ "\",\"endsOn\":\"" + this.today.minusDays(3) + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors.endsOn").value("结束日期不能早于开始日期"));
		assertThat(count("select count(*) from sweep_campaign where name like ?", "%" + this.tag)).isZero();
		assertThat(count("select count(*) from campaign where name like ?", "%" + this.tag)).isZero();
	}

	/** The campaign framing a sweep campaign (campaign module, V87 / SweepFraming). */
	private long framedAs(long sweepCampaign) {
		return count("select id from campaign where sweep_campaign_id = ?", sweepCampaign);
	}

	@Test
	void aCountyCampaignIsSweptByEachTownshipWithinItsOwnJurisdiction() throws Exception {
		UserDetails office = this.accounts.ready("office");
		UserDetails hepan = this.accounts.ready("hepan");
		long own = building(this.huishi, "县行动会师楼" + this.tag, "620422100001");
		long other = building(hepan, "县行动河畔楼" + this.tag, "620422102001");
		String body = this.mvc
			.perform(post("/api/v1/sweep-campaigns").with(user(office))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"全县扫楼" + this.tag + "\",\"regionCode\":\"620422000000\",\"startsOn\":\""
						+ this.today.minusDays(1) + "\",\"endsOn\":\"" + this.today.plusDays(30) + "\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long county = JsonPath.parse(body).read("$.id", Long.class);

		this.mvc.perform(get("/sweep-campaigns").with(user(this.huishi))).andExpect(redirectedUrl("/campaigns"));
		this.mvc.perform(get("/sweep-campaigns/{id}", county).with(user(this.huishi)))
			.andExpect(redirectedUrl("/campaigns/" + framedAs(county)));
		this.mvc.perform(get("/campaigns").with(user(this.huishi)))
			.andExpect(content().string(containsString("全县扫楼" + this.tag)));
		this.mvc.perform(sweep(own, this.today.toString(), "镇综治办", "1", "0", String.valueOf(county)))
			.andExpect(redirectedUrl("/buildings/" + own));
		String progress = this.mvc.perform(get("/api/v1/sweep-campaigns/{id}", county).with(user(this.huishi)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Integer> seen = JsonPath.parse(progress).read("$..buildingId");
		assertThat(seen).contains((int) own).doesNotContain((int) other);
		this.mvc.perform(get("/api/v1/sweep-campaigns/{id}", county).with(user(office)))
			.andExpect(jsonPath("$.swept[*].buildingId", hasItem((int) own)))
			.andExpect(jsonPath("$.unswept[*].buildingId", hasItem((int) other)));

		long huishiCampaign = JsonPath.parse(this.mvc
			.perform(post("/api/v1/sweep-campaigns").with(user(this.huishi))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"会师扫楼" + this.tag + "\",\"regionCode\":\"620422100000\",\"startsOn\":\""
						+ this.today + "\",\"endsOn\":\"" + this.today + "\"}"))
			.andReturn()
			.getResponse()
			.getContentAsString()).read("$.id", Long.class);
		this.mvc.perform(get("/sweep-campaigns/{id}", huishiCampaign).with(user(hepan)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/api/v1/sweep-campaigns/{id}", huishiCampaign).with(user(hepan)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("专项行动不存在或不在您的管辖范围内"));
	}

}
