package org.fangfei.app.casefile;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.shared.BlindIndex;
import org.fangfei.app.shared.FieldCipher;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The office's side: windows opened and closed on the case (timeline, audit, rules), each
 * claim beside the register, accepted (the register gains or updates the participant),
 * corrected or refused with a reason the participant reads, the clearance ratio from the
 * realised assets, the documents' views audited, and scope and permissions — every
 * refusal in Chinese with nothing written.
 */
@IntegrationTest
class ClaimDeskTests extends ClaimTestSupport {

	@Autowired
	FieldCipher cipher;

	@Autowired
	BlindIndex index;

	@Test
	void aWindowIsOpenedAndClosedOnTheTimelineAndAudited() throws Exception {
		long caseId = register(this.office, caseForm("ADMINISTRATIVE", "ADMIN_INVESTIGATION"));
		Snapshot before = snapshot(caseId);
		String[][] bad = { { null, "2099-01-01", "公告", "请填写开始日期" },
				{ LocalDate.now().minusDays(5).toString(), LocalDate.now().minusDays(1).toString(), "公告",
						"截止日期不能早于今天" },
				{ LocalDate.now().toString(), LocalDate.now().plusDays(5).toString(), "", "请填写登记公告" } };
		for (String[] b : bad) {
			MvcResult r = openWindow(this.office, caseId, b[0] == null ? null : LocalDate.parse(b[0]),
					LocalDate.parse(b[1]), b[2]);
			assertThat(r.getFlashMap().get("actionError").toString()).contains(b[3]);
		}
		assertThat(snapshot(caseId)).isEqualTo(before);
		assertThat(count("select count(*) from case_claim_window where case_id = ?", caseId)).isZero();

		openWindow(this.office, caseId, LocalDate.now(), LocalDate.now().plusDays(30), "首次登记公告");
		MvcResult second = openWindow(this.office, caseId, LocalDate.now(), LocalDate.now().plusDays(3), "再开一个");
		assertThat(second.getFlashMap().get("actionError").toString()).contains("未关闭的登记窗口");
		long window = windowOf(caseId);
		MvcResult closed = office(this.office, "/cases/" + caseId + "/claim-windows/" + window + "/close", "version",
				Integer.toString(version(caseId)));
		assertThat(closed.getFlashMap().get("actionError")).isNull();
		MvcResult again = office(this.office, "/cases/" + caseId + "/claim-windows/" + window + "/close", "version",
				Integer.toString(version(caseId)));
		assertThat(again.getFlashMap().get("actionError").toString()).isEqualTo("该登记窗口已关闭");
		MvcResult stale = openWindow(this.office, caseId, LocalDate.now(), LocalDate.now().plusDays(3), "补充");
		assertThat(stale.getFlashMap().get("actionError")).isNull();
		assertThat(timeline(caseId)).containsSubsequence("开放登记", "关闭登记", "开放登记");
		assertThat(count("select count(*) from audit_log where target_id = ? and action like 'CASE_CLAIM_WINDOW_%'",
				Long.toString(caseId)))
			.isEqualTo(3);
		String page = getAs(this.office, "/cases/" + caseId).getContentAsString();
		assertThat(page).contains("第1次补充登记").contains("首次登记").contains("已关闭").doesNotContain("id=\"open-window\"");
	}

	@Test
	void acceptingPutsTheParticipantOnTheRegisterAndTheRatioFollowsTheAssets() throws Exception {
		long caseId = caseWithWindow();
		long window = windowOf(caseId);
		String id = freshId();
		String code = sent(window, "idNumber", id, "invested", "40000", "received", "0");
		long claim = latestClaim(caseId);
		String list = getAs(this.office, "/cases/" + caseId + "/claims?match=NOT_FOUND").getContentAsString();
		assertThat(list).contains("claim-" + claim).contains("台账无记录");
		assertThat(getAs(this.office, "/cases/" + caseId + "/claims?open=" + claim).getContentAsString())
			.contains("id=\"side-by-side\"")
			.contains("暂无流水比对");

		assertThat(decide(this.office, caseId, claim, "ACCEPTED").getFlashMap().get("actionError")).isNull();
		Map<String, Object> p = this.jdbc
			.sql("select * from case_participant where case_id = :c and id_number_idx = :idx")
			.param("c", caseId)
			.param("idx", this.index.of(Participants.ID_NUMBER, id))
			.query()
			.singleRow();
		assertThat(p.get("claim")).isEqualTo("ACCEPTED");
		assertThat(p.get("invested_fen")).isEqualTo(4_000_000L);
		assertThat(this.cipher.decrypt((byte[]) p.get("id_number_enc"), Participants.ID_NUMBER + ":" + p.get("id")))
			.isEqualTo(id);
		assertThat(timeline(caseId)).contains("登记核实");

		// 10 000 yuan realised against 40 000 accepted: 25 %
		Map<String, Object> asset = Map.of("description", "查封房产", "status", "REALISED", "value", "10000", "realised",
				"10000", "statusOn", LocalDate.now().toString());
		MockHttpServletResponse r = postJson(this.office,
				"/api/v1/cases/" + caseId + "/assets?version=" + version(caseId), asset);
		assertThat(r.getStatus()).as(r.getContentAsString()).isIn(200, 201);
		assertThat(track(code, freshAddress())).contains("id=\"claim-status\">已认可<")
			.contains("id=\"claim-ratio\">25.00%<");
		assertThat(getAs(this.office, "/cases/" + caseId).getContentAsString())
			.contains("id=\"clearance-ratio\">25.00%<");
		// a claim is decided once
		MvcResult twice = decide(this.office, caseId, claim, "REFUSED", "reason", "重复");
		assertThat(twice.getFlashMap().get("actionError").toString()).contains("已核实");
	}

