package org.fangfei.app.casefile;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fangfei.app.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

/**
 * Assets, the participants' register and refund batches: identities encrypted and masked,
 * claims checked, an import all or nothing, batches only at the refund stage, within the
 * realised assets and the losses, adding up to the fen, each payment recorded, and the
 * bank's list.
 */
@IntegrationTest
class CaseRefundTests extends CaseTestSupport {

	long caseAtRefundStage() throws Exception {
		long id = register(this.office, caseForm("ADMINISTRATIVE", "ADMIN_INVESTIGATION"));
		stageOk(id, "ADMIN_DETERMINATION");
		stageOk(id, "PENALTY");
		return id;
	}

	MockHttpServletResponse addParticipant(long id, String name, String idNumber, String invested, String received)
			throws Exception {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("name", name);
		p.put("idNumber", idNumber);
		p.put("phone", "1391234" + String.format("%04d", Math.abs(idNumber.hashCode()) % 10000));
		p.put("invested", invested);
		p.put("received", received);
		return postJson(this.office, "/api/v1/cases/" + id + "/participants?version=" + version(id), p);
	}

	long participant(long id, String name, String idNumber, String invested, String received) throws Exception {
		MockHttpServletResponse response = addParticipant(id, name, idNumber, invested, received);
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		return JsonPath.parse(response.getContentAsString()).read("$.id", Long.class);
	}

	void accept(long id, long participant) throws Exception {
		MockHttpServletResponse response = postForm(this.office,
				"/api/v1/cases/" + id + "/participants/" + participant + "/claim",
				Map.of("version", Integer.toString(version(id)), "claim", "ACCEPTED"));
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
	}

	MockHttpServletResponse distribute(long id, String amount) throws Exception {
		return postForm(this.office, "/api/v1/cases/" + id + "/refunds",
				Map.of("version", Integer.toString(version(id)), "amount", amount, "note", "第一次清退"));
	}

	@Test
	void participantsAreKeptEncryptedMaskedAndFoundByExactIdentity() throws Exception {
		long id = caseAtRefundStage();
		String idNumber = idNumber(11);
		long p = participant(id, "王五", idNumber, "100000", "8000");
		Map<String, Object> row = this.jdbc.sql("select * from case_participant where id = :id")
			.param("id", p)
			.query()
			.singleRow();
		assertThat(new String((byte[]) row.get("id_number_enc"), StandardCharsets.ISO_8859_1)).doesNotContain(idNumber);
		assertThat(row.get("id_number_masked"))
			.isEqualTo(idNumber.substring(0, 6) + "********" + idNumber.substring(14));
		assertThat(row.get("phone_masked").toString()).matches("139\\*{4}[0-9]{4}");
		String found = getAs(this.office, "/api/v1/cases/" + id + "/participants?q=" + idNumber).getContentAsString();
		assertThat(JsonPath.parse(found).read("$.items[*].id", List.class)).containsExactly((int) p);
		assertThat(found).doesNotContain(idNumber);
		assertThat(JsonPath
			.parse(getAs(this.office, "/api/v1/cases/" + id + "/participants?q=" + idNumber(12)).getContentAsString())
			.read("$.total", Integer.class)).isZero();

		Snapshot before = snapshot(id);
		assertThat(refused(400, addParticipant(id, "王五", idNumber, "5000", ""), id, before))
			.contains("该身份证号已登记为本案集资参与人");
		String bad = refused(400, addParticipant(id, "", "620422198001010010", "0", "-1"), id, before);
		assertThat(bad).contains("请填写姓名").contains("身份证号不正确").contains("投入金额须大于0").contains("已收回金额");
		assertThat(refused(400, addParticipant(id, "赵六", idNumber(13), "100", "200"), id, before))
			.contains("已收回金额不能大于投入金额");
		// a refusal needs its reason
		MockHttpServletResponse noReason = postForm(this.office,
				"/api/v1/cases/" + id + "/participants/" + p + "/claim",
				Map.of("version", Integer.toString(version(id)), "claim", "REFUSED"));
		assertThat(refused(400, noReason, id, before)).contains("不予认可须写明理由");
	}

