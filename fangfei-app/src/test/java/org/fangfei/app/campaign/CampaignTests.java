package org.fangfei.app.campaign;

import java.time.LocalDate;
import java.util.List;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;
import org.junit.jupiter.api.Test;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Campaigns: copying 004's template with its units mapped to the county's, every editing
 * rule refused in Chinese with nothing written, edits that would lose progress refused,
 * and who may edit.
 */
@IntegrationTest
class CampaignTests extends CampaignTestSupport {

	@Test
	void theOfficeCopiesTheTemplateWithItsUnitsMappedToTheCounty() throws Exception {
		copyTemplate("模板行动" + this.tag, "2027-12-31", "document", "会处非办发〔2026〕1号")
			.andExpect(redirectedUrlPattern("/campaigns/*"));
		long id = count("select id from campaign where name = ?", "模板行动" + this.tag);
		Campaign c = this.campaigns.get(id, this.office);
		assertThat(c.tasks()).hasSize(30);
		assertThat(c.tasks().stream().map(Campaign.Task::groupNo).distinct()).hasSize(11);
		assertThat(c.phases()).extracting(Campaign.Phase::name)
			.containsExactly("部署发动阶段", "风险排查阶段", "打击处置阶段", "建章立制阶段", "巩固提升阶段");
		// phases moved by the two years between the template's start and this one's
		assertThat(c.phases().get(0).startsOn()).isEqualTo(LocalDate.of(2026, 7, 1));
		assertThat(c.phases().get(0).endsOn()).isEqualTo(LocalDate.of(2026, 7, 10));
		assertThat(c.phases().get(4).endsOn()).isEqualTo(LocalDate.of(2027, 12, 31));
		Campaign.Task police = task(c, 18);
		assertThat(police.leads()).singleElement().satisfies(u -> {
			assertThat(u.name()).isEqualTo("县公安局");
			assertThat(u.departmentId()).isNotNull();
		});
		Campaign.Task townships = task(c, 2);
		assertThat(townships.leads()).hasSizeGreaterThan(20)
			.allSatisfy(u -> assertThat(u.regionCode()).startsWith("620422").doesNotEndWith("000000000"));
		assertThat(townships.leads()).extracting(Campaign.Unit::regionCode).contains(HUISHI, HEPAN);
		Campaign.Task finance = task(c, 4);
		assertThat(finance.leads()).extracting(Campaign.Unit::name).containsExactly("县金融工作办公室");
		assertThat(finance.assisting()).extracting(Campaign.Unit::name).contains("区党政综合办公室", "县公安局");
		assertThat(finance.assisting()).filteredOn(u -> u.name().equals("区党政综合办公室"))
			.singleElement()
			.satisfies(u -> assertThat(u.mapped()).isFalse());
		assertThat(task(c, 11).units()).extracting(Campaign.Unit::name).contains("县市场监督管理局", "会师镇");
		assertThat(count("select count(*) from audit_log where target_type = 'campaign' and target_id = ?",
				String.valueOf(id)))
			.isEqualTo(1);

		// a township sees the campaign with its own tasks only
		Campaign seen = this.campaigns.get(id, this.huishi);
		assertThat(seen.tasks()).isNotEmpty()
			.hasSizeLessThan(30)
			.allSatisfy(t -> assertThat(t.units()).anyMatch(u -> HUISHI.equals(u.regionCode())));
		assertThat(seen.tasks()).extracting(Campaign.Task::seq).doesNotContain(18, 26);
	}

