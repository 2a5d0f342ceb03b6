package org.fangfei.app.warning;

import java.util.List;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.clue.ClueSource;
import org.fangfei.app.patrol.PatrolFindingRaised;
import org.fangfei.app.shared.Times;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A warning's response (required fields, the red warning's on-site visit), overdue
 * escalation, data scope, the settings' checks, the public risk notice and the pages.
 */
@IntegrationTest
class WarningWorkflowTests extends WarningTestSupport {

	@Autowired
	Warnings warnings;

	@Autowired
	WarningSettings settings;

	@Autowired
	DemoWarnings demo;

	@Autowired
	RiskIndex riskIndex;

	long orange(String name) throws Exception {
		long s = enterprise(name + this.tag);
		clue(ClueSource.TIP, List.of(s));
		clue(ClueSource.TIP, List.of(s));
		publish(new PatrolFindingRaised(nextRef(), s, HUISHI_VILLAGE, "发放高息传单", "grid"));
		return s;
	}

	long warningOf(long subject) {
		return ((Number) warnings(subject).get(warnings(subject).size() - 1).get("id")).longValue();
	}

	MockHttpServletResponse send(UserDetails who, AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		return this.mvc.perform(request.with(user(who)).with(csrf())).andReturn().getResponse();
	}

	@Test
	void anIncompleteResponseIsRefusedInChineseAndACompleteOneClosesTheWarningAndItsNotice() throws Exception {
		long s = orange("反馈预警公司");
		long id = warningOf(s);
		MockHttpServletResponse r = send(this.huishi, post("/warnings/{id}/answer", id).param("checked", " "));
		assertThat(r.getStatus()).isEqualTo(200);
		assertThat(r.getContentAsString()).contains("请填写核查情况").contains("请填写处置措施").contains("请选择建议风险等级");
		assertThat(warnings(s).get(0)).containsEntry("status", "OPEN");
		r = send(this.huishi,
				post("/warnings/{id}/answer", id).param("checked", "已约谈负责人，核查宣传材料")
					.param("done", "责令停止宣传，列入重点巡查")
					.param("proposedTier", "PURPLE"));
		assertThat(r.getContentAsString()).contains("请选择建议风险等级");
		r = send(this.huishi,
				post("/warnings/{id}/answer", id).param("checked", "已约谈负责人，核查宣传材料")
					.param("done", "责令停止宣传，列入重点巡查")
					.param("proposedTier", "YELLOW"));
		assertThat(r.getStatus()).isEqualTo(302);
		assertThat(warnings(s).get(0)).containsEntry("status", "ANSWERED")
			.containsEntry("proposed_tier", "YELLOW")
			.containsEntry("answered_by", "huishi");
		assertThat(this.jdbc.sql("select count(*) from notice where dedup_key = ? and resolved_at is null")
			.param("warning:" + id)
			.query(Long.class)
			.single()).isZero();
		r = send(this.huishi,
				post("/warnings/{id}/answer", id).param("checked", "再次")
					.param("done", "再次")
					.param("proposedTier", "BLUE"));
		assertThat(r.getContentAsString()).contains("该预警已反馈，不能重复反馈");
		assertThat(this.jdbc.sql("select count(*) from audit_log where action = 'WARNING_ANSWER' and target_id = ?")
			.param(Long.toString(id))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aRedWarningNeedsTheOnSiteVisitWithinItsDates() throws Exception {
		long s = orange("红色预警公司");
		clue(ClueSource.TIP, List.of(s));
		long id = warningOf(s);
		assertThat(warnings(s).get(1)).containsEntry("tier", "RED");
		MockHttpServletResponse r = send(this.huishi,
				post("/warnings/{id}/answer", id).param("checked", "已核查")
					.param("done", "已处置")
					.param("proposedTier", "RED"));
		assertThat(r.getContentAsString()).contains("红色预警须登记现场指导日期").contains("请填写现场指导情况");
		r = send(this.huishi,
				post("/warnings/{id}/answer", id).param("checked", "已核查")
					.param("done", "已处置")
					.param("proposedTier", "RED")
					.param("visitedOn", Times.today().plusDays(1).toString())
					.param("visitNote", "县处非办现场指导"));
		assertThat(r.getContentAsString()).contains("现场指导日期应在预警发出之日到今天之间");
		r = send(this.huishi,
				post("/warnings/{id}/answer", id).param("checked", "已核查")
					.param("done", "已处置")
					.param("proposedTier", "RED")
					.param("visitedOn", Times.today().toString())
					.param("visitNote", "县处非办现场指导"));
		assertThat(r.getStatus()).isEqualTo(302);
		assertThat(warnings(s).get(1)).containsEntry("status", "ANSWERED").containsEntry("visit_note", "县处非办现场指导");
	}

	@Test
	void anOverdueWarningIsEscalatedOnceToTheOfficeAndTheLeaders() throws Exception {
		long s = orange("逾期预警公司");
		long id = warningOf(s);
		this.jdbc.sql("update warning set due_on = ? where id = ?")
			.param(Times.today().minusDays(1))
			.param(id)
			.update();
		assertThat(this.warnings.escalateOverdue(Times.today())).isGreaterThanOrEqualTo(1);
		assertThat(this.warnings.escalateOverdue(Times.today())).isZero();
		assertThat(this.jdbc.sql("select to_role from notice where dedup_key = ? order by to_role")
			.param("warning:" + id + ":overdue")
			.query(String.class)
			.list()).containsExactly("LEADER", "OFFICE");
		String page = send(this.leader, get("/warnings/list").param("status", "OVERDUE")).getContentAsString();
		assertThat(page).contains("逾期预警公司" + this.tag).contains("已逾期");
	}

	@Test
	void anotherTownshipCannotSeeOrAnswerTheWarning() throws Exception {
		long s = orange("辖区预警公司");
		long id = warningOf(s);
		assertThat(send(this.hepan, get("/warnings/{id}", id)).getStatus()).isEqualTo(404);
		assertThat(send(this.hepan,
				post("/warnings/{id}/answer", id).param("checked", "x")
					.param("done", "x")
					.param("proposedTier", "BLUE"))
			.getStatus()).isEqualTo(404);
		assertThat(send(this.hepan, get("/warnings/subjects/{id}", s)).getStatus()).isEqualTo(404);
		assertThat(send(this.hepan, get("/warnings/list")).getContentAsString()).doesNotContain("辖区预警公司" + this.tag);
		assertThat(send(this.leader,
				post("/warnings/{id}/answer", id).param("checked", "x")
					.param("done", "x")
					.param("proposedTier", "BLUE"))
			.getStatus()).as("leaders read, they do not answer").isEqualTo(403);
		String page = send(this.huishi, get("/warnings/subjects/{id}", s)).getContentAsString();
		assertThat(page).contains("指数构成").contains("巡查发现：发放高息传单").contains("橙色");
	}

	@Test
	void badSettingsAreRefusedWholeWithTheirReasons() throws Exception {
		String before = this.settings.all().toString();
		MockHttpServletResponse r = send(this.chief,
				post("/warnings/settings").param("tier.YELLOW", "70")
					.param("weight.CLUE", "abc")
					.param("half-life-days", "0")
					.param("key-sectors", "WEALTH_MANAGEMENT,NO_SUCH_SECTOR"));
		assertThat(r.getStatus()).isEqualTo(200);
		assertThat(r.getContentAsString()).contains("线索、举报(每条)应为 0 到 100 之间的整数")
			.contains("动态信号的半衰期(天)应为 1 到 3650 之间的整数")
			.contains("行业字典里没有的代码：NO_SUCH_SECTOR");
		assertThat(this.settings.all().toString()).isEqualTo(before);
		r = send(this.chief, post("/warnings/settings").param("tier.YELLOW", "70"));
		assertThat(r.getContentAsString()).contains("等级下限应满足 黄色 &lt; 橙色 &lt; 红色");
		assertThat(send(this.office, post("/warnings/settings").param("tier.YELLOW", "31")).getStatus())
			.as("only the office head changes the weights")
			.isEqualTo(403);
	}

	@Test
	void theOfficePublishesARiskNoticeThePublicReadsWithoutSigningIn() throws Exception {
		long s = orange("公开提示公司");
		MockHttpServletResponse r = send(this.office,
				post("/warnings/subjects/{id}/notices", s).param("title", " ").param("body", ""));
		assertThat(r.getContentAsString()).contains("请填写提示标题").contains("请填写提示内容");
		r = send(this.office, post("/warnings/subjects/{id}/notices", s).param("title", "关于公开提示公司" + this.tag + "的风险提示")
			.param("body", "该公司以高息为诱饵吸收资金，请勿参与。"));
		assertThat(r.getStatus()).isEqualTo(302);
		long id = this.jdbc.sql("select id from warning_notice where subject_id = ?")
			.param(s)
			.query(Long.class)
			.single();
		String list = this.mvc.perform(get("/risk-notices")).andReturn().getResponse().getContentAsString();
		assertThat(list).contains("关于公开提示公司" + this.tag + "的风险提示");
		String one = this.mvc.perform(get("/risk-notices/{id}", id)).andReturn().getResponse().getContentAsString();
		assertThat(one).contains("请勿参与");
		assertThat(send(this.huishi, post("/warnings/subjects/{id}/notices", s).param("title", "x").param("body", "y"))
			.getStatus()).isEqualTo(403);
		send(this.office, post("/warnings/notices/{id}/withdraw", id));
		assertThat(this.mvc.perform(get("/risk-notices/{id}", id)).andReturn().getResponse().getStatus())
			.isEqualTo(404);
	}

	@Test
	void theDemoRiskNoticesShowOnThePortalWithoutInternalData() throws Exception {
		// the demo ledger's subject, with a signal naming a reporter as an internal
		// record
		// may, and an index
		long subject = this.jdbc.sql("select id from subject where name = ?")
			.param(DemoWarnings.NOTICES.get(0).subject())
			.query(Long.class)
			.single();
		this.riskIndex.signal(subject, SignalKind.CLUE, "CLUE", nextRef(), 1.0, Times.now(),
				"举报人赵秀英 19912345678 反映预收会员费", null);
		this.riskIndex.recompute(subject, Times.now());
		this.demo.publishNotices();
		String list = this.mvc.perform(get("/risk-notices")).andReturn().getResponse().getContentAsString();
		for (DemoWarnings.DemoNotice n : DemoWarnings.NOTICES) {
			assertThat(list).contains(n.title());
			long id = this.jdbc.sql("select max(id) from warning_notice where title = ?")
				.param(n.title())
				.query(Long.class)
				.single();
			assertThat(list).contains("/risk-notices/" + id);
			MockHttpServletResponse r = this.mvc.perform(get("/risk-notices/{id}", id)).andReturn().getResponse();
			assertThat(r.getStatus()).isEqualTo(200);
			String page = r.getContentAsString();
			assertThat(page).as(n.title())
				.contains(n.title(), n.body().lines().findFirst().orElseThrow(), "处置非法集资工作领导小组办公室", "我要举报")
				.doesNotContain("赵秀英", "19912345678", "风险指数", "信号", "红色", "橙色", "黄色", "蓝色", "/warnings", "/subjects")
				.as("the office's staff are not named")
				.doesNotContain("王静");
		}
		assertThat(this.mvc.perform(get("/tip")).andReturn().getResponse().getContentAsString())
			.as("the tip portal leads to the notices")
			.contains("href=\"/risk-notices\"");
	}

	@Test
	void theCockpitShowsTiersTownshipsAndWarningsToLeadersOnly() throws Exception {
		orange("驾驶舱公司");
		String page = send(this.leader, get("/cockpit")).getContentAsString();
		assertThat(page).contains("领导驾驶舱").contains("会师镇").contains("id=\"tier-ORANGE\"").contains("待反馈预警");
		// each tier's card holds its label and its count of the county's subjects
		for (Tier t : Tier.values()) {
			long n = this.jdbc.sql("select count(*) from warning_subject where tier = ? and region_code like '620422%'")
				.param(t.name())
				.query(Long.class)
				.single();
			String card = page.substring(page.indexOf("id=\"tier-" + t.name() + "\""));
			card = card.substring(0, card.indexOf("</a>"));
			assertThat(card).contains(">" + t.label() + "主体<").contains(">" + n + "</span>");
		}
		String data = send(this.leader, get("/cockpit/data")).getContentAsString();
		assertThat(data).contains("\"townships\"").contains("会师镇").contains("\"months\"");
		assertThat(send(this.huishi, get("/cockpit")).getStatus()).isEqualTo(403);
		org.springframework.mock.web.MockMultipartFile bad = new org.springframework.mock.web.MockMultipartFile("file",
				"map.geojson", "application/json", "{\"type\":\"Feature\"}".getBytes());
		MockHttpServletResponse r = send(this.accounts.ready("sysadmin"),
				org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/cockpit/map")
					.file(bad));
		assertThat(r.getContentAsString()).contains("GeoJSON 应为含有要素的 FeatureCollection");
		String geo = """
				{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"会师镇"},
				"geometry":{"type":"Polygon","coordinates":[[[105,35.6],[105.1,35.6],[105.1,35.7],[105,35.6]]]}}]}
				""";
		r = send(this.accounts.ready("sysadmin"),
				org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/cockpit/map")
					.file(new org.springframework.mock.web.MockMultipartFile("file", "map.geojson", "application/json",
							geo.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
		assertThat(r.getStatus()).isEqualTo(302);
		assertThat(send(this.leader, get("/cockpit")).getContentAsString()).contains("/cockpit/map.geojson");
		send(this.accounts.ready("sysadmin"), post("/cockpit/map/reset"));
		assertThat(send(this.leader, get("/cockpit")).getContentAsString()).doesNotContain("/cockpit/map.geojson");
	}

	@Autowired
	ClueFlow clueFlow;

	@Test
	void aClueClosedMonthsAgoCountsInItsMonthOnTheCockpitNotWhenItsEventArrived() {
		long clueId = refs++;
		java.time.OffsetDateTime closedAt = Times.now().minusMonths(3);
		this.clueFlow.on(new org.fangfei.app.clue.ClueEvent.Closed(
				new org.fangfei.app.clue.ClueEvent.ClueRef(clueId, "XS-CF-" + clueId, HUISHI_VILLAGE, null,
						org.fangfei.app.clue.ClueGrade.NORMAL, org.fangfei.app.clue.ClueState.CLOSED, 9),
				org.fangfei.app.clue.Determination.IRREGULAR, closedAt));
		// the listener runs asynchronously, as it does for the published event
		java.time.LocalDate month = org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.until(() -> this.jdbc.sql("select month from warning_clue_flow where clue_id = :id and kind = 'CLOSED'")
				.param("id", clueId)
				.query(java.time.LocalDate.class)
				.optional()
				.orElse(null), java.util.Objects::nonNull);
		assertThat(month).isEqualTo(closedAt.atZoneSameInstant(Times.zone()).toLocalDate().withDayOfMonth(1));
	}

}