	@Test
	void theBankListPaysToTheAccountTheAcceptedClaimGave() throws Exception {
		long caseId = caseWithWindow();
		long window = windowOf(caseId);
		sent(window, "idNumber", freshId(), "invested", "40000", "received", "0", "bankName", "甘肃会宁农村商业银行",
				"accountHolder", "王秀英", "account", "6230 5210 0000 1234 567");
		long claim = latestClaim(caseId);
		assertThat(decide(this.office, caseId, claim, "ACCEPTED").getFlashMap().get("actionError")).isNull();
		stageOk(caseId, "ADMIN_DETERMINATION");
		stageOk(caseId, "PENALTY");
		assessed(caseId, "REFUND_START");
		stageOk(caseId, "REFUND");
		Map<String, Object> asset = Map.of("description", "冻结存款", "status", "REALISED", "value", "10000", "realised",
				"10000", "statusOn", LocalDate.now().toString());
		assertThat(postJson(this.office, "/api/v1/cases/" + caseId + "/assets?version=" + version(caseId), asset)
			.getStatus()).isEqualTo(201);
		MockHttpServletResponse batch = postForm(this.office, "/api/v1/cases/" + caseId + "/refunds",
				Map.of("version", Integer.toString(version(caseId)), "amount", "8000"));
		assertThat(batch.getStatus()).as(batch.getContentAsString()).isEqualTo(201);
		long batchId = com.jayway.jsonpath.JsonPath.parse(batch.getContentAsString()).read("$.id", Long.class);
		MockHttpServletResponse bank = getAs(this.office, "/cases/" + caseId + "/refunds/" + batchId + "/bank.xlsx");
		try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(bank.getContentAsByteArray()))) {
			var row = book.getSheetAt(0).getRow(1);
			assertThat(row.getCell(4).getStringCellValue()).isEqualTo("甘肃会宁农村商业银行");
			assertThat(row.getCell(5).getStringCellValue()).isEqualTo("王秀英");
			assertThat(row.getCell(6).getStringCellValue()).isEqualTo("6230521000001234567");
			assertThat(row.getCell(7).getStringCellValue()).isEqualTo("8,000.00");
		}
	}

	@Test
	void aCorrectionUpdatesTheRegisterAndTheParticipantReadsWhy() throws Exception {
		long caseId = caseWithWindow();
		String id = freshId();
		Map<String, Object> p = new java.util.LinkedHashMap<>();
		p.put("name", "赵桂兰");
		p.put("idNumber", id);
		p.put("invested", "30000");
		p.put("received", "1000");
		MockHttpServletResponse added = postJson(this.office,
				"/api/v1/cases/" + caseId + "/participants?version=" + version(caseId), p);
		assertThat(added.getStatus()).as(added.getContentAsString()).isEqualTo(201);
		String code = sent(windowOf(caseId), "name", "赵桂兰", "idNumber", id, "invested", "35000", "received", "0");
		long claim = latestClaim(caseId);
		assertThat(getAs(this.office, "/cases/" + caseId + "/claims?match=AMOUNTS_DIFFER").getContentAsString())
			.contains("claim-" + claim)
			.contains("30,000.00 / 1,000.00");

		Snapshot before = snapshot(caseId);
		assertThat(
				decide(this.office, caseId, claim, "CORRECTED", "invested", "32000", "received", "1000").getFlashMap()
					.get("actionError")
					.toString())
			.contains("须写明理由");
		assertThat(
				decide(this.office, caseId, claim, "CORRECTED", "invested", "35000", "received", "0", "reason", "同登记")
					.getFlashMap()
					.get("actionError")
					.toString())
			.contains("请选择“认可”");
		assertThat(decide(this.office, caseId, claim, "CORRECTED", "invested", "100", "received", "200", "reason", "x")
			.getFlashMap()
			.get("actionError")
			.toString()).contains("不能大于投入金额");
		assertThat(snapshot(caseId)).isEqualTo(before);

		assertThat(decide(this.office, caseId, claim, "CORRECTED", "invested", "32000", "received", "1000", "reason",
				"银行流水显示实际转入32000元")
			.getFlashMap()
			.get("actionError")).isNull();
		Map<String, Object> row = this.jdbc
			.sql("select invested_fen, received_fen, claim from case_participant where case_id = :c")
			.param("c", caseId)
			.query()
			.singleRow();
		assertThat(row).containsEntry("invested_fen", 3_200_000L)
			.containsEntry("received_fen", 100_000L)
			.containsEntry("claim", "ACCEPTED");
		assertThat(count("select count(*) from case_participant where case_id = ?", caseId)).isEqualTo(1);
		assertThat(track(code, freshAddress())).contains("已更正认可")
			.contains("银行流水显示实际转入32000元")
			.contains("id=\"decided-invested\">32,000.00 元<");
	}

	@Test
	void aRefusalNeedsAReasonAndWritesNothingToTheRegister() throws Exception {
		long caseId = caseWithWindow();
		String code = sent(windowOf(caseId));
		long claim = latestClaim(caseId);
		Snapshot before = snapshot(caseId);
		assertThat(decide(this.office, caseId, claim, "REFUSED").getFlashMap().get("actionError").toString())
			.contains("不予认可须写明理由");
		assertThat(decide(this.office, caseId, claim, "SUBMITTED").getFlashMap().get("actionError").toString())
			.contains("请选择核实结果");
		MvcResult stale = office(this.office, "/cases/" + caseId + "/claims/" + claim + "/decision", "version",
				Integer.toString(version(caseId) - 1), "review", "ACCEPTED");
		assertThat(stale.getFlashMap().get("actionError").toString()).contains("已被他人修改");
		assertThat(snapshot(caseId)).isEqualTo(before);
		assertThat(
				decide(this.office, caseId, claim, "REFUSED", "reason", "经核查未向该公司出资").getFlashMap().get("actionError"))
			.isNull();
		assertThat(count("select count(*) from case_participant where case_id = ?", caseId)).isZero();
		assertThat(track(code, freshAddress())).contains("不予认可").contains("经核查未向该公司出资");
		assertThat(count("select count(*) from audit_log where action = 'CASE_CLAIM_DECIDE' and target_id = ?",
				Long.toString(caseId)))
			.isEqualTo(1);
	}

	@Test
	void documentsAreShownToTheOfficeAndEveryViewIsAudited() throws Exception {
		long caseId = caseWithWindow();
		var photo = new org.springframework.mock.web.MockMultipartFile("files", "委托书.jpg", "image/jpeg",
				jpegWithExif());
		var response = this.mvc
			.perform(claim(captchaSession(), freshAddress(), windowOf(caseId), "claimant", "AGENT", "claimantName",
					"张律师", "claimantIdNumber", freshId(), "relation", "受托律师")
				.file(photo))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		long claim = latestClaim(caseId);
		long doc = this.jdbc.sql("select id from case_claim_document where claim_id = :c")
			.param("c", claim)
			.query(Long.class)
			.single();
		String path = "/cases/" + caseId + "/claims/" + claim + "/documents/" + doc;
		MockHttpServletResponse file = getAs(this.office, path);
		assertThat(file.getStatus()).isEqualTo(200);
		assertThat(file.getContentType()).isEqualTo("image/jpeg");
		assertThat(count("select count(*) from audit_log where action = 'CASE_CLAIM_DOCUMENT' and target_id = ?",
				Long.toString(caseId)))
			.isEqualTo(1);
		// a township sees the case, not the documents; another township not even the case
		assertThat(getAs(this.huishi, path).getStatus()).isEqualTo(403);
		assertThat(getAs(this.hepan, "/cases/" + caseId + "/claims").getStatus()).isEqualTo(404);
		assertThat(getAs(this.huishi, "/cases/" + caseId + "/claims").getStatus()).isEqualTo(200);
		assertThat(decide(this.huishi, caseId, claim, "ACCEPTED").getResponse().getStatus()).isEqualTo(403);
		assertThat(openWindow(this.huishi, caseId, LocalDate.now(), LocalDate.now(), "x").getResponse().getStatus())
			.isEqualTo(403);
		assertThat(List.of(ClaimReview.values())).hasSize(4);
	}

}