	@Test
	void aRefundBatchIsSharedOutToTheFenWithinAssetsAndLosses() throws Exception {
		Map<String, Object> form = caseForm("ADMINISTRATIVE", "ADMIN_INVESTIGATION");
		long id = register(this.office, form);
		long a = participant(id, "甲", idNumber(21), "100000", "0");
		long b = participant(id, "乙", idNumber(22), "50000", "20000");
		long c = participant(id, "丙", idNumber(23), "30000", "0");
		long d = participant(id, "丁", idNumber(24), "999", "0");
		List.of(a, b, c).forEach(p -> {
			try {
				accept(id, p);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		// 丁 is not checked yet: no share
		Snapshot before = snapshot(id);
		assertThat(refused(400, distribute(id, "100.00"), id, before)).contains("进入“清退”阶段后");
		stageOk(id, "ADMIN_DETERMINATION");
		stageOk(id, "PENALTY");
		assessed(id, "REFUND_START");
		stageOk(id, "REFUND");
		before = snapshot(id);
		assertThat(refused(400, distribute(id, "100.00"), id, before)).contains("清退总额不能超过已变现资产 0.00 元");
		Map<String, Object> asset = new LinkedHashMap<>();
		asset.put("description", "涉案房产一套");
		asset.put("status", "REALISED");
		asset.put("value", "200000");
		asset.put("statusOn", LocalDate.now().toString());
		Snapshot noAsset = snapshot(id);
		assertThat(refused(400, postJson(this.office, "/api/v1/cases/" + id + "/assets?version=" + version(id), asset),
				id, noAsset))
			.contains("资产已变现，请填写变现金额");
		asset.put("realised", "150000");
		assertThat(postJson(this.office, "/api/v1/cases/" + id + "/assets?version=" + version(id), asset).getStatus())
			.isEqualTo(201);
		before = snapshot(id);
		assertThat(refused(400, distribute(id, "160000.01"), id, before)).contains("超过已核实参与人尚未清退的损失合计 160,000.00 元");
		assertThat(refused(400, distribute(id, "0"), id, before)).contains("请填写本批清退金额");
		assertThat(
				refused(403,
						postForm(this.huishi, "/api/v1/cases/" + id + "/refunds",
								Map.of("version", Integer.toString(version(id)), "amount", "1")),
						id, before))
			.isEmpty();

		// 1000.01 yuan over losses 1000 : 300 : 300 (yuan)
		MockHttpServletResponse made = distribute(id, "1000.01");
		assertThat(made.getStatus()).as(made.getContentAsString()).isEqualTo(201);
		long batch = JsonPath.parse(made.getContentAsString()).read("$.id", Long.class);
		Map<Long, Long> shares = new LinkedHashMap<>();
		this.jdbc.sql("select participant_id, amount_fen from case_refund where batch_id = :b order by participant_id")
			.param("b", batch)
			.query(rs -> {
				shares.put(rs.getLong(1), rs.getLong(2));
			});
		assertThat(shares.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1000_01L);
		// quotas in fen 62500.625, 18750.1875, 18750.1875: the fen left goes to the
		// largest remainder
		assertThat(shares).containsExactly(Map.entry(a, 62_501L), Map.entry(b, 18_750L), Map.entry(c, 18_750L));
		assertThat(shares).doesNotContainKey(d);
		assertThat(refundedOf(id, idNumber(21))).isEqualTo(62_501L);
		// a second batch shares what is still owed; together never more than the assets
		assertThat(distribute(id, "148999.99").getStatus()).isEqualTo(201);
		assertThat(count("select coalesce(sum(amount_fen), 0) from case_refund_batch where case_id = ?", id))
			.isEqualTo(150_000_00L);
		before = snapshot(id);
		assertThat(refused(400, distribute(id, "0.01"), id, before)).contains("清退总额不能超过已变现资产 150,000.00 元");
		// nobody was paid more than their net loss
		assertThat(count("""
				select count(*) from case_participant p where case_id = ? and invested_fen - received_fen
				  < (select sum(amount_fen) from case_refund r where r.participant_id = p.id)
				""", id)).isZero();

		// payments: one, then the rest; the bank's list has the full ID number, audited
		LocalDate today = LocalDate.now();
		MockHttpServletResponse one = postForm(this.office, "/api/v1/cases/" + id + "/refunds/" + batch + "/paid",
				Map.of("version", Integer.toString(version(id)), "participantId", Long.toString(a), "paidOn",
						today.toString(), "paidRef", "YH20261207001"));
		assertThat(one.getStatus()).as(one.getContentAsString()).isEqualTo(200);
		before = snapshot(id);
		assertThat(refused(400,
				postForm(this.office, "/api/v1/cases/" + id + "/refunds/" + batch + "/paid", Map.of("version",
						Integer.toString(version(id)), "paidOn", today.plusDays(1).toString(), "paidRef", "")),
				id, before))
			.contains("付款日期不能晚于今天")
			.contains("请填写银行付款凭证号");
		MockHttpServletResponse rest = postForm(this.office, "/api/v1/cases/" + id + "/refunds/" + batch + "/paid", Map
			.of("version", Integer.toString(version(id)), "paidOn", today.toString(), "paidRef", "YH20261207002"));
		assertThat(JsonPath.parse(rest.getContentAsString()).read("$.recorded", Integer.class)).isEqualTo(2);
		assertThat(count("select count(*) from case_refund where batch_id = ? and paid_on is null", batch)).isZero();
		MockHttpServletResponse bank = getAs(this.office, "/cases/" + id + "/refunds/" + batch + "/bank.xlsx");
		assertThat(bank.getStatus()).isEqualTo(200);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bank.getContentAsByteArray()))) {
			var sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("身份证号");
			assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo(idNumber(21));
			assertThat(sheet.getRow(1).getCell(6).getStringCellValue()).isEqualTo("未登记（凭身份证号代发）");
			assertThat(sheet.getRow(1).getCell(7).getStringCellValue()).isEqualTo("625.01");
			assertThat(sheet.getLastRowNum()).isEqualTo(3);
		}
		assertThat(count("select count(*) from audit_log where action = 'CASE_REFUND_EXPORT' and target_id = ?",
				Long.toString(id)))
			.isEqualTo(1);
		assertThat(getAs(this.huishi, "/cases/" + id + "/refunds/" + batch + "/bank.xlsx").getStatus()).isEqualTo(403);
		// the pages show the batch and the clearance ratio
		assertThat(getAs(this.office, "/cases/" + id + "/refunds/" + batch).getContentAsString())
			.contains("本批清退 1,000.01 元，3 人，已记录付款 3 笔");
		assertThat(getAs(this.office, "/cases/" + id).getContentAsString()).contains("清退比例 93.75%");
	}

