package org.fangfei.app.outreach;

import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Issue 17: who sees and corrects which outreach records — a member department (市场监管局)
 * its own unit's activities and trainings across the county, a township its jurisdiction,
 * the office the county — and the coverage list in pages.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestAccounts.class)
class OutreachScopeTests extends OutreachTestSupport {

	UserDetails market;

	@BeforeEach
	void market() {
		this.market = this.accounts.ready("market");
	}

	@Test
	void aDepartmentSeesAndCorrectsItsOwnActivitiesAcrossTheCounty() throws Exception {
		Map<String, String> mine = activity(HUISHI_VILLAGE);
		mine.put("place", "农贸市场 " + this.tag);
		mine.put("organiser", "县市场监管局");
		long marketActivity = OutreachCorrectionTests.idOf(postForm(this.market, "/outreach/activities", mine));
		Map<String, String> elsewhere = activity(HEPAN_VILLAGE);
		elsewhere.put("place", "河畔超市 " + this.tag);
		long marketHepan = OutreachCorrectionTests.idOf(postForm(this.market, "/outreach/activities", elsewhere));
		long township = OutreachCorrectionTests
			.idOf(postForm(this.huishi, "/outreach/activities", activity(HUISHI_VILLAGE)));
		long department = count("select department_id from app_user where username = 'market'");
		assertThat(count("select department_id from outreach_activity where id = ?", marketActivity))
			.isEqualTo(department);
		assertThat(count("select count(*) from outreach_activity where id = ? and department_id is null", township))
			.isEqualTo(1);

		// the department: its own activities in every township, not the townships' own
		String list = page(this.market, "/outreach?text=" + this.tag);
		assertThat(list).contains("农贸市场 " + this.tag, "河畔超市 " + this.tag).doesNotContain("社区服务中心 " + this.tag);
		assertThat(status(this.market, "/outreach/activities/" + township)).isEqualTo(404);
		assertThat(page(this.market, "/outreach/activities/" + marketActivity)).contains("id=\"edit-activity\"");

		// the township: what was held in it, including the department's; corrects only
		// its own
		assertThat(page(this.huishi, "/outreach?text=" + this.tag)).contains("农贸市场 " + this.tag, "社区服务中心 " + this.tag)
			.doesNotContain("河畔超市 " + this.tag);
		assertThat(page(this.huishi, "/outreach/activities/" + marketActivity)).doesNotContain("id=\"edit-activity\"");
		assertThat(status(this.huishi, "/outreach/activities/" + marketActivity + "/edit")).isEqualTo(403);
		Map<String, String> change = activity(HUISHI_VILLAGE);
		change.put("version", "0");
		change.put("peopleReached", "5");
		assertThat(postForm(this.huishi, "/outreach/activities/" + marketActivity, change).getResponse().getStatus())
			.isEqualTo(403);
		assertThat(postForm(this.market, "/outreach/activities/" + township, change).getResponse().getStatus())
			.isEqualTo(404);

		// the department corrects its own; the office may correct it too
		mine.put("version", "0");
		mine.put("peopleReached", "66");
		assertThat(
				postForm(this.market, "/outreach/activities/" + marketActivity, mine).getResponse().getRedirectedUrl())
			.isEqualTo("/outreach/activities/" + marketActivity);
		assertThat(count("select people_reached from outreach_activity where id = ?", marketActivity)).isEqualTo(66);
		assertThat(page(this.office, "/outreach?text=" + this.tag)).contains("农贸市场 " + this.tag, "河畔超市 " + this.tag,
				"社区服务中心 " + this.tag);
		assertThat(postForm(this.office, "/outreach/activities/" + marketHepan + "/delete", Map.of("version", "0"))
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/outreach");
		assertThat(count("select count(*) from outreach_activity where id = ?", marketHepan)).isZero();
	}

	@Test
	void aDepartmentRecordsItsOwnTrainingAndSeesNoOtherUnitsTraining() throws Exception {
		long worker = count("select min(id) from person where role = 'GRID_WORKER' and region_code like '620422100%'");
		String topic = "市场监管领域非法集资风险识别 " + this.tag;
		long own = OutreachCorrectionTests.idOf(postForm(this.market, "/outreach/trainings",
				Map.of("topic", topic, "heldOn", LocalDate.now().minusDays(1).toString(), "regionCode", "620422000000",
						"trainer", "县市场监管局", "hours", "2", "attendeeIds", "" + worker)));
		long township = OutreachCorrectionTests.idOf(postForm(this.huishi, "/outreach/trainings",
				Map.of("topic", "镇村网格员培训 " + this.tag, "heldOn", LocalDate.now().minusDays(1).toString(), "regionCode",
						HUISHI_VILLAGE, "trainer", "镇处非办", "hours", "1", "attendeeIds", "" + worker)));
		assertThat(page(this.market, "/outreach/trainings?text=" + this.tag)).contains(topic)
			.doesNotContain("镇村网格员培训 " + this.tag);
		assertThat(status(this.market, "/outreach/trainings/" + township)).isEqualTo(404);
		assertThat(page(this.market, "/outreach/trainings/" + own)).contains("id=\"edit-training\"");
		assertThat(page(this.office, "/outreach/trainings?text=" + this.tag)).contains(topic, "镇村网格员培训 " + this.tag);
		// a county session is outside a township's jurisdiction
		assertThat(status(this.huishi, "/outreach/trainings/" + own)).isEqualTo(404);
	}

	@Test
	void aDepartmentReadsTheSharedRegistersButCorrectsOnlyItsOwn() throws Exception {
		postForm(this.huishi, "/outreach/materials",
				Map.of("kind", "POSTER", "title", "镇海报 " + this.tag, "regionCode", HUISHI_VILLAGE));
		long townshipMaterial = count("select max(id) from outreach_material where title = ?", "镇海报 " + this.tag);
		postForm(this.market, "/outreach/materials",
				Map.of("kind", "LEAFLET", "title", "市场监管折页 " + this.tag, "regionCode", "620422000000"));
		long marketMaterial = count("select max(id) from outreach_material where title = ?", "市场监管折页 " + this.tag);
		assertThat(page(this.market, "/outreach/materials?text=" + this.tag)).contains("镇海报 " + this.tag,
				"市场监管折页 " + this.tag);
		assertThat(status(this.market, "/outreach/materials/" + townshipMaterial + "/edit")).isEqualTo(403);
		assertThat(postForm(this.market, "/outreach/materials/" + townshipMaterial + "/delete", Map.of("version", "0"))
			.getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(page(this.market, "/outreach/materials/" + marketMaterial + "/edit")).contains("修改宣传资料");
		postForm(this.market, "/outreach/materials/" + marketMaterial + "/delete", Map.of("version", "0"));
		assertThat(count("select count(*) from outreach_material where id = ?", marketMaterial)).isZero();
		assertThat(count("select count(*) from outreach_material where id = ?", townshipMaterial)).isEqualTo(1);
	}

	@Test
	void theCoverageListIsPagedAndItsTotalsCountEveryone() throws Exception {
		long workers = count(
				"""
						select count(*) from person where role in ('GRID_WORKER', 'GRID_LEADER') and region_code like '620422%'""");
		assertThat(workers).as("the county has more grid workers than a page").isGreaterThan(20);
		String first = page(this.office, "/outreach/trainings/coverage");
		assertThat(first).contains("id=\"grid-workers\">" + workers + "<");
		assertThat(rows(first)).isEqualTo(20);
		long pages = (workers + 19) / 20;
		assertThat(first).contains("第 1 / " + pages + " 页，共 " + workers + " 条");
		String last = page(this.office, "/outreach/trainings/coverage?page=" + pages);
		assertThat(rows(last)).isEqualTo((int) (workers - 20 * (pages - 1)));
		assertThat(first).contains("/outreach/trainings/coverage?year=" + LocalDate.now().getYear() + "&amp;page=2");
	}

	private static int rows(String page) {
		String table = page.substring(page.indexOf("id=\"coverage-table\""),
				page.indexOf("</table>", page.indexOf("id=\"coverage-table\"")));
		Matcher m = Pattern.compile("<td data-label=\"姓名\"").matcher(table);
		int n = 0;
		while (m.find()) {
			n++;
		}
		return n;
	}

	private String page(UserDetails who, String path) throws Exception {
		return this.mvc.perform(get(path).with(user(who))).andReturn().getResponse().getContentAsString();
	}

	private int status(UserDetails who, String path) throws Exception {
		return this.mvc.perform(get(path).with(user(who))).andReturn().getResponse().getStatus();
	}

}