	@Test
	void theOfficeMayCopyOnlySomeOfTheTemplatesTasks() throws Exception {
		String name = "部分任务行动" + this.tag;
		// none ticked, or a number the template does not have: refused, nothing written
		copyTemplate(name, "2027-06-30", "choosing", "1").andExpect(status().isOk())
			.andExpect(content().string(containsString("请至少选择一项任务")));
		for (String bad : List.of("31", "二")) {
			copyTemplate(name, "2027-06-30", "choosing", "1", "tasks", "2", "tasks", bad).andExpect(status().isOk())
				.andExpect(content().string(containsString("所选任务不在模板中，请从模板的任务中选择")));
		}
		assertThat(count("select count(*) from campaign where name = ?", name)).isZero();
		// the page offers every task ticked
		String page = this.mvc.perform(get("/campaigns/template").with(user(this.officeUser)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page.split("name=\"tasks\"", -1)).hasSize(31);
		assertThat(page.split("checked=\"checked\"", -1)).hasSize(31);

		copyTemplate(name, "2027-06-30", "choosing", "1", "tasks", "2", "tasks", "11", "tasks", "23")
			.andExpect(redirectedUrlPattern("/campaigns/*"));
		Campaign c = this.campaigns.get(count("select id from campaign where name = ?", name), this.office);
		assertThat(c.tasks()).extracting(Campaign.Task::seq).containsExactly(2, 11, 23);
		assertThat(task(c, 11).units()).extracting(Campaign.Unit::name).contains("县市场监督管理局", "会师镇");
		assertThat(c.phases()).hasSize(5);
		assertThat(count(
				"select count(*) from audit_log where target_type = 'campaign' and target_id = ? and summary like ?",
				String.valueOf(c.id()), "%(选用3项任务)"))
			.isEqualTo(1);
	}

	@Test
	void badHeadersAndPhasesAreRefusedInChineseAndNothingIsWritten() throws Exception {
		String name = "坏行动" + this.tag;
		String[][] cases = { { name, "2026-07-01", "2026-06-30", "结束日期不能早于开始日期" },
				{ name, "2026-07-01", "2032-07-01", "专项行动不能超过5年" }, { "", "2026-07-01", "2026-12-31", "请填写行动名称" },
				{ name, "", "2026-12-31", "请填写开始日期" } };
		for (String[] c : cases) {
			this.mvc
				.perform(post("/campaigns").with(user(this.officeUser))
					.with(csrf())
					.param("name", c[0])
					.param("startsOn", c[1])
					.param("endsOn", c[2]))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString(c[3])));
		}
		assertThat(count("select count(*) from campaign where name like ?", "%" + this.tag)).isZero();

		long id = smallCampaign();
		LocalDate s = start();
		assertThatThrownBy(() -> this.campaigns.addPhase(id,
				new CampaignForms.PhaseForm("早阶段", s.minusDays(1), s.plusDays(5), null), this.office))
			.isInstanceOf(Rejected.class)
			.hasMessageContaining("阶段日期应在行动起止日期");
		assertThatThrownBy(() -> this.campaigns.addPhase(id,
				new CampaignForms.PhaseForm("倒阶段", s.plusDays(5), s.plusDays(1), null), this.office))
			.hasMessage("阶段结束日期不能早于开始日期");
		this.campaigns.addPhase(id, new CampaignForms.PhaseForm("排查阶段", s, s.plusMonths(2), null), this.office);
		assertThatThrownBy(() -> this.campaigns.updateHeader(id,
				new CampaignForms.Header("测试行动" + this.tag, null, s.plusMonths(1), s.plusMonths(12)), this.office))
			.hasMessageContaining("阶段“排查阶段”超出新的起止日期");
		assertThat(count("select count(*) from campaign_phase where campaign_id = ?", id)).isEqualTo(1);
		assertThat(this.campaigns.load(id).startsOn()).isEqualTo(s);
		assertThatThrownBy(() -> this.campaigns.addPhase(id, new CampaignForms.PhaseForm("镇阶段", s, s.plusDays(3), null),
				this.huishi))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void badTasksAreRefusedInChineseAndNothingIsWritten() throws Exception {
		long id = smallCampaign();
		LocalDate s = start();
		String[][] refused = { { "无牵头" + this.tag, "ONCE_OK", "", "", "每项任务须有牵头单位" },
				{ "重复单位" + this.tag, "", "R:" + HUISHI, "R:" + HUISHI, "同一单位不能既是牵头单位又是配合单位" },
				{ "无期限" + this.tag, "ONCE", "R:" + HUISHI, "", "一次性任务须填写报送期限" },
				{ "期限外" + this.tag, "ONCE_LATE", "R:" + HUISHI, "", "报送期限应在行动起止日期之内" },
				{ "外县单位" + this.tag, "", "R:620421100000", "", "所选单位不存在或已停用" } };
		for (String[] r : refused) {
			Period period = r[1].startsWith("ONCE") ? Period.ONCE : Period.MONTHLY;
			LocalDate due = r[1].equals("ONCE_OK") ? s.plusDays(9) : r[1].equals("ONCE_LATE") ? s.plusYears(3) : null;
			CampaignForms.TaskForm form = task(r[0], period, due, r[2].isEmpty() ? List.of() : List.of(r[2]),
					r[3].isEmpty() ? List.of() : List.of(r[3]));
			assertThatThrownBy(() -> this.tasks.save(id, null, form, this.office)).isInstanceOf(Rejected.class)
				.hasMessageContaining(r[4]);
		}
		assertThat(count("select count(*) from campaign_task where campaign_id = ?", id)).isEqualTo(1);
		// on the page: the bean rules
		this.mvc
			.perform(post("/campaigns/{id}/tasks", id).with(user(this.officeUser))
				.with(csrf())
				.param("groupNo", "0")
				.param("groupName", "类别")
				.param("title", "")
				.param("period", "MONTHLY")
				.param("dueDay", "30"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("请填写任务名称")))
			.andExpect(content().string(containsString("报送日应为每月1至28日")))
			.andExpect(content().string(containsString("任务类别序号应为1至99")));
		// a written lead unit the county does not have is kept by its name
		long written = this.tasks.save(id, null, new CampaignForms.TaskForm(2, "类别二", "文字单位" + this.tag, "",
				Period.QUARTERLY, 5, null, List.of(), "区政法委", List.of("R:" + HEPAN)), this.office);
		Campaign.Task t = task(this.campaigns.load(id), written);
		assertThat(t.leads()).singleElement().satisfies(u -> {
			assertThat(u.name()).isEqualTo("区政法委");
			assertThat(u.mapped()).isFalse();
		});
		this.mvc.perform(post("/campaigns/{id}/tasks", id).with(user(this.huishiUser)).with(csrf()).param("title", "x"))
			.andExpect(status().isForbidden());
	}

