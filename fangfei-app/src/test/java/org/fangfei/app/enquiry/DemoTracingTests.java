package org.fangfei.app.enquiry;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Random;

import org.apache.poi.hssf.record.CodepageRecord;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.fangfei.app.IntegrationTest;
import org.fangfei.app.shared.TabularFile;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo county's fund tracing, made through the services at start: the key case's two
 * banks' statements — a GBK .xls (HSSF, code page 936) and a GBK CSV, in different
 * layouts — are loaded, and the money is traced from the collection account to its
 * controller and on to the house bought.
 */
@IntegrationTest
class DemoTracingTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FundTrace trace;

	@Autowired
	TraceAccounts accounts;

	@Test
	void theCooperativesStatementIsAGbkXlsReadByHssf() throws Exception {
		byte[] xls = DemoTracing.collectionXls(new Random(1)).xls();
		try (HSSFWorkbook wb = new HSSFWorkbook(new ByteArrayInputStream(xls))) {
			CodepageRecord codepage = (CodepageRecord) wb.getInternalWorkbook()
				.findFirstRecordBySid(CodepageRecord.sid);
			assertThat(codepage.getCodepage()).isEqualTo(DemoTracing.GBK_CODEPAGE);
		}
		List<TabularFile.Line> lines = TabularFile.readLines("信用社对账单-金穗农业.xls", new ByteArrayInputStream(xls), 100);
		assertThat(lines.get(2).cells()).contains("借方发生额", "贷方发生额", "对方证件号码");
		assertThat(lines.get(1).cells().get(1)).isEqualTo("户名：会宁县金穗农业发展有限公司");
	}

	@Test
	void theKeyCaseIsTracedFromItsCollectionAccountToItsControllerAndTheHouse() {
		Long caseId = this.jdbc.sql("select id from case_file where title = :t")
			.param("t", DemoTracing.KEY_CASE)
			.query(Long.class)
			.optional()
			.orElse(null);
		assertThat(caseId).as("the demo's key case").isNotNull();
		assertThat(this.jdbc
			.sql("select file_name from statement where matter_kind = 'CASE' and matter_id = :m order by id")
			.param("m", caseId)
			.query(String.class)
			.list()).containsExactly("信用社对账单-金穗农业.xls", "建行交易明细-马金山.csv");
		Matter matter = new Matter("CASE", caseId, DemoTracing.KEY_CASE, "620422000000");
		long collection = id(caseId, DemoTracing.COLLECTION);
		long controller = id(caseId, DemoTracing.CONTROLLER);
		long house = id(caseId, DemoTracing.HOUSE);
		assertThat(this.accounts.withRole(matter, "CONTROLLER")).containsExactly(controller);
		assertThat(this.accounts.withRole(matter, "COLLECTION")).containsExactly(collection);
		FundTrace.Trace forward = this.trace.trace(matter, collection, true, 2);
		assertThat(forward.edges()).anySatisfy((e) -> {
			assertThat(e.hop()).isEqualTo(1);
			assertThat(e.to()).isEqualTo(controller);
		});
		assertThat(forward.edges()).anySatisfy((e) -> {
			assertThat(e.hop()).isEqualTo(2);
			assertThat(e.from()).isEqualTo(controller);
			assertThat(e.to()).isEqualTo(house);
		});
		assertThat(this.jdbc
			.sql("select count(*) from trace_account where matter_kind = 'CASE' and matter_id = :m"
					+ " and id_number_enc is not null and id_number_masked is not null")
			.param("m", caseId)
			.query(Long.class)
			.single()).as("the 60 participants' ID numbers, kept for the ledger's import").isEqualTo(60);
	}

	private long id(long caseId, String number) {
		return this.jdbc
			.sql("select id from trace_account where matter_kind = 'CASE' and matter_id = :m and number_idx = :i")
			.param("m", caseId)
			.param("i", this.accounts.indexOf(number))
			.query(Long.class)
			.single();
	}

}