	@Test
	void aRegisterIsImportedAllOrNothing() throws Exception {
		long id = caseAtRefundStage();
		String good = "姓名,身份证号,手机号,投入金额(元),已收回金额(元)\n" + "张一," + idNumber(31) + ",13900000001,\"1,000.50\",0\n" + "张二,"
				+ idNumber(32) + ",,2000,100\n";
		String bad = good + "张三," + idNumber(31) + ",,500,\n" + "张四," + idNumber(33) + ",139,abc,\n"
				+ ",620422198001010010,,100,\n";
		Snapshot before = snapshot(id);
		var refused = upload(id, bad);
		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/cases/" + id + "#participants");
		String message = (String) refused.getFlashMap().get("actionError");
		assertThat(message).contains("导入未执行")
			.contains("第4行")
			.contains("身份证号在文件中重复")
			.contains("手机号不正确")
			.contains("第5行：手机号不正确；投入金额")
			.contains("第6行：请填写姓名");
		assertThat(snapshot(id)).isEqualTo(before);
		assertThat((String) upload(id, "名字,号码\n张一,1\n").getFlashMap().get("actionError")).contains("表头应为");
		var ok = upload(id, good);
		assertThat(ok.getFlashMap().get("done")).isEqualTo("已导入集资参与人 2 人");
		assertThat(count("select count(*) from case_participant where case_id = ?", id)).isEqualTo(2);
		assertThat(count("select invested_fen from case_participant where case_id = ? and name = '张一'", id))
			.isEqualTo(1000_50L);
		// the same rows again are duplicates of the register
		assertThat((String) upload(id, good).getFlashMap().get("actionError")).contains("该身份证号已登记为本案集资参与人");
	}

