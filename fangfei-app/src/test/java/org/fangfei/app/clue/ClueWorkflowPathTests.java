package org.fangfei.app.clue;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.fangfei.app.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole path of a clue to close-out (销号) and every branch off it, through the JSON
 * API as the demo users: what each move writes (state, timeline, steps, audit, records,
 * notices) and the moves that must be refused with nothing written.
 */
@IntegrationTest
class ClueWorkflowPathTests extends ClueTestSupport {

	@Test
	void hotlineClueGoesAllTheWayToCloseOut() throws Exception {
		long id = registered("全程");
		toAssessing(id);
		ok(this.chief, id, "DETERMINE", determination("SUSPECTED_ILLEGAL", "涉嫌非法吸收公众存款"));
		ok(this.huishi, id, "MEASURE", measure("SUPERVISED_REFUND", "20000"));
		ok(this.huishi, id, "MEASURE", measure("ADMIN_PENALTY", "5000"));
		ok(this.huishi, id, "FINISH");
		ok(this.office, id, "FEEDBACK", note("已向来电人反馈处置结果"));
		ok(this.chief, id, "CLOSE", note("处置完毕，销号"));

		Map<String, Object> clue = clueRow(id);
		assertThat(clue).containsEntry("state", "CLOSED")
			.containsEntry("determination", "SUSPECTED_ILLEGAL")
			.containsEntry("determination_note", "涉嫌非法吸收公众存款")
			.containsEntry("feedback", "已向来电人反馈处置结果")
			.containsEntry("handler_region_code", HUISHI)
			.containsEntry("due_on", null);
		assertThat(clue.get("closed_at")).isNotNull();
		assertThat(clue.get("feedback_at")).isNotNull();
		assertThat(timeline(id)).containsExactly("登记:>REGISTERED", "受理:REGISTERED>ACCEPTED", "分派:ACCEPTED>DISPATCHED",
				"签收:DISPATCHED>VERIFYING", "核查:VERIFYING>ASSESSING", "认定:ASSESSING>DISPOSING", "处置:DISPOSING>DISPOSING",
				"处置:DISPOSING>DISPOSING", "处置完毕:DISPOSING>FEEDBACK", "反馈:FEEDBACK>FEEDBACK", "销号:FEEDBACK>CLOSED");
		assertThat(events(id, "核查").get(0).get("note").toString()).contains("张伟、李四");
		assertThat(events(id, "销号").get(0)).containsEntry("actor", "chief");

		List<Map<String, Object>> steps = this.jdbc.sql("select * from clue_step where clue_id = :id order by id")
			.param("id", id)
			.query()
			.listOfRows();
		assertThat(steps).extracting(s -> s.get("step"))
			.containsExactly("REGISTERED", "ACCEPTED", "DISPATCHED", "VERIFYING", "ASSESSING", "DISPOSING", "FEEDBACK");
		assertThat(steps).allSatisfy(s -> {
			assertThat(s.get("finished_at")).isNotNull();
			assertThat(s.get("on_time")).isEqualTo(true);
			assertThat(s.get("due_on")).isNotNull();
		});

		assertThat(audits(id)).containsExactly("CLUE_REGISTER", "CLUE_ACCEPT", "CLUE_DISPATCH", "CLUE_RECEIVE",
				"CLUE_VERIFY", "CLUE_DETERMINE", "CLUE_MEASURE", "CLUE_MEASURE", "CLUE_FINISH", "CLUE_FEEDBACK",
				"CLUE_CLOSE");
		assertThat(count("select count(*) from clue_verification where clue_id = ? and investigators = '张伟、李四'", id))
			.isOne();
		assertThat(this.jdbc.sql("select kind from clue_measure where clue_id = :id order by id")
			.param("id", id)
			.query(String.class)
			.list()).containsExactly("SUPERVISED_REFUND", "ADMIN_PENALTY");
		assertThat(count("select amount_fen from clue_measure where clue_id = ? and kind = 'ADMIN_PENALTY'", id))
			.isEqualTo(500000L);

		List<Map<String, Object>> notices = notices(id);
		assertThat(notices).hasSize(7)
			.allSatisfy(n -> assertThat(n.get("resolved_at")).as("notice %s", n.get("title")).isNotNull());
		assertThat(notices).extracting(n -> n.get("recipient_key"))
			.contains("unit:" + HUISHI)
			.anySatisfy(k -> assertThat(k.toString()).contains("OFFICE_HEAD"));

		String detail = getAs(this.office, "/api/v1/clues/" + id).getContentAsString();
		assertThat(JsonPath.parse(detail).read("$.clue.state", String.class)).isEqualTo("CLOSED");
		assertThat(JsonPath.parse(detail).read("$.timeline.length()", Integer.class)).isEqualTo(11);
		assertThat(getAs(this.chief, "/clues/" + id).getContentAsString()).contains(code(id), "销号");
	}

