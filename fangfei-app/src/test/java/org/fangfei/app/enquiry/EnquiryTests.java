package org.fangfei.app.enquiry;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.fangfei.app.casefile.TracedInflows;
import org.fangfei.app.shared.BlindIndex;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.PersonalData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * From the enquiry to the traced money, through the pages: the office drafts, only the
 * office head approves (art. 21), two banks' statements in different layouts are read
 * with the transfer both show counted once, the money is followed by hops that add up,
 * the export and the letter open, the case ledger hears what a participant paid in, and
 * bad files are refused naming their lines with nothing written.
 */
@IntegrationTest
class EnquiryTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JsonMapper json;

	@Autowired
	Enquiries enquiries;

	@Autowired
	FundTrace trace;

	@Autowired
	TracedInflows traced;

	@Autowired
	BlindIndex index;

	UserDetails office;

	UserDetails chief;

	String tag;

	@BeforeEach
	void setUp() {
		this.office = this.accounts.ready("office");
		this.chief = this.accounts.ready("chief");
		this.tag = Long.toString(System.nanoTime(), 36);
	}

	@Test
	void anApprovedEnquirysTwoStatementsAreTracedFromTheCollectionAccountToTheController() throws Exception {
		long caseId = openCase();
		long id = draft(caseId, StatementSamples.COLLECTION + " 会宁县金穗农业发展有限公司\n" + StatementSamples.CONTROLLER + " 周某");
		assertThat(this.enquiries.get(id, DataScope.all()).status()).isEqualTo("PENDING");
		decide(this.chief, id, true, "同意查询");
		assertThat(this.enquiries.get(id, DataScope.all()).status()).isEqualTo("APPROVED");

		String p1Id = idNumber();
		String flash = upload(id, "信用社对账单.csv", StatementSamples.cooperativeCsv(account(), account(), account(), p1Id),
				"");
		assertThat(flash).contains("交易 4 笔").contains("跳过合计/页脚行 3 行");
		flash = upload(id, "建行明细.xls", StatementSamples.bankXls(), "");
		assertThat(flash).as("the transfer both statements show is loaded once").contains("交易 2 笔").contains("重复的 1 笔");
		// the same file again adds nothing
		assertThat(upload(id, "建行明细(重发).xls", StatementSamples.bankXls(), "")).contains("交易 0 笔").contains("重复的 3 笔");

		Matter matter = new Matter("CASE", caseId, "", "");
		assertThat(this.jdbc.sql("select count(*) from trace_flow where matter_kind = 'CASE' and matter_id = :m")
			.param("m", caseId)
			.query(Long.class)
			.single()).isEqualTo(6);
		long collection = accountId(caseId, StatementSamples.COLLECTION);
		FundTrace.Trace forward = this.trace.trace(matter, collection, true, 2);
		assertThat(forward.hopTotals()).as("80,000 to the controller, then 60,000 + 10,000 onward")
			.containsExactly(8_000_000L, 7_000_000L);
		FundTrace.Trace backward = this.trace.trace(matter, accountId(caseId, StatementSamples.SELLER), false, 3);
		assertThat(backward.hopTotals()).containsExactly(6_000_000L, 8_000_000L, 10_000_000L);
		FundTrace.AccountTotal c = forward.accounts().get(collection);
		assertThat(c.inFen()).isEqualTo(10_000_000L);
		assertThat(c.outFen()).isEqualTo(8_000_000L);
		assertThat(c.masked()).isEqualTo("6228 **** 0001").doesNotContain(StatementSamples.COLLECTION);
		// the number is encrypted at rest: never stored in the clear
		assertThat(this.jdbc
			.sql("select count(*) from trace_account where number_masked like '%' || :n || '%'"
					+ " or encode(number_enc, 'escape') like '%' || :n || '%'")
			.param("n", StatementSamples.COLLECTION)
			.query(Long.class)
			.single()).isZero();

		String page = page("/tracing/CASE/" + caseId + "?from=" + collection + "&forward=true&hops=2");
		assertThat(page).contains("第 1 层合计 80,000.00 元")
			.contains("第 2 层合计 70,000.00 元")
			.contains("周某")
			.doesNotContain(StatementSamples.CONTROLLER);
		String graph = page("/tracing/CASE/" + caseId + "/graph");
		assertThat(JsonPath.parse(graph).read("$.nodes.length()", Integer.class)).isEqualTo(7);
		assertThat(JsonPath.parse(graph).read("$.links.length()", Integer.class)).isEqualTo(6);

		MvcResult export = this.mvc.perform(get("/tracing/CASE/" + caseId + "/export").with(user(this.office)))
			.andReturn();
		try (XSSFWorkbook wb = new XSSFWorkbook(
				new ByteArrayInputStream(export.getResponse().getContentAsByteArray()))) {
			assertThat(wb.getSheet("资金流水").getPhysicalNumberOfRows()).isEqualTo(7);
			assertThat(wb.getSheet("账户汇总").getRow(0).getCell(0).getStringCellValue()).isEqualTo("账号");
		}

		MockHttpServletResponse marked = this.mvc
			.perform(post("/tracing/CASE/" + caseId + "/accounts/" + collection + "/role").with(user(this.office))
				.with(csrf())
				.param("role", "COLLECTION"))
			.andReturn()
			.getResponse();
		assertThat(marked.getRedirectedUrl()).isEqualTo("/tracing/CASE/" + caseId + "/accounts/" + collection);
		assertThat(page("/tracing/CASE/" + caseId + "/accounts/" + collection)).contains("归集账户").contains("周某");
		assertThat(this.mvc
			.perform(post("/tracing/CASE/" + caseId + "/accounts/" + collection + "/role").with(user(this.office))
				.with(csrf())
				.param("role", "BOSS"))
			.andReturn()
			.getFlashMap()
			.get("actionError")).isEqualTo("未知的账户角色");

		MvcResult letter = this.mvc.perform(get("/enquiries/" + id + "/letter").with(user(this.office))).andReturn();
		try (XWPFDocument doc = new XWPFDocument(
				new ByteArrayInputStream(letter.getResponse().getContentAsByteArray()));
				XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
			assertThat(text.getText()).contains("协助查询财产通知书")
				.contains(StatementSamples.COLLECTION)
				.contains("第二十一条")
				.contains("县处非办主任 周强");
		}

		// the case ledger hears what a participant paid into the collection account
		String p1Index = this.index.of(TracedInflows.ID_NUMBER_PURPOSE, p1Id);
		assertThat(this.traced.tracedFen(caseId, p1Index)).hasValue(5_000_000L);
		assertThat(this.traced.tracedFen(caseId, this.index.of(TracedInflows.ID_NUMBER_PURPOSE, idNumber()))).isEmpty();
		// the case is in 会师镇: its township sees the enquiry, another township does not
		assertThat(this.enquiries.get(id, DataScope.jurisdiction("620422100000")).id()).isEqualTo(id);
		assertThatThrownBy(() -> this.enquiries.get(id, DataScope.jurisdiction("620422102000")))
			.isInstanceOf(NotFound.class);
	}

	@Test
	void onlyTheOfficeHeadApprovesNotTheOfficeTheLeaderOrTheSystemAdministrator() throws Exception {
		long id = draft(openCase(), StatementSamples.COLLECTION + " 某公司");
		for (String who : List.of("office", "leader", "sysadmin", "secadmin")) {
			MockHttpServletResponse r = this.mvc
				.perform(post("/enquiries/" + id + "/decision").with(user(this.accounts.ready(who)))
					.with(csrf())
					.param("approve", "true"))
				.andReturn()
				.getResponse();
			assertThat(r.getStatus()).as(who).isEqualTo(403);
		}
		assertThat(this.enquiries.get(id, DataScope.all()).status()).isEqualTo("PENDING");
		// a statement waits for the approval
		assertThat(upload(id, "a.csv", StatementSamples.cooperativeCsv(account(), account(), account(), ""), ""))
			.isEqualTo("只有已批准的资金查询才能导入对账单");
		// a refusal needs a reason, and is final
		assertThat(decide(this.chief, id, false, " ")).isEqualTo("不予批准须说明理由");
		decide(this.chief, id, false, "事由不充分");
		assertThat(this.enquiries.get(id, DataScope.all()).status()).isEqualTo("REFUSED");
		assertThat(decide(this.chief, id, true, null)).isEqualTo("该查询已审批（不予批准），请刷新后查看");
		assertThat(this.mvc.perform(get("/enquiries/" + id + "/letter").with(user(this.office)))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(400);
	}

	@Test
	void holdingThePermissionWithoutTheOfficeHeadsRoleIsNotEnough() {
		org.fangfei.app.shared.Actor granted = new org.fangfei.app.shared.Actor(1, "office", "王静", "620422000000", null,
				true, java.util.Set.of("OFFICE"), java.util.Set.of(ApprovalNeedsOfficeHead.APPROVE), DataScope.all());
		assertThatThrownBy(() -> ApprovalNeedsOfficeHead.check(granted, "someone", true, null))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class)
			.hasMessageContaining("处非办负责人");
		org.fangfei.app.shared.Actor head = new org.fangfei.app.shared.Actor(2, "chief", "周强", "620422000000", null,
				true, java.util.Set.of("OFFICE_HEAD"), java.util.Set.of(ApprovalNeedsOfficeHead.APPROVE),
				DataScope.all());
		assertThatThrownBy(() -> ApprovalNeedsOfficeHead.check(head, "chief", true, null)).hasMessage("不能审批本人拟制的查询或冻结");
	}

	@Test
	void badDraftsAndBadStatementsAreRefusedInChineseWithNothingWritten() throws Exception {
		long caseId = openCase();
		long before = count("select count(*) from enquiry");
		MockHttpServletResponse r = this.mvc
			.perform(post("/enquiries").with(user(this.office))
				.with(csrf())
				.param("kind", "ENQUIRY")
				.param("matterKind", "CASE")
				.param("matterId", Long.toString(caseId))
				.param("bank", "")
				.param("periodFrom", "2025-12-31")
				.param("periodTo", "2025-01-01")
				.param("reason", "")
				.param("accounts", "12ab 某人"))
			.andReturn()
			.getResponse();
		assertThat(r.getContentAsString()).contains("请填写银行")
			.contains("查询期间的开始日期晚于结束日期")
			.contains("请填写查询或冻结的事由")
			.contains("账户第 1 行的账号“12ab”无效");
		assertThat(count("select count(*) from enquiry")).isEqualTo(before);

		long id = draft(caseId, StatementSamples.COLLECTION + " 某公司\n" + StatementSamples.CONTROLLER + " 周某");
		decide(this.chief, id, true, null);
		String bad = String.join("\n", "交易时间,借贷标志,交易金额,对方账号", "2025-04-01 08:00:00,贷,1.00,6222000000001",
				"2025-04-01 08:00:00,存,1.00,6222000000001", "2025-04-31 08:00:00,贷,1.00,6222000000001");
		long flows = count("select count(*) from trace_flow");
		assertThat(upload(id, "bad.csv", bad.getBytes(StandardCharsets.UTF_8), StatementSamples.COLLECTION))
			.isEqualTo("对账单有 2 处无法读取，未导入任何数据：第 3 行：借贷标志“存”无法识别，应为 借/贷、收/付 或 进/出；"
					+ "第 4 行：交易时间“2025-04-31 08:00:00”不是有效的日期时间");
		assertThat(count("select count(*) from trace_flow")).isEqualTo(flows);
		String noAccount = "交易时间,借贷标志,交易金额,对方账号\n2025-04-01 08:00:00,贷,1.00,6222000000001\n";
		assertThat(upload(id, "n.csv", noAccount.getBytes(StandardCharsets.UTF_8), ""))
			.isEqualTo("对账单表头上方没有写明账号，请填写这份对账单所属的账号");
		assertThat(upload(id, "x.txt", "abc".getBytes(StandardCharsets.UTF_8), ""))
			.isEqualTo("只支持 Excel(.xlsx、.xls) 或 CSV 文件");
		assertThat(upload(id, "empty.csv", new byte[0], "")).isEqualTo("请选择银行对账单文件(.xls、.xlsx 或 .csv)");
	}

	@Test
	void anUnknownLayoutIsMappedOnceAndRememberedForTheBank() throws Exception {
		long id = draft(openCase(), StatementSamples.COLLECTION + " 某公司");
		decide(this.chief, id, true, null);
		String odd = "时间戳,方向,数额,对方卡号,对方户名\n2025-05-01 08:00:00,贷,10.00,6222000000001,甲\n";
		MockHttpServletResponse r = this.mvc
			.perform(multipart("/enquiries/" + id + "/statements")
				.file(new MockMultipartFile("file", "odd.csv", "text/csv", odd.getBytes(StandardCharsets.UTF_8)))
				.with(user(this.office))
				.with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(r.getContentAsString()).contains("id=\"mapping-form\"").contains("请为“交易时间”选择一列");
		MockHttpServletResponse mapped = this.mvc
			.perform(multipart("/enquiries/" + id + "/statements")
				.file(new MockMultipartFile("file", "odd.csv", "text/csv", odd.getBytes(StandardCharsets.UTF_8)))
				.param("mapped", "true")
				.param("col_TIME", "0")
				.param("col_DIRECTION", "1")
				.param("col_AMOUNT", "2")
				.param("col_COUNTER_ACCOUNT", "3")
				.with(user(this.office))
				.with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(mapped.getRedirectedUrl()).isEqualTo("/enquiries/" + id);
		assertThat(count("select count(*) from statement where enquiry_id = " + id)).isEqualTo(1);
		// the same bank's next file with this header needs no mapping
		String next = "时间戳,方向,数额,对方卡号,对方户名\n2025-05-02 08:00:00,借,3.00,6222000000002,乙\n";
		assertThat(upload(id, "odd2.csv", next.getBytes(StandardCharsets.UTF_8), "")).contains("交易 1 笔");
	}

	@Test
	void aFreezeRemindsTheOfficeBeforeItEnds() throws Exception {
		long caseId = openCase();
		MockHttpServletResponse r = this.mvc
			.perform(post("/enquiries").with(user(this.office))
				.with(csrf())
				.param("kind", "FREEZE")
				.param("matterKind", "CASE")
				.param("matterId", Long.toString(caseId))
				.param("bank", "会宁县农村信用合作联社" + this.tag)
				.param("freezeAmount", "1000000")
				.param("freezeUntil", LocalDate.now().plusDays(5).toString())
				.param("reason", "防止资金转移")
				.param("accounts", StatementSamples.COLLECTION + " 某公司"))
			.andReturn()
			.getResponse();
		long id = Long.parseLong(r.getRedirectedUrl().substring("/enquiries/".length()));
		decide(this.chief, id, true, null);
		String key = FreezeReminders.key(id, LocalDate.now().plusDays(5));
		assertThat(this.inbox.posted(List.of(key))).isEmpty();
		assertThat(this.freezeReminders.run(LocalDate.now().minusDays(3))).as("not yet within the week").isZero();
		assertThat(this.freezeReminders.run(LocalDate.now())).isPositive();
		assertThat(this.inbox.posted(List.of(key))).containsExactly(key);
		assertThat(this.freezeReminders.run(LocalDate.now())).as("posted once").isZero();
	}

	@Autowired
	FreezeReminders freezeReminders;

	@Autowired
	org.fangfei.app.notification.Inbox inbox;

	// ---- helpers

	long openCase() throws Exception {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("title", "某公司集资诈骗案 " + this.tag);
		form.put("origin", "LEGACY");
		form.put("path", "CRIMINAL");
		form.put("stage", "FILED");
		form.put("stageOn", LocalDate.now().minusMonths(2).toString());
		form.put("docNumber", "会公立〔2026〕" + this.tag);
		form.put("unit", "会宁县公安局");
		form.put("regionCode", "620422100001");
		form.put("amountRaised", "3000000");
		form.put("participantsCount", 200);
		MockHttpServletResponse r = this.mvc
			.perform(post("/api/v1/cases").with(user(this.office))
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.json.writeValueAsString(form)))
			.andReturn()
			.getResponse();
		assertThat(r.getStatus()).as(r.getContentAsString()).isEqualTo(201);
		return JsonPath.parse(r.getContentAsString()).read("$.id", Long.class);
	}

	long draft(long caseId, String accountLines) throws Exception {
		MockHttpServletResponse r = this.mvc
			.perform(post("/enquiries").with(user(this.office))
				.with(csrf())
				.param("kind", "ENQUIRY")
				.param("matterKind", "CASE")
				.param("matterId", Long.toString(caseId))
				.param("bank", "会宁县农村信用合作联社" + this.tag)
				.param("periodFrom", "2025-01-01")
				.param("periodTo", "2025-12-31")
				.param("reason", "查明集资款去向")
				.param("accounts", accountLines))
			.andReturn()
			.getResponse();
		assertThat(r.getRedirectedUrl()).as(r.getContentAsString()).startsWith("/enquiries/");
		return Long.parseLong(r.getRedirectedUrl().substring("/enquiries/".length()));
	}

	/** The decision's flash message: what went wrong, or null when it went through. */
	String decide(UserDetails who, long id, boolean approve, String note) throws Exception {
		var request = post("/enquiries/" + id + "/decision").with(user(who))
			.with(csrf())
			.param("approve", Boolean.toString(approve));
		if (note != null) {
			request = request.param("note", note);
		}
		MvcResult r = this.mvc.perform(request).andReturn();
		assertThat(r.getResponse().getStatus()).isEqualTo(302);
		Object error = r.getFlashMap().get("actionError");
		return error == null ? null : error.toString();
	}

	/** The upload's flash message, done or refused. */
	String upload(long id, String name, byte[] bytes, String account) throws Exception {
		MvcResult r = this.mvc
			.perform(multipart("/enquiries/" + id + "/statements")
				.file(new MockMultipartFile("file", name, "application/octet-stream", bytes))
				.param("account", account)
				.with(user(this.office))
				.with(csrf()))
			.andReturn();
		assertThat(r.getResponse().getStatus()).as(r.getResponse().getContentAsString()).isEqualTo(302);
		Object done = r.getFlashMap().get("done");
		return done != null ? done.toString() : String.valueOf(r.getFlashMap().get("actionError"));
	}

	String page(String path) throws Exception {
		MockHttpServletResponse r = this.mvc.perform(get(path).with(user(this.office))).andReturn().getResponse();
		assertThat(r.getStatus()).as(path).isEqualTo(200);
		return r.getContentAsString();
	}

	long accountId(long caseId, String number) {
		return this.jdbc
			.sql("select id from trace_account where matter_kind = 'CASE' and matter_id = :m and number_idx = :i")
			.param("m", caseId)
			.param("i", this.index.of(Enquiries.ACCOUNT, number))
			.query(Long.class)
			.single();
	}

	long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	static String account() {
		return "62284800" + (1_000_000_000L + ThreadLocalRandom.current().nextLong(9_000_000_000L));
	}

	static String idNumber() {
		ThreadLocalRandom r = ThreadLocalRandom.current();
		LocalDate born = LocalDate.of(1950, 1, 1).plusDays(r.nextInt(18_000));
		String first17 = "620422" + born.toString().replace("-", "") + String.format("%03d", r.nextInt(1000));
		return first17 + PersonalData.idCheckCharacter(first17);
	}

}