	@Test
	void anImportedRegisterIsAcceptedAtOnceAndSharedOut() throws Exception {
		long id = caseAtRefundStage();
		String csv = "姓名,身份证号,手机号,投入金额(元),已收回金额(元)\n" + "赵一," + idNumber(41) + ",13900000041,1000,0\n" + "赵二,"
				+ idNumber(42) + ",,3000,1000\n" + "赵三," + idNumber(43) + ",,500,\n";
		MockHttpServletResponse imported = apiUpload(id, csv);
		assertThat(imported.getStatus()).as(imported.getContentAsString()).isEqualTo(200);
		assertThat(JsonPath.parse(imported.getContentAsString()).read("$.imported", Integer.class)).isEqualTo(3);
		assertThat(apiUpload(id, "名字,号码\n张一,1\n").getContentAsString()).contains("表头应为");
		MockHttpServletResponse empty = apiUpload(id, "");
		assertThat(empty.getStatus()).isEqualTo(400);
		assertThat(empty.getContentAsString()).contains("请选择要上传的 Excel(.xlsx) 或 CSV 文件");
		MockHttpServletResponse headerOnly = apiUpload(id, "姓名,身份证号,手机号,投入金额(元),已收回金额(元)\n");
		assertThat(headerOnly.getStatus()).isEqualTo(400);
		assertThat(headerOnly.getContentAsString()).contains("文件中没有参与人");
		assertThat(count("select count(*) from case_participant where case_id = ?", id)).isEqualTo(3);
		long refused = participant(id, "赵四", idNumber(44), "800", "0");
		MockHttpServletResponse decided = postForm(this.office,
				"/api/v1/cases/" + id + "/participants/" + refused + "/claim",
				Map.of("version", Integer.toString(version(id)), "claim", "REFUSED", "reason", "无投资凭证"));
		assertThat(decided.getStatus()).isEqualTo(200);
		// a stale version changes nothing
		Snapshot before = snapshot(id);
		MockHttpServletResponse stale = postForm(this.office, "/api/v1/cases/" + id + "/participants/accept-waiting",
				Map.of("version", Integer.toString(version(id) - 1)));
		assertThat(stale.getStatus()).isEqualTo(409);
		assertThat(snapshot(id)).isEqualTo(before);
		MockHttpServletResponse accepted = postForm(this.office, "/api/v1/cases/" + id + "/participants/accept-waiting",
				Map.of("version", Integer.toString(version(id))));
		assertThat(accepted.getStatus()).as(accepted.getContentAsString()).isEqualTo(200);
		assertThat(JsonPath.parse(accepted.getContentAsString()).read("$.accepted", Integer.class)).isEqualTo(3);
		// the refused one stays refused; nothing is left waiting, so a second click is
		// refused
		assertThat(count("select count(*) from case_participant where case_id = ? and claim = 'REFUSED'", id))
			.isEqualTo(1);
		MockHttpServletResponse again = postForm(this.office, "/api/v1/cases/" + id + "/participants/accept-waiting",
				Map.of("version", Integer.toString(version(id))));
		assertThat(again.getStatus()).isEqualTo(400);
		assertThat(again.getContentAsString()).contains("没有待核实的集资参与人");
		assertThat(count(
				"select count(*) from audit_log where action = 'CASE_PARTICIPANT_ACCEPT_ALL' and target_id = cast(? as varchar)",
				id))
			.isEqualTo(1);
		// net losses 1000 + 2000 + 500 = 3500; 700 shared out to the fen
		assessed(id, "REFUND_START");
		stageOk(id, "REFUND");
		Map<String, Object> asset = new LinkedHashMap<>();
		asset.put("description", "冻结存款");
		asset.put("status", "REALISED");
		asset.put("value", "5000");
		asset.put("realised", "5000");
		asset.put("statusOn", LocalDate.now().toString());
		assertThat(postJson(this.office, "/api/v1/cases/" + id + "/assets?version=" + version(id), asset).getStatus())
			.isEqualTo(201);
		MockHttpServletResponse batch = distribute(id, "700");
		assertThat(batch.getStatus()).as(batch.getContentAsString()).isEqualTo(201);
		assertThat(count("select sum(amount_fen) from case_refund r join case_participant p on p.id = r.participant_id"
				+ " where p.case_id = ?", id))
			.isEqualTo(700_00L);
		assertThat(refundedOf(id, idNumber(42))).isEqualTo(400_00L);
	}