	@Test
	void officeRejectsWithAReason() throws Exception {
		long id = registered("不予受理");
		String message = refused(400, this.office, id, "REJECT", Map.of());
		assertThat(message).contains("不予受理的理由");
		ok(this.office, id, "REJECT", note("不属于非法集资，属民间借贷纠纷"));
		assertThat(state(id)).isEqualTo("REJECTED");
		assertThat(events(id, "不予受理").get(0)).containsEntry("note", "不属于非法集资，属民间借贷纠纷")
			.containsEntry("to_state", "REJECTED");
		assertThat(audits(id)).endsWith("CLUE_REJECT");
		assertThat(notices(id)).allSatisfy(n -> assertThat(n.get("resolved_at")).isNotNull());
		assertThat(count("select count(*) from clue_step where clue_id = ? and finished_at is null", id)).isZero();
	}

	@Test
	void townshipReturnsAMisroutedClueToTheOffice() throws Exception {
		long id = registered("退回");
		toDispatched(id);
		assertThat(refused(400, this.huishi, id, "RETURN", Map.of())).contains("退回理由");
		ok(this.huishi, id, "RETURN", note("该主体注册地在河畔镇"));
		Map<String, Object> clue = clueRow(id);
		assertThat(clue).containsEntry("state", "ACCEPTED")
			.containsEntry("handler_region_code", null)
			.containsEntry("handler_department_id", null);
		assertThat(events(id, "退回").get(0).get("note").toString()).contains("会师镇", "该主体注册地在河畔镇");
		assertThat(notices(id)).anySatisfy(n -> {
			assertThat(n).containsEntry("kind", "RETURNED").containsEntry("resolved_at", null);
			assertThat(n.get("to_role")).isEqualTo("OFFICE");
			assertThat(n.get("title").toString()).startsWith("退回待重新分派");
		});
		// the notice of the dispatch to 会师镇 left its inbox
		assertThat(notices(id)).filteredOn(n -> ("unit:" + HUISHI).equals(n.get("recipient_key")))
			.isNotEmpty()
			.allSatisfy(n -> assertThat(n.get("resolved_at")).isNotNull());
		ok(this.office, id, "DISPATCH", Map.of("unit", "R" + HEPAN, "note", "会师镇退回，主体注册地在河畔镇"));
		assertThat(clueRow(id)).containsEntry("handler_region_code", HEPAN).containsEntry("state", "DISPATCHED");
	}

	@Test
	void notIllegalGoesToFeedbackAndAHotlineClueClosesOnlyAfterFeedback() throws Exception {
		long id = registered("不构成");
		toDetermined(id, "NOT_ILLEGAL");
		assertThat(state(id)).isEqualTo("FEEDBACK");
		assertThat(clueRow(id)).containsEntry("feedback_required", true);
		assertThat(refused(400, this.chief, id, "CLOSE", Map.of())).contains("须先向来源反馈");
		ok(this.office, id, "FEEDBACK", note("经核查不构成非法集资，已告知来电人"));
		ok(this.chief, id, "CLOSE");
		assertThat(state(id)).isEqualTo("CLOSED");
		assertThat(timeline(id)).endsWith("认定:ASSESSING>FEEDBACK", "反馈:FEEDBACK>FEEDBACK", "销号:FEEDBACK>CLOSED");
	}

	@Test
	void aPatrolClueClosesWithoutFeedback() throws Exception {
		Map<String, Object> form = hotline("走访不反馈");
		form.put("source", "PATROL");
		long id = register(this.office, form);
		assertThat(clueRow(id)).containsEntry("feedback_required", false);
		toDetermined(id, "NOT_ILLEGAL");
		ok(this.chief, id, "CLOSE");
		assertThat(state(id)).isEqualTo("CLOSED");
	}

