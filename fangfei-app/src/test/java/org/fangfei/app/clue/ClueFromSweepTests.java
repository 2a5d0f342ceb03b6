package org.fangfei.app.clue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import com.jayway.jsonpath.JsonPath;
import org.fangfei.app.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * 扫楼发现问题，上报线索: a sweep recorded with the box ticked becomes one clue, as a patrol finding
 * does — taken in after the sweep commits, the sweep marked with the clue's code, and one
 * clue however often it is delivered. A ticked box without findings is refused.
 */
@IntegrationTest
@EnableScenarios
class ClueFromSweepTests extends ClueTestSupport {

	@Autowired
	SweepFindingIntake intake;

	@Test
	void aSweepRaisingAFindingBecomesOneClue(Scenario scenario) throws Exception {
		String name = "扫楼大厦" + this.tag;
		long building = building(name);
		long[] sweepId = new long[1];
		scenario.stimulate(() -> sweepId[0] = sweepRaisingAClue(building, "12楼某公司宣传保本高息理财"))
			.andWaitAtMost(Duration.ofSeconds(20))
			.andWaitForStateChange(() -> clueRefOf(sweepId[0]), Optional::isPresent)
			.andVerify(ref -> {
				Map<String, Object> clue = this.jdbc.sql("select * from clue where code = :c")
					.param("c", ref.orElseThrow())
					.query()
					.singleRow();
				assertThat(clue).containsEntry("source", "PATROL")
					.containsEntry("source_detail", "扫楼")
					.containsEntry("source_ref", "sweep-" + sweepId[0])
					.containsEntry("state", "REGISTERED")
					.containsEntry("region_code", HUISHI_VILLAGE);
				assertThat(clue.get("description").toString()).isEqualTo("扫楼“" + name + "”发现：12楼某公司宣传保本高息理财");
				long id = ((Number) clue.get("id")).longValue();
				assertThat(notices(id)).singleElement()
					.satisfies(n -> assertThat(n).containsEntry("to_role", "OFFICE").containsEntry("kind", "ASSIGNED"));
			});
		String page = getAs(this.huishi, "/buildings/" + building).getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("已转为线索 " + clueRefOf(sweepId[0]).orElseThrow());

		// delivered again (a retry, or the watch finding it waiting): still one clue
		this.jdbc.sql("update building_sweep set clue_taken_at = null, clue_ref = null where id = :id")
			.param("id", sweepId[0])
			.update();
		assertThat(this.intake.sweep()).isPositive();
		assertThat(count("select count(*) from clue where source_ref = ?", "sweep-" + sweepId[0])).isOne();
		assertThat(clueRefOf(sweepId[0])).isPresent();
		assertThat(this.intake.sweep()).isZero();
	}

	@Test
	void raisingAClueWithoutFindingsIsRefusedInChinese() throws Exception {
		long building = building("无发现大厦" + this.tag);
		long before = count("select count(*) from building_sweep where building_id = ?", building);
		MvcResult result = this.mvc.perform(sweepForm(building, "")).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("上报线索须填写发现的问题");
		assertThat(count("select count(*) from building_sweep where building_id = ?", building)).isEqualTo(before);
		// a sweep without the box ticked raises nothing
		this.mvc.perform(sweepForm(building, "未发现问题", false)).andReturn();
		assertThat(count("select count(*) from building_sweep where building_id = ?", building)).isEqualTo(before + 1);
		assertThat(count("select count(*) from building_sweep where building_id = ? and raise_clue", building))
			.isZero();
	}

	private long building(String name) throws Exception {
		String body = this.mvc
			.perform(post("/api/v1/buildings").with(user(this.huishi))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\":\"" + name + "\",\"kind\":\"OFFICE\",\"address\":\"某路\",\"regionCode\":\""
						+ HUISHI_VILLAGE + "\"}"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.parse(body).read("$.id", Long.class);
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder sweepForm(long building,
			String findings) {
		return sweepForm(building, findings, true);
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder sweepForm(long building,
			String findings, boolean raise) {
		return post("/buildings/{id}/sweeps", building).with(user(this.huishi))
			.with(csrf())
			.param("sweptOn", LocalDate.now().toString())
			.param("participants", "镇综治办 张三")
			.param("tenantsChecked", "8")
			.param("risksFound", "1")
			.param("findings", findings)
			.param("raiseClue", Boolean.toString(raise));
	}

	private long sweepRaisingAClue(long building, String findings) {
		try {
			this.mvc.perform(sweepForm(building, findings)).andReturn();
			return this.jdbc.sql("select max(id) from building_sweep where building_id = :b")
				.param("b", building)
				.query(Long.class)
				.single();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Optional<String> clueRefOf(long sweepId) {
		return this.jdbc.sql("select clue_ref from building_sweep where id = :id and clue_taken_at is not null")
			.param("id", sweepId)
			.query(String.class)
			.optional();
	}

}