	@Test
	void anOldCaseRegisteredAtTheRefundStagePaysNothingBeforeItsAssessment() throws Exception {
		// registered directly at 清退, the case never passed the stage gate
		Map<String, Object> form = caseForm("CRIMINAL", "REFUND");
		form.put("criminalFiledOn", LocalDate.now().minusYears(3).toString());
		long id = register(this.office, form);
		accept(id, participant(id, "周一", idNumber(61), "1000", "0"));
		Map<String, Object> asset = new LinkedHashMap<>();
		asset.put("description", "拍卖房产");
		asset.put("status", "REALISED");
		asset.put("value", "800");
		asset.put("realised", "800");
		asset.put("statusOn", LocalDate.now().toString());
		assertThat(postJson(this.office, "/api/v1/cases/" + id + "/assets?version=" + version(id), asset).getStatus())
			.isEqualTo(201);
		Snapshot before = snapshot(id);
		String detail = refused(400, distribute(id, "500"), id, before);
		assertThat(detail).contains("启动资金清退").contains("社会稳定风险评估");
		assertThat(count("select count(*) from case_refund_batch where case_id = ?", id)).isZero();
		assessed(id, "REFUND_START");
		MockHttpServletResponse paid = distribute(id, "500");
		assertThat(paid.getStatus()).as(paid.getContentAsString()).isEqualTo(201);
		assertThat(refundedOf(id, idNumber(61))).isEqualTo(500_00L);
	}

	@Test
	void theRegisterCountsFollowEveryChange() throws Exception {
		// totals are kept per case version: each change must show at once
		long id = caseAtRefundStage();
		long first = participant(id, "吴一", idNumber(71), "1000", "0");
		participant(id, "吴二", idNumber(72), "2000", "0");
		assertThat(listed(id, "")).isEqualTo(2);
		assertThat(listed(id, "CLAIMED")).isEqualTo(2);
		accept(id, first);
		assertThat(listed(id, "ACCEPTED")).isEqualTo(1);
		assertThat(listed(id, "CLAIMED")).isEqualTo(1);
		assertThat(listed(id, "REFUSED")).isZero();
		MockHttpServletResponse refused = postForm(this.office,
				"/api/v1/cases/" + id + "/participants/" + participant(id, "吴三", idNumber(73), "500", "0") + "/claim",
				Map.of("version", Integer.toString(version(id)), "claim", "REFUSED", "reason", "无凭证"));
		assertThat(refused.getStatus()).isEqualTo(200);
		assertThat(listed(id, "")).isEqualTo(3);
		assertThat(listed(id, "REFUSED")).isEqualTo(1);
		assertThat(listed(id, "CLAIMED")).isEqualTo(1);
	}