	@Test
	void handlerDisputesAndALeaderRules() throws Exception {
		long id = registered("异议");
		toDetermined(id, "SUSPECTED_ILLEGAL");
		assertThat(refused(400, this.huishi, id, "DISPUTE", Map.of())).contains("异议理由");
		ok(this.huishi, id, "DISPUTE", note("经营行为属正常借贷，不应认定为涉嫌非法集资"));
		assertThat(clueRow(id)).containsEntry("state", "DISPUTED")
			.containsEntry("disputed_determination", "SUSPECTED_ILLEGAL");
		assertThat(notices(id)).anySatisfy(n -> assertThat(n).containsEntry("to_role", "LEADER")
			.containsEntry("kind", "ASSIGNED")
			.containsEntry("resolved_at", null));
		// the office head determined; the dispute goes one level up
		assertThat(forbidden(this.chief, id, "RESOLVE", determination("IRREGULAR", "裁决"))).isEqualTo(403);
		ok(this.leader, id, "RESOLVE", determination("IRREGULAR", "属不规范经营，责令整改"));
		assertThat(clueRow(id)).containsEntry("state", "DISPOSING")
			.containsEntry("determination", "IRREGULAR")
			.containsEntry("disputed_determination", null)
			.containsEntry("determination_note", "属不规范经营，责令整改");
		assertThat(timeline(id)).endsWith("认定异议:DISPOSING>DISPUTED", "裁决:DISPUTED>DISPOSING");
		assertThat(audits(id)).endsWith("CLUE_DISPUTE", "CLUE_RESOLVE");
		// once a measure is taken the determination can no longer be disputed
		ok(this.huishi, id, "MEASURE", measure("RECTIFICATION_ORDER", null));
		assertThat(refused(409, this.huishi, id, "DISPUTE", note("再次异议"))).contains("已有处置措施");
	}

	@Test
	void officeAsksForMoreVerification() throws Exception {
		long id = registered("补充核查");
		toAssessing(id);
		ok(this.office, id, "MORE", note("请补充资金流向材料"));
		assertThat(state(id)).isEqualTo("VERIFYING");
		assertThat(events(id, "补充核查").get(0)).containsEntry("note", "请补充资金流向材料");
		assertThat(notices(id)).filteredOn(n -> n.get("resolved_at") == null)
			.singleElement()
			.satisfies(n -> assertThat(n).containsEntry("recipient_key", "unit:" + HUISHI));
		ok(this.huishi, id, "VERIFY", verification());
		assertThat(count("select count(*) from clue_verification where clue_id = ?", id)).isEqualTo(2);
		assertThat(state(id)).isEqualTo("ASSESSING");
	}

	@Test
	void aSuspectedCrimeGoesToThePoliceBeforeDisposalFinishes() throws Exception {
		long id = registered("涉嫌犯罪");
		toDetermined(id, "SUSPECTED_CRIME");
		assertThat(refused(400, this.huishi, id, "FINISH", Map.of())).contains("尚未登记任何处置措施");
		ok(this.huishi, id, "MEASURE", measure("STOP_ORDER", null));
		assertThat(refused(400, this.huishi, id, "FINISH", Map.of())).contains("移送公安");
		ok(this.huishi, id, "MEASURE", measure("POLICE_TRANSFER", null));
		ok(this.huishi, id, "FINISH");
		assertThat(state(id)).isEqualTo("FEEDBACK");
	}

