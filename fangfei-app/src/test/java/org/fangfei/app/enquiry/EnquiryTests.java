package org.fangfei.app.enquiry;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import com.jayway.jsonpath.JsonPath;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fangfei.app.IntegrationTest;
import org.fangfei.app.CountyTestSupport;
import org.fangfei.app.EventsDelivered;
import org.fangfei.app.TestCases;
import org.fangfei.app.casefile.TracedInflows;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.BlindIndex;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.NotFound;
import org.fangfei.app.shared.PersonalData;
import org.fangfei.app.shared.TabularFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

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
class EnquiryTests extends CountyTestSupport {

	@Autowired
	Enquiries enquiries;

	@Autowired
	FundTrace trace;

	@Autowired
	TracedInflows traced;

	@Autowired
	BlindIndex index;

	@Autowired
	LedgerProposals proposals;

	@Autowired
	TraceAlerts alerts;

	@Autowired
	TransactionTemplate tx;

	UserDetails chief;

	@BeforeEach
	void setUp() {
		this.chief = this.accounts.ready("chief");
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
	void theLoadLeavesTheAlertsToTheDetectorRunAfterItsCommit() throws Exception {
		long caseId = openCase();
		long id = draft(caseId, StatementSamples.COLLECTION + " 某投资公司");
		decide(this.chief, id, true, "同意查询");
		List<TabularFile.Line> lines = TabularFile.readLines("对账单.csv",
				new ByteArrayInputStream(StatementSamples.memoCsv(StatementSamples.COLLECTION, payers())),
				Statements.MAX_ROWS);
		Actor actor = new Actor(0, "office", "测试", "620422000000", null, true, Set.of("OFFICE"),
				Set.of(Statements.LOAD, Enquiries.VIEW), DataScope.all());
		Long inTheLoad = this.tx.execute((status) -> {
			assertThat(this.statements.load(id, "对账单.csv", lines, "", null, actor))
				.isInstanceOf(Statements.Loaded.class);
			return alertCount(caseId);
		});
		assertThat(inTheLoad).as("the load's own transaction runs no detector").isZero();
		EventsDelivered.await(this.jdbc);
		assertThat(alerts(caseId)).as("the detector ran once the load committed")
			.contains(accountId(caseId, StatementSamples.COLLECTION) + "|FUNDRAISING_MEMO");
	}

	@Test
	void twoStatementsOfOneMatterLoadedInARowLeaveTheAlertsOfAllTheirFlowsOnce() throws Exception {
		long caseId = openCase();
		long id = draft(caseId, StatementSamples.COLLECTION + " 某投资公司\n" + StatementSamples.CONTROLLER + " 周某");
		decide(this.chief, id, true, "同意查询");
		assertThat(upload(id, "对账单一.csv", StatementSamples.memoCsv(StatementSamples.COLLECTION, payers()), ""))
			.contains("交易 10 笔")
			.contains("资金异常监测正在后台分析，稍后刷新资金穿透图查看预警");
		upload(id, "对账单二.csv", StatementSamples.memoCsv(StatementSamples.CONTROLLER, payers()), "");
		EventsDelivered.await(this.jdbc);
		List<String> after = alerts(caseId);
		assertThat(after).as("the alerts of both statements' flows, each once")
			.contains(accountId(caseId, StatementSamples.COLLECTION) + "|FUNDRAISING_MEMO",
					accountId(caseId, StatementSamples.CONTROLLER) + "|FUNDRAISING_MEMO")
			.doesNotHaveDuplicates();
		List<String> detail = alertDetail(caseId);
		// the detector run at once over all the matter's flows makes the same alerts
		this.tx.executeWithoutResult((status) -> this.alerts.detect(new Matter("CASE", caseId, "", "")));
		assertThat(alertDetail(caseId)).containsExactlyInAnyOrderElementsOf(detail);
	}

	List<String> payers() {
		return java.util.stream.Stream.generate(EnquiryTests::account).limit(10).toList();
	}

	long alertCount(long caseId) {
		return this.jdbc.sql("select count(*) from trace_alert where matter_kind = 'CASE' and matter_id = :m")
			.param("m", caseId)
			.query(Long.class)
			.single();
	}

	List<String> alerts(long caseId) {
		return this.jdbc
			.sql("select account_id || '|' || pattern from trace_alert where matter_kind = 'CASE' and matter_id = :m")
			.param("m", caseId)
			.query(String.class)
			.list();
	}

	List<String> alertDetail(long caseId) {
		return this.jdbc
			.sql("""
					select account_id || '|' || pattern || '|' || score || '|' || first_at || '|' || last_at || '|' || explanation
					from trace_alert where matter_kind = 'CASE' and matter_id = :m
					""")
			.param("m", caseId)
			.query(String.class)
			.list();
	}

	@Test
	void theCaseLedgerTakesParticipantsFromTheInflowsAndAssetsFromTheOutflowsInOneReviewedStepAndNeverTwice()
			throws Exception {
		long caseId = openCase();
		long id = draft(caseId, StatementSamples.COLLECTION + " 会宁县金穗农业发展有限公司\n" + StatementSamples.CONTROLLER + " 周某");
		decide(this.chief, id, true, "同意查询");
		String p1 = account();
		String p2 = account();
		String p3 = account();
		String p1Id = idNumber();
		upload(id, "信用社对账单.csv", StatementSamples.cooperativeCsv(p1, p2, p3, p1Id), "");
		upload(id, "建行明细.xls", StatementSamples.bankXls(), "");
		assertThat(upload(id, "邮储对账单.csv", StatementSamples.payoutCsv(p2), "")).contains("交易 1 笔").contains("重复的 1 笔");
		role(caseId, StatementSamples.COLLECTION, "COLLECTION");
		role(caseId, StatementSamples.CONTROLLER, "CONTROLLER");
		role(caseId, StatementSamples.PAYOUT, "PAYOUT");
		role(caseId, StatementSamples.SELLER, "ASSET");
		long a1 = accountId(caseId, p1);
		long a2 = accountId(caseId, p2);
		long a3 = accountId(caseId, p3);
		long seller = accountId(caseId, StatementSamples.SELLER);
		long controller = accountId(caseId, StatementSamples.CONTROLLER);

		String page = page("/tracing/CASE/" + caseId + "/ledger");
		assertThat(page).as("the three who paid into the collection account, largest first")
			.containsSubsequence("张三", "李四", "王五")
			.contains("共 3 人，转入归集账户 100,000.00 元，转回 3,000.00 元")
			.contains("对账单已显示 " + PersonalData.maskIdNumber(p1Id))
			.doesNotContain(p1Id)
			.doesNotContain(p1)
			.contains("购置资产支付款（收款方 会宁县某房地产公司")
			.contains("value=\"60000.00\"")
			.contains("实控人账户留存资金（周某")
			.contains("value=\"10000.00\"");
		assertThat(page).as("李四 was paid 3,000 back by the payout account").contains("value=\"3000.00\"");
		this.mvc.perform(get("/tracing/CASE/" + caseId).with(user(this.office)))
			.andExpect((r) -> assertThat(r.getResponse().getContentAsString()).contains("从资金流水导入参与人"));

		// reviewed: 王五 unticked; 李四's ID number is not in the statement and not typed
		String p2Id = idNumber();
		String refused = confirm(caseId, Map.of("pick", List.of(a1, a2), "asset", List.of(seller, controller)),
				Map.of("name_" + a1, "张三", "in_" + a1, "50000.00", "back_" + a1, "0.00", "name_" + a2, "李四", "in_" + a2,
						"30000.00", "back_" + a2, "3000.00", "adesc_" + seller, "会宁县某小区住房一套", "avalue_" + seller,
						"60000", "adesc_" + controller, "周某个人账户余额", "avalue_" + controller, "10000"));
		assertThat(refused).contains("第2行：请填写身份证号");
		assertThat(count("select count(*) from case_participant where case_id = " + caseId)).isZero();
		assertThat(count("select count(*) from case_asset where case_id = " + caseId)).isZero();

		Map<String, String> fields = new LinkedHashMap<>(
				Map.of("name_" + a1, "张三", "in_" + a1, "50000.00", "back_" + a1, "0.00", "name_" + a2, "李四", "id_" + a2,
						p2Id, "in_" + a2, "30,000.00", "back_" + a2, "3000.00"));
		fields.putAll(Map.of("adesc_" + seller, "会宁县某小区住房一套", "avalue_" + seller, "60000", "adesc_" + controller,
				"周某个人账户余额", "avalue_" + controller, "10000"));
		String done = confirm(caseId, Map.of("pick", List.of(a1, a2), "asset", List.of(seller, controller)), fields);
		assertThat(done).isEqualTo("已导入本案台账：参与人 2 人（投入 80,000.00 元，已收回 3,000.00 元），资产 2 项（70,000.00 元）");
		assertThat(count("select count(*) from case_participant where case_id = " + caseId)).isEqualTo(2);
		assertThat(count("select sum(invested_fen) from case_participant where case_id = " + caseId))
			.isEqualTo(8_000_000L);
		assertThat(count("select sum(received_fen) from case_participant where case_id = " + caseId))
			.isEqualTo(300_000L);
		assertThat(count("select count(*) from case_participant where case_id = " + caseId + " and id_number_idx = '"
				+ this.index.of(TracedInflows.ID_NUMBER_PURPOSE, p1Id) + "' and name = '张三'"))
			.as("张三's ID number came from the statement")
			.isEqualTo(1);
		assertThat(count("select sum(value_fen) from case_asset where case_id = " + caseId + " and status = 'TRACED'"))
			.isEqualTo(7_000_000L);
		assertThat(count(
				"select count(*) from audit_log where action = 'CASE_TRACED_IMPORT' and target_id = '" + caseId + "'"))
			.isEqualTo(1);
		assertThat(page("/cases/" + caseId)).contains("资金流水导入");

		// the registered ones are recognised: shown, not offered again; a forged tick
		// adds
		// nothing
		page = page("/tracing/CASE/" + caseId + "/ledger");
		assertThat(page).contains("已登记")
			.contains("name=\"pick\" value=\"" + a3 + "\"")
			.doesNotContain("name=\"pick\" value=\"" + a1 + "\"")
			.doesNotContain("name=\"asset\"");
		assertThat(confirm(caseId, Map.of("pick", List.of(a1), "asset", List.of(seller)),
				Map.of("name_" + a1, "张三", "in_" + a1, "50000", "adesc_" + seller, "住房", "avalue_" + seller, "60000")))
			.isEqualTo("勾选的参与人和资产都已登记在本案台账中，没有新增内容");
		assertThat(count("select count(*) from case_participant where case_id = " + caseId)).isEqualTo(2);
		assertThat(count("select count(*) from case_asset where case_id = " + caseId)).isEqualTo(2);

		// bad input, each refused in Chinese with nothing written
		assertThat(confirm(caseId, Map.of(), Map.of())).isEqualTo("请至少勾选一名参与人或一项资产");
		assertThat(confirm(caseId, Map.of("pick", List.of(a3)),
				Map.of("name_" + a3, "王五", "id_" + a3, badIdNumber(), "in_" + a3, "二万")))
			.contains("第1行：")
			.contains("身份证号不正确")
			.contains("投入金额");
		assertThat(confirm(caseId, Map.of("pick", List.of(a3)),
				Map.of("name_" + a3, "王五", "id_" + a3, idNumber(), "in_" + a3, "100", "back_" + a3, "200")))
			.contains("已收回金额不能大于投入金额");
		assertThat(confirm(caseId, Map.of("pick", List.of(a3)),
				Map.of("name_" + a3, "王五", "id_" + a3, p2Id, "in_" + a3, "20000")))
			.as("李四's ID number typed for 王五 is recognised as registered")
			.isEqualTo("勾选的参与人和资产都已登记在本案台账中，没有新增内容");
		assertThat(confirm(caseId, Map.of("pick", List.of(controller)), Map.of())).isEqualTo("勾选的参与人不在本案的资金流水中，请刷新后重试");
		assertThat(confirm(caseId, Map.of("pick", List.of("x")), Map.of())).isEqualTo("勾选的内容无效，请刷新后重试");
		MvcResult stale = this.mvc
			.perform(post("/tracing/CASE/" + caseId + "/ledger").with(user(this.office))
				.with(csrf())
				.param("version", "0")
				.param("pick", Long.toString(a3))
				.param("name_" + a3, "王五")
				.param("id_" + a3, idNumber())
				.param("in_" + a3, "20000"))
			.andReturn();
		assertThat(stale.getResponse().getContentAsString()).contains("案件已被他人修改，请刷新后重试");
		assertThat(count("select count(*) from case_participant where case_id = " + caseId)).isEqualTo(2);

		// 王五 in a second step
		assertThat(confirm(caseId, Map.of("pick", List.of(a3)),
				Map.of("name_" + a3, "王五", "id_" + a3, idNumber(), "in_" + a3, "20000")))
			.startsWith("已导入本案台账：参与人 1 人（投入 20,000.00 元");
		assertThat(count("select sum(invested_fen) from case_participant where case_id = " + caseId))
			.as("what the participants paid in adds up to what the collection account received")
			.isEqualTo(10_000_000L);

		// scope and permissions: another township does not see the case; the leader may
		// not write into ledgers
		Matter matter = new Matter("CASE", caseId, "", "620422100000");
		org.fangfei.app.shared.Actor elsewhere = new org.fangfei.app.shared.Actor(0, "office", "他乡", "620422102000",
				null, true, java.util.Set.of("OFFICE"), java.util.Set.of("casefile:case:edit", TracePages.VIEW),
				DataScope.jurisdiction("620422102000"));
		assertThatThrownBy(() -> this.proposals.propose(matter, elsewhere)).isInstanceOf(NotFound.class);
		assertThat(
				this.mvc.perform(get("/tracing/CASE/" + caseId + "/ledger").with(user(this.accounts.ready("leader"))))
					.andReturn()
					.getResponse()
					.getStatus())
			.isEqualTo(403);
	}

	void role(long caseId, String number, String role) throws Exception {
		MockHttpServletResponse r = this.mvc
			.perform(post("/tracing/CASE/" + caseId + "/accounts/" + accountId(caseId, number) + "/role")
				.with(user(this.office))
				.with(csrf())
				.param("role", role))
			.andReturn()
			.getResponse();
		assertThat(r.getStatus()).isEqualTo(302);
	}

	/**
	 * Confirms the review form with these ticks and fields at the case's version: the
	 * flash when it went through, else the page's error.
	 */
	String confirm(long caseId, Map<String, List<?>> ticks, Map<String, String> fields) throws Exception {
		int version = this.jdbc.sql("select version from case_file where id = :id")
			.param("id", caseId)
			.query(Integer.class)
			.single();
		var request = post("/tracing/CASE/" + caseId + "/ledger").with(user(this.office))
			.with(csrf())
			.param("version", Integer.toString(version));
		for (Map.Entry<String, List<?>> t : ticks.entrySet()) {
			for (Object v : t.getValue()) {
				request = request.param(t.getKey(), v.toString());
			}
		}
		for (Map.Entry<String, String> f : fields.entrySet()) {
			request = request.param(f.getKey(), f.getValue());
		}
		MvcResult r = this.mvc.perform(request).andReturn();
		if (r.getResponse().getStatus() == 302) {
			return String.valueOf(r.getFlashMap().get("done"));
		}
		assertThat(r.getResponse().getStatus()).isEqualTo(200);
		String html = r.getResponse().getContentAsString();
		int at = html.indexOf("id=\"ledger-error\"");
		assertThat(at).as("an error is shown").isPositive();
		String error = html.substring(html.indexOf('>', at) + 1, html.indexOf("</div>", at));
		return org.springframework.web.util.HtmlUtils.htmlUnescape(error);
	}

	@Test
	void aLongStatementIsWrittenInChunksAndABadRowAtItsEndUndoesEverything() throws Exception {
		long caseId = openCase();
		long id = draft(caseId, StatementSamples.COLLECTION + " 会宁县金穗农业发展有限公司");
		decide(this.chief, id, true, "同意查询");
		int n = Statements.CHUNK * 2 + 5_000;
		StringBuilder csv = new StringBuilder("客户交易明细\r\n账号：" + StatementSamples.COLLECTION
				+ ",户名：会宁县金穗农业发展有限公司\r\n交易时间,借贷标志,交易金额,余额,对方账号,对方户名,对方开户行,摘要,交易网点\r\n");
		java.time.LocalDateTime at = java.time.LocalDateTime.of(2025, 1, 1, 8, 0);
		long sum = 0;
		for (int i = 0; i < n; i++) {
			long fen = (100 + i % 900) * 100L;
			sum += fen;
			csv.append(at.plusSeconds(30L * i).toString().replace('T', ' '))
				.append(",贷,")
				.append(fen / 100)
				.append(".00,0,")
				.append(62284810_000_000_000L + i % 7_000)
				.append(",参与人")
				.append(i % 7_000)
				.append(",会宁县农村信用合作联社,入股金,柜面\r\n");
		}
		String good = csv.toString();
		// the last row unreadable: the chunks written before it are undone
		String bad = good + "2025-12-31 10:00:00,贷,一百,0,6228481000000000001,某,某行,入股金,柜面\r\n";
		assertThat(upload(id, "长对账单.csv", bad.getBytes(StandardCharsets.UTF_8), ""))
			.isEqualTo("对账单有 1 处无法读取，未导入任何数据：第 " + (n + 4) + " 行：交易金额“一百”" + moneyReason("一百"));
		assertThat(count("select count(*) from trace_flow where matter_kind = 'CASE' and matter_id = " + caseId))
			.isZero();
		assertThat(count("select count(*) from trace_account where matter_kind = 'CASE' and matter_id = " + caseId))
			.isZero();
		assertThat(count("select count(*) from statement where enquiry_id = " + id)).isZero();

		assertThat(upload(id, "长对账单.csv", good.getBytes(StandardCharsets.UTF_8), "")).contains("交易 " + n + " 笔");
		assertThat(count("select count(*) from trace_flow where matter_kind = 'CASE' and matter_id = " + caseId))
			.isEqualTo(n);
		assertThat(count("select sum(amount_fen) from trace_flow where matter_kind = 'CASE' and matter_id = " + caseId))
			.isEqualTo(sum);
		assertThat(count("select count(*) from trace_account where matter_kind = 'CASE' and matter_id = " + caseId))
			.as("7,000 counterparties met across the chunks, each once, and the queried account")
			.isEqualTo(7_001);
		// the tracing page lists the accounts 50 a page, largest first, the totals over
		// all flows
		String first = page("/tracing/CASE/" + caseId);
		assertThat(rows(first)).isEqualTo(TracePages.ACCOUNTS_PAGE);
		assertThat(first).contains("第 1 / 141 页，共 7001 条")
			.contains("page=2")
			.contains(org.fangfei.app.shared.Money.yuan(sum) + " (" + n + "笔)");
		String last = page("/tracing/CASE/" + caseId + "?page=141");
		assertThat(rows(last)).isEqualTo(1);
		assertThat(last).contains("第 141 / 141 页").doesNotContain(org.fangfei.app.shared.Money.yuan(sum));
		assertThat(count("select count(*) from trace_account where matter_kind = 'CASE' and matter_id = " + caseId
				+ " and holder like '参与人%'"))
			.isEqualTo(7_000);
	}

	@Test
	void aTransferWithOneSerialNumberIsLoadedOnceThoughItsTwoSidesAreInTwoFiles() throws Exception {
		serialNumbersOfTwoFiles();
	}

	@Autowired
	Statements statements;

	@Test
	void serialNumbersWhoseHashesAllCollideStillDropOnlyTheSameTransfer() throws Exception {
		// every serial number and amount hashes alike: each is confirmed exactly, in the
		// chunk, in trace_flow or among the dropped, so no distinct transfer is lost
		var hash = this.statements.serialHash;
		this.statements.serialHash = (key) -> 42L;
		try {
			serialNumbersOfTwoFiles();
		}
		finally {
			this.statements.serialHash = hash;
		}
	}

	void serialNumbersOfTwoFiles() throws Exception {
		long caseId = openCase();
		String a = account();
		String b = account();
		long id = draft(caseId, a + " 会宁县金穗农业发展有限公司\n" + b + " 周某");
		decide(this.chief, id, true, "同意查询");
		String header = "交易时间,借贷标志,交易金额,余额,对方账号,对方户名,对方开户行,摘要,交易网点,交易流水号\r\n";
		String x = account();
		String y = account();
		String first = "客户交易明细\r\n账号：" + a + ",户名：会宁县金穗农业发展有限公司\r\n" + header + "2025-03-01 10:00:00,借,50000.00,0," + b
				+ ",周某,某银行,转账,网银,S1\r\n" + "2025-03-01 11:00:00,贷,1000.00,0," + x + ",参与人甲,某银行,入股金,柜面,S2\r\n"
				// an equal transfer with its own serial number stays a second transfer
				+ "2025-03-01 11:00:00,贷,1000.00,0," + x + ",参与人甲,某银行,入股金,柜面,S3\r\n"
				+ "2025-03-01 12:00:00,贷,2000.00,0," + y + ",参与人乙,某银行,入股金,柜面,S4\r\n"
				// the same serial number and amount twice in one file: once
				+ "2025-03-01 12:05:00,贷,2000.00,0," + y + ",参与人乙,某银行,入股金,柜面,S4\r\n";
		assertThat(upload(id, "甲账户.csv", first.getBytes(StandardCharsets.UTF_8), "")).contains("交易 4 笔")
			.contains("重复的 1 笔");
		String second = "客户交易明细\r\n账号：" + b + ",户名：周某\r\n" + header
		// the other side of S1, booked two minutes later: the serial number matches
				+ "2025-03-01 10:02:00,贷,50000.00,0," + a + ",会宁县金穗农业发展有限公司,某银行,转账,网银,S1\r\n"
				// the same serial number with another amount is another transfer
				+ "2025-03-02 09:00:00,借,30000.00,0," + x + ",参与人甲,某银行,消费,网银,S1\r\n" + "2025-03-02 09:30:00,借,700.00,0,"
				+ y + ",参与人乙,某银行,消费,网银,\r\n";
		assertThat(upload(id, "乙账户.csv", second.getBytes(StandardCharsets.UTF_8), ""))
			.as("the transfer from a to b is in both files, loaded once")
			.contains("交易 2 笔")
			.contains("重复的 1 笔");
		String where = " from trace_flow where matter_kind = 'CASE' and matter_id = " + caseId;
		assertThat(count("select count(*)" + where)).isEqualTo(6);
		assertThat(count("select sum(amount_fen)" + where))
			.isEqualTo((50_000 + 1_000 + 1_000 + 2_000 + 30_000 + 700) * 100L);
		assertThat(count("select count(*)" + where + " and serial = 'S1'")).isEqualTo(2);
		// the first file again adds nothing
		assertThat(upload(id, "甲账户(重发).csv", first.getBytes(StandardCharsets.UTF_8), "")).contains("交易 0 笔")
			.contains("重复的 5 笔");
		assertThat(count("select count(*)" + where)).isEqualTo(6);
	}

	/** The rows of the tracing page's account table. */
	static int rows(String html) {
		String table = html.substring(html.indexOf("id=\"account-table\""));
		return table.split("data-label=\"净额\\(元\\)\"", -1).length - 1;
	}

	@Test
	void anEnquiryWithoutAPeriodShowsNotGivenNeverNull() throws Exception {
		long caseId = openCase();
		long id = draft(caseId, StatementSamples.COLLECTION + " 会宁县金穗农业发展有限公司");
		decide(this.chief, id, true, "同意查询");
		// as a seeded enquiry has it: no period
		this.jdbc.sql("update enquiry set period_from = null, period_to = null where id = :id")
			.param("id", id)
			.update();
		assertThat(page("/enquiries/" + id)).contains("未填写").doesNotContain("null 至").doesNotContain("至 null");
		assertThat(page("/enquiries")).doesNotContain("null 至 null");
		MvcResult letter = this.mvc.perform(get("/enquiries/" + id + "/letter").with(user(this.office))).andReturn();
		try (XWPFDocument doc = new XWPFDocument(
				new ByteArrayInputStream(letter.getResponse().getContentAsByteArray()));
				XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
			assertThat(text.getText()).contains("查询期间：未填写").doesNotContain("null");
		}
		this.jdbc.sql("update enquiry set period_from = date '2025-01-01' where id = :id").param("id", id).update();
		assertThat(page("/enquiries/" + id)).contains("2025-01-01 至 未填写");
	}

	private static String moneyReason(String text) {
		try {
			org.fangfei.app.shared.Money.parse(text);
			throw new AssertionError(text + " was read");
		}
		catch (org.fangfei.app.shared.Money.Unreadable ex) {
			return ex.reason();
		}
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
		long id = approvedFreeze(5);
		String key = FreezeReminders.key(id, LocalDate.now().plusDays(5));
		assertThat(this.inbox.posted(List.of(key))).isEmpty();
		assertThat(this.freezeReminders.run(LocalDate.now().minusDays(3))).as("not yet within the week").isZero();
		assertThat(this.freezeReminders.run(LocalDate.now())).isPositive();
		assertThat(this.inbox.posted(List.of(key))).containsExactly(key);
		assertThat(this.freezeReminders.run(LocalDate.now())).as("posted once").isZero();
	}

	@Test
	void aScheduledFreezePassThatFailsMidwayLeavesNoReminderBehind() throws Exception {
		long first = approvedFreeze(6);
		long second = approvedFreeze(6);
		String key = FreezeReminders.key(first, LocalDate.now().plusDays(6));
		// the second freeze cannot be told to anyone: its pass fails after the first's
		// notice
		String region = this.jdbc.sql("select region_code from enquiry where id = :id")
			.param("id", second)
			.query(String.class)
			.single();
		this.jdbc.sql("update enquiry set region_code = 'unreadable' where id = :id").param("id", second).update();
		freeLock();
		try {
			assertThatThrownBy(() -> this.freezeReminders.scheduled())
				.hasStackTraceContaining("A role recipient needs a role code and a digit region prefix");
			assertThat(this.inbox.posted(List.of(key))).as("the failed pass wrote nothing").isEmpty();
		}
		finally {
			this.jdbc.sql("update enquiry set region_code = :r where id = :id")
				.param("r", region)
				.param("id", second)
				.update();
			freeLock();
		}
		this.freezeReminders.scheduled();
		assertThat(this.inbox.posted(List.of(key))).as("the next pass posts it").containsExactly(key);
		freeLock();
	}

	private void freeLock() {
		this.jdbc.sql("update shedlock set lock_until = timezone('utc', now()) where name = 'freeze-expiry-watch'")
			.update();
	}

	/** A freeze approved by the office head that ends in {@code days} days. */
	private long approvedFreeze(int days) throws Exception {
		MockHttpServletResponse r = this.mvc
			.perform(post("/enquiries").with(user(this.office))
				.with(csrf())
				.param("kind", "FREEZE")
				.param("matterKind", "CASE")
				.param("matterId", Long.toString(openCase()))
				.param("bank", "会宁县农村信用合作联社" + this.tag)
				.param("freezeAmount", "1000000")
				.param("freezeUntil", LocalDate.now().plusDays(days).toString())
				.param("reason", "防止资金转移")
				.param("accounts", StatementSamples.COLLECTION + " 某公司"))
			.andReturn()
			.getResponse();
		long id = Long.parseLong(r.getRedirectedUrl().substring("/enquiries/".length()));
		decide(this.chief, id, true, null);
		return id;
	}

	@Autowired
	FreezeReminders freezeReminders;

	@Autowired
	org.fangfei.app.notification.Inbox inbox;

	// ---- helpers

	long openCase() throws Exception {
		Map<String, Object> form = TestCases.criminal("某公司集资诈骗案 " + this.tag, "会公立〔2026〕" + this.tag);
		return registerCase(form);
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

	/** An ID number whose check character is wrong. */
	static String badIdNumber() {
		String good = idNumber();
		return good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
	}

	static String idNumber() {
		ThreadLocalRandom r = ThreadLocalRandom.current();
		LocalDate born = LocalDate.of(1950, 1, 1).plusDays(r.nextInt(18_000));
		String first17 = "620422" + born.toString().replace("-", "") + String.format("%03d", r.nextInt(1000));
		return first17 + PersonalData.idCheckCharacter(first17);
	}

}