	@Test
	void editsNeverLoseProgress() {
		long id = smallCampaign();
		Campaign c = this.campaigns.load(id);
		Campaign.Task t = c.tasks().get(0);
		Campaign.Unit huishiUnit = unit(id, HUISHI);
		this.progress.report(id, huishiUnit.id(), YearMonthKey.of(start()), "本月排查完成", "排查主体：5", List.of(), this.huishi);
		assertThatThrownBy(() -> this.tasks.remove(id, t.id(), this.office)).hasMessage("该任务已有进展报送，不能删除");
		assertThatThrownBy(() -> this.tasks.save(id, t.id(),
				task(t.title(), Period.MONTHLY, null, List.of("R:" + HEPAN), List.of()), this.office))
			.hasMessageContaining("单位“会师镇”已报送该任务进展");
		// moving the assisting unit out is fine: it has not reported
		this.tasks.save(id, t.id(), task(t.title() + "改", Period.MONTHLY, null, List.of("R:" + HUISHI), List.of()),
				this.office);
		Campaign.Task changed = this.campaigns.load(id).tasks().get(0);
		assertThat(changed.title()).endsWith("改");
		assertThat(changed.units()).singleElement().satisfies(u -> assertThat(u.id()).isEqualTo(huishiUnit.id()));
		long spare = this.tasks.save(id, null,
				task("空任务" + this.tag, Period.QUARTERLY, null, List.of("R:" + HEPAN), List.of()), this.office);
		this.tasks.remove(id, spare, this.office);
		assertThat(count("select count(*) from campaign_task where id = ?", spare)).isZero();
		assertThatThrownBy(() -> this.tasks.remove(id, 999_999_999L, this.office)).isInstanceOf(NotFound.class);
	}

	/**
	 * The office copies the template as a campaign from 2026-07-01 to {@code endsOn},
	 * with further parameters as name-value pairs (a name repeated for several values).
	 */
	private ResultActions copyTemplate(String name, String endsOn, String... params) throws Exception {
		MockHttpServletRequestBuilder request = post("/campaigns/template/copy").with(user(this.officeUser))
			.with(csrf())
			.param("name", name)
			.param("startsOn", "2026-07-01")
			.param("endsOn", endsOn);
		for (int n = 0; n < params.length; n += 2) {
			request = request.param(params[n], params[n + 1]);
		}
		return this.mvc.perform(request);
	}

	static Campaign.Task task(Campaign c, int seq) {
		return c.tasks().stream().filter(t -> t.seq() == seq).findFirst().orElseThrow();
	}

	static Campaign.Task task(Campaign c, long id) {
		return c.tasks().stream().filter(t -> t.id() == id).findFirst().orElseThrow();
	}

	/** The monthly period key of a day. */
	static final class YearMonthKey {

		static String of(LocalDate day) {
			return java.time.YearMonth.from(day).toString();
		}

		static String now() {
			return of(Times.today());
		}

	}

}