	@Test
	void lookBackWithoutAndWithReopening() throws Exception {
		long id = registered("回头看");
		toDetermined(id, "NOT_ILLEGAL");
		ok(this.office, id, "FEEDBACK", note("已反馈"));
		ok(this.chief, id, "CLOSE");
		assertThat(forbidden(this.office, id, "LOOK_BACK", note("走访"))).isEqualTo(403);
		ok(this.chief, id, "LOOK_BACK", Map.of("note", "走访未见反弹", "reopen", false));
		assertThat(state(id)).isEqualTo("CLOSED");
		assertThat(events(id, "回头看").get(0).get("note").toString()).contains("未发现反弹");
		ok(this.chief, id, "LOOK_BACK", Map.of("note", "发现又在发放宣传单", "reopen", true));
		Map<String, Object> clue = clueRow(id);
		assertThat(clue).containsEntry("state", "VERIFYING").containsEntry("closed_at", null);
		assertThat(clue.get("due_on")).isNotNull();
		assertThat(timeline(id)).endsWith("回头看:CLOSED>CLOSED", "回头看:CLOSED>VERIFYING");
		assertThat(notices(id)).filteredOn(n -> n.get("resolved_at") == null)
			.singleElement()
			.satisfies(n -> assertThat(n).containsEntry("recipient_key", "unit:" + HUISHI));
		ok(this.huishi, id, "VERIFY", verification());
		assertThat(state(id)).isEqualTo("ASSESSING");
	}

	@Test
	void twoCluesOnTheSameSubjectAreMerged() throws Exception {
		Map<String, Object> first = hotline("合并甲");
		first.put("newSubjectName", "合并测试商贸有限公司" + this.tag);
		first.put("newSubjectKind", "INDIVIDUAL_BUSINESS");
		long firstId = register(this.office, first);
		long subject = count("select subject_id from clue_subject where clue_id = ?", firstId);

		Map<String, Object> second = hotline("合并乙");
		second.put("subjectIds", List.of(subject));
		String body = registerBody(this.office, second);
		long secondId = JsonPath.parse(body).read("$.id", Long.class);
		List<Number> duplicates = JsonPath.parse(body).read("$.possibleDuplicates[*].id");
		assertThat(duplicates).extracting(Number::longValue).containsExactly(firstId);

		assertThat(refused(400, this.office, secondId, "MERGE", Map.of("target", "XS0000000000"))).contains("没有编号");
		assertThat(refused(400, this.office, secondId, "MERGE", Map.of("target", code(secondId)))).contains("另一条未办结");
		ok(this.office, secondId, "MERGE", Map.of("target", code(firstId).toLowerCase()));
		assertThat(clueRow(secondId)).containsEntry("state", "MERGED").containsEntry("merged_into", firstId);
		assertThat(timeline(secondId)).endsWith("合并:REGISTERED>MERGED");
		assertThat(events(firstId, "合并").get(0).get("note").toString()).contains(code(secondId));
		assertThat(notices(secondId)).allSatisfy(n -> assertThat(n.get("resolved_at")).isNotNull());

		Map<String, Object> third = hotline("合并丙");
		third.put("mergeInto", code(firstId));
		long thirdId = register(this.office, third);
		assertThat(clueRow(thirdId)).containsEntry("state", "MERGED").containsEntry("merged_into", firstId);
		assertThat(events(firstId, "合并")).hasSize(2);
		assertThat(state(firstId)).isEqualTo("REGISTERED");
	}

	@Test
	void verificationNeedsTwoInvestigators() throws Exception {
		long id = registered("一人核查");
		toVerifying(id);
		Map<String, Object> oneMan = Map.of("investigators", "张伟", "visitedOn", java.time.LocalDate.now().toString(),
				"findings", "属实");
		assertThat(refused(400, this.huishi, id, "VERIFY", oneMan)).contains("2");
		assertThat(state(id)).isEqualTo("VERIFYING");
	}

	@Test
	void penaltyNeedsRefundFirstAndAFineWithinTheRange() throws Exception {
		long id = registered("罚款"); // amount 20000 元
		toDetermined(id, "SUSPECTED_ILLEGAL");
		assertThat(refused(400, this.huishi, id, "MEASURE", measure("ADMIN_PENALTY", "5000"))).contains("先清退");
		ok(this.huishi, id, "MEASURE", measure("SUPERVISED_REFUND", "20000"));
		assertThat(refused(400, this.huishi, id, "MEASURE", measure("ADMIN_PENALTY", "3999.99"))).contains("20%–100%");
		assertThat(refused(400, this.huishi, id, "MEASURE", measure("ADMIN_PENALTY", "20000.01"))).contains("20%–100%");
		ok(this.huishi, id, "MEASURE", measure("ADMIN_PENALTY", "4000"));
		ok(this.huishi, id, "MEASURE", measure("ADMIN_PENALTY", "20000"));
		assertThat(count("select count(*) from clue_measure where clue_id = ? and kind = 'ADMIN_PENALTY'", id))
			.isEqualTo(2);
	}