	/** The register's total as the API pages it, for one claim state or all. */
	long listed(long id, String claim) throws Exception {
		MockHttpServletResponse found = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get("/api/v1/cases/" + id + "/participants")
				.param("claim", claim)
				.with(user(this.office)))
			.andReturn()
			.getResponse();
		assertThat(found.getStatus()).as(found.getContentAsString()).isEqualTo(200);
		return JsonPath.parse(found.getContentAsString()).read("$.total", Long.class);
	}

	@Test
	void importedNamesKeepEveryCharacterTheFileHolds() throws Exception {
		long id = caseAtRefundStage();
		// the register is written with COPY: its own escape characters must come through
		// as
		// they are
		String csv = "姓名,身份证号,手机号,投入金额(元),已收回金额(元)\n" + "孙\\一," + idNumber(51) + ",,100,\n" + "\"钱\t二\"," + idNumber(52)
				+ ",,100,\n" + "\"李\\N\"," + idNumber(53) + ",,100,\n";
		MockHttpServletResponse imported = apiUpload(id, csv);
		assertThat(imported.getStatus()).as(imported.getContentAsString()).isEqualTo(200);
		assertThat(this.jdbc.sql("select name from case_participant where case_id = :c order by id")
			.param("c", id)
			.query(String.class)
			.list()).containsExactly("孙\\一", "钱\t二", "李\\N");
		assertThat(refundedOf(id, idNumber(52))).isZero();
	}

	/** What the register says a participant, found by ID number, was refunded. */
	long refundedOf(long id, String idNumber) throws Exception {
		MockHttpServletResponse found = this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.get("/api/v1/cases/" + id + "/participants")
				.param("q", idNumber)
				.with(user(this.office)))
			.andReturn()
			.getResponse();
		assertThat(found.getStatus()).isEqualTo(200);
		List<Number> refunded = JsonPath.parse(found.getContentAsString()).read("$.items[*].refundedFen");
		assertThat(refunded).hasSize(1);
		return refunded.get(0).longValue();
	}

	MockHttpServletResponse apiUpload(long id, String csv) throws Exception {
		return this.mvc
			.perform(multipart("/api/v1/cases/" + id + "/participants/import")
				.file(new MockMultipartFile("file", "名册.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.param("version", Integer.toString(version(id)))
				.with(user(this.office))
				.with(csrf()))
			.andReturn()
			.getResponse();
	}

	org.springframework.test.web.servlet.MvcResult upload(long id, String csv) throws Exception {
		return this.mvc
			.perform(multipart("/cases/" + id + "/participants/import")
				.file(new MockMultipartFile("file", "名册.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.param("version", Integer.toString(version(id)))
				.with(user(this.office))
				.with(csrf()))
			.andReturn();
	}

	@Test
	void theLedgerPagesListExportAndShowCasesOnTheSubjectPage() throws Exception {
		Long subject = this.jdbc.sql("select id from subject where region_code like '620422100%' order by id limit 1")
			.query(Long.class)
			.optional()
			.orElse(null);
		Map<String, Object> form = caseForm("CRIMINAL", "FILED");
		if (subject != null) {
			form.put("subjectIds", List.of(subject));
		}
		long id = register(this.office, form);
		String list = getAs(this.office, "/cases?text=" + this.tag).getContentAsString();
		assertThat(list).contains(row(id).get("code").toString()).contains("达到刑事立案标准");
		String page = getAs(this.office, "/cases/" + id).getContentAsString();
		assertThat(page).contains("id=\"stage-form\"").contains("id=\"task-force\"").contains("id=\"timeline-list\"");
		assertThat(getAs(this.leader, "/cases/" + id).getContentAsString()).doesNotContain("id=\"stage-form\"")
			.contains("id=\"lead-form\"");
		MockHttpServletResponse export = getAs(this.office, "/cases/export?text=" + this.tag);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export.getContentAsByteArray()))) {
			assertThat(book.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo(row(id).get("code"));
		}
		if (subject != null) {
			assertThat(getAs(this.office, "/subjects/" + subject).getContentAsString()).contains("涉案案件")
				.contains(row(id).get("code").toString());
		}
		// the leadership form without its checkbox ticked
		MockHttpServletResponse led = postForm(this.chief, "/cases/" + id + "/lead", Map.of("version",
				Integer.toString(version(id)), "leaderInstruction", "县领导批示：尽快办结", "ownerLeaderId", ""));
		assertThat(led.getRedirectedUrl()).isEqualTo("/cases/" + id);
		assertThat(row(id)).containsEntry("leader_instruction", "县领导批示：尽快办结")
			.containsEntry("listed_supervision", false);
		// bad form input on the page comes back beside the fields
		MockHttpServletResponse bad = postForm(this.office, "/cases", Map.of("title", "", "path", "CRIMINAL", "stage",
				"FILED", "stageOn", LocalDate.now().toString(), "regionCode", HUISHI_VILLAGE));
		assertThat(bad.getContentAsString()).contains("请填写案件名称").contains("请填写文书编号");
	}

}