	@Test
	void dispatchAwayFromTheSuggestedTownshipNeedsAReason() throws Exception {
		long id = registered("属地");
		ok(this.office, id, "ACCEPT");
		assertThat(refused(400, this.office, id, "DISPATCH", dispatchTo("R" + HEPAN))).contains("属地原则", "会师镇");
		assertThat(refused(400, this.office, id, "DISPATCH", dispatchTo("R999999999000"))).contains("承办单位");
		ok(this.office, id, "DISPATCH", Map.of("unit", "R" + HEPAN, "note", "主要经营场所在河畔镇"));
		assertThat(clueRow(id)).containsEntry("handler_region_code", HEPAN);
		assertThat(events(id, "分派").get(0).get("note").toString()).contains("河畔镇", "主要经营场所在河畔镇");
	}

	@Test
	void atTheCriminalThresholdALesserDeterminationNeedsAReason() throws Exception {
		Map<String, Object> form = hotline("刑事标准");
		form.put("amount", "1000000");
		long id = register(this.office, form);
		toAssessing(id);
		assertThat(refused(400, this.chief, id, "DETERMINE", determination("IRREGULAR", "不规范"))).contains("刑事立案标准");
		ok(this.chief, id, "DETERMINE", determination("IRREGULAR", "资金均来自亲友，未向社会公开宣传，不属公众存款"));
		assertThat(clueRow(id)).containsEntry("determination", "IRREGULAR");
	}

	@Test
	void illegalMovesAreRefusedWith409AndNothingWritten() throws Exception {
		long id = registered("非法操作");
		ok(this.office, id, "ACCEPT");
		String message = refused(409, this.office, id, "ACCEPT", Map.of());
		assertThat(message).contains(code(id), "待分派", "不能受理");
		assertThat(refused(409, this.chief, id, "CLOSE", Map.of())).contains("不能销号");
		toVerifyingFromAccepted(id);
		assertThat(refused(409, this.chief, id, "CLOSE", Map.of())).contains("核查中", "不能销号");
		assertThat(refused(409, this.chief, id, "DETERMINE", determination("IRREGULAR", "不规范经营"))).contains("核查中",
				"不能认定");
	}

	private void toVerifyingFromAccepted(long id) throws Exception {
		ok(this.office, id, "DISPATCH", dispatchTo("R" + HUISHI));
		ok(this.huishi, id, "RECEIVE");
	}

	@Test
	void theWrongPartyIsRefusedAndNothingWritten() throws Exception {
		long id = registered("错误主体");
		// a township may not accept (no permission at all)
		assertThat(forbidden(this.huishi, id, "ACCEPT", Map.of())).isEqualTo(403);
		toDispatched(id);
		assertThat(refused(400, this.office, id, "RECEIVE", Map.of())).contains("只有承办单位");
		ok(this.huishi, id, "RECEIVE");
		// the market department cannot even see 会师镇's clue
		assertThat(forbidden(this.market, id, "VERIFY", verification())).isEqualTo(404);
		// and 会师镇 cannot determine its own verification
		ok(this.huishi, id, "VERIFY", verification());
		assertThat(forbidden(this.huishi, id, "DETERMINE", determination("NOT_ILLEGAL", "不构成非法集资"))).isEqualTo(403);
		assertThat(state(id)).isEqualTo("ASSESSING");
	}

	@Test
	void theClueOffersOnlyTheMovesOfTheUser() throws Exception {
		long id = registered("可执行操作");
		List<String> officeActions = JsonPath.parse(getAs(this.office, "/api/v1/clues/" + id).getContentAsString())
			.read("$.actions");
		assertThat(officeActions).containsExactlyInAnyOrder("ACCEPT", "REJECT", "MERGE");
		toDispatched(id);
		List<String> huishiActions = JsonPath.parse(getAs(this.huishi, "/api/v1/clues/" + id).getContentAsString())
			.read("$.actions");
		assertThat(huishiActions).containsExactlyInAnyOrder("RECEIVE", "RETURN");
		List<String> officeNow = JsonPath.parse(getAs(this.office, "/api/v1/clues/" + id).getContentAsString())
			.read("$.actions");
		assertThat(officeNow).isEmpty();
	}

}
