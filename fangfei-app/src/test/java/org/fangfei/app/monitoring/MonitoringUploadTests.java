package org.fangfei.app.monitoring;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.fangfei.app.shared.DataScope;
import org.fangfei.app.shared.PageRequest;
import org.fangfei.detect.Alert;
import org.fangfei.detect.Pattern;
import org.fangfei.detect.engine.DetectorConfig;
import org.fangfei.detect.engine.Scan;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangfei.app.monitoring.MonitoringTestSupport.batchId;
import static org.fangfei.app.monitoring.MonitoringTestSupport.count;
import static org.fangfei.app.monitoring.MonitoringTestSupport.status;
import static org.fangfei.app.monitoring.MonitoringTestSupport.upload;
import static org.fangfei.app.monitoring.MonitoringTestSupport.uploadAndWait;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Uploading bank exports: the standard CSV goes straight through the detector and gives
 * the same alerts as {@code scan}, with their evidence; Chinese headers (CSV in GBK,
 * .xlsx) are mapped once and remembered; wrong files are refused with the line named and
 * nothing written.
 */
@IntegrationTest
class MonitoringUploadTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BatchRunner runner;

	@Autowired
	Alerts alerts;

	UserDetails office;

	@BeforeEach
	void setUp() {
		this.office = this.accounts.ready("office");
	}

	@Test
	void aGeneratedStandardCsvRaisesTheAlertsScanRaisesWithTheirEvidence() throws Exception {
		List<String> rows = MonitoringFixtures.retag(MonitoringFixtures.rows(), MonitoringFixtures.tag());
		byte[] file = MonitoringFixtures.standardCsv(rows);
		Set<String> expected = new java.util.HashSet<>();
		new Scan(DetectorConfig.defaults()).run(new java.io.ByteArrayInputStream(file),
				(a) -> expected.add(a.alertId()));
		assertThat(expected).hasSizeGreaterThan(10);

		long id = uploadAndWait(this.mvc, this.runner, this.office, "流水-标准.csv", file);

		Batch batch = this.jdbc
			.sql("select b.*, extract(epoch from (b.finished_at - b.started_at))::float8 as seconds"
					+ " from monitoring_batch b where id = :id")
			.param("id", id)
			.query(MonitoringBatches.MAPPER)
			.single();
		assertThat(batch.status()).as(batch.error()).isEqualTo(BatchStatus.DONE);
		assertThat(batch.transferCount()).isEqualTo(rows.size());
		assertThat(batch.progress()).isEqualTo(100);
		System.out.printf("monitoring upload: %d transfers, %d alerts in %.1f s%n", rows.size(), batch.alertCount(),
				batch.seconds());
		Set<String> stored = Set.copyOf(this.jdbc.sql("select alert_id from monitoring_alert where batch_id = :id")
			.param("id", id)
			.query(String.class)
			.list());
		assertThat(stored).as("the same alerts as scan").isEqualTo(expected);
		assertThat(count(this.jdbc, "select count(*) from monitoring_batch_file where batch_id = :p", id)).isZero();

		AlertRow memo = this.alerts
			.search(new AlertQuery(Pattern.FUNDRAISING_MEMO, null, null, id), DataScope.all(), PageRequest.of(1, 5))
			.items()
			.get(0);
		assertThat(memo.holderName()).isNotBlank();
		List<EvidenceTransfer> evidence = this.alerts.evidence(memo, DataScope.all());
		assertThat(evidence.size()).isGreaterThanOrEqualTo(memo.txCount());
		assertThat(evidence)
			.allMatch((t) -> !t.time().isBefore(memo.firstTime()) && !t.time().isAfter(memo.lastTime()));
		assertThat(evidence.stream().filter(EvidenceTransfer::inflow).map(EvidenceTransfer::memo).toList())
			.anyMatch((m) -> m.contains("投资") || m.contains("理财") || m.contains("本金") || m.contains("分红"));
		this.mvc.perform(get("/monitoring/alerts/{id}", memo.id()).with(user(this.office)))
			.andExpect(content().string(containsString(memo.explanationText())))
			.andExpect(content().string(containsString(evidence.get(0).txId())));
		this.mvc
			.perform(get("/monitoring/alerts").param("pattern", "FUNDRAISING_MEMO")
				.param("minScore", "1")
				.with(user(this.office)))
			.andExpect(content().string(containsString(memo.account())));
	}

	/** A Chinese bank export: separate date and time columns, amounts with separators. */
	private static List<String> chinese(List<String> rows) {
		List<String> out = new ArrayList<>();
		out.add("交易流水号,交易日期,交易时间,付款账号,付款户名,收款账号,收款户名,交易金额,摘要");
		for (String row : rows) {
			String[] c = row.split(",", 9);
			String[] at = c[1].split("T");
			String amount = new java.math.BigDecimal(c[6]).toPlainString();
			out.add(String.join(",", c[0], at[0].replace("-", "/"), at[1], c[2], c[3], c[4], c[5],
					"\"￥" + String.format("%,.2f", Double.parseDouble(amount)) + "\"", c[8]));
		}
		return out;
	}

	@Test
	void aChineseHeaderCsvIsMappedOnceAndRemembered() throws Exception {
		Alert planted = MonitoringFixtures.first(Pattern.FUNDRAISING_MEMO);
		List<String> rows = MonitoringFixtures.retag(MonitoringFixtures.rowsOf(planted), MonitoringFixtures.tag());
		byte[] gbk = (String.join("\r\n", chinese(rows)) + "\r\n").getBytes(Charset.forName("GBK"));

		String redirect = upload(this.mvc, this.office, "农商行导出.csv", gbk);
		assertThat(redirect).endsWith("/mapping");
		long id = batchId(redirect);
		assertThat(status(this.jdbc, id)).isEqualTo("MAPPING");
		this.mvc.perform(get(redirect).with(user(this.office)))
			.andExpect(content().string(containsString("第 8 列：交易金额")))
			.andExpect(content().string(containsString("<option value=\"7\" selected=\"selected\">第 8 列：交易金额")))
			.andExpect(content().string(containsString("<option value=\"1\" selected=\"selected\">第 2 列：交易日期")));

		// a required field left out is refused, nothing queued
		this.mvc
			.perform(post(redirect).with(user(this.office))
				.with(csrf())
				.param("TIME", "2")
				.param("DATE", "1")
				.param("PAYER_ACCOUNT", "3")
				.param("PAYEE_ACCOUNT", "5"))
			.andExpect(content().string(containsString("请为“金额(元)”选择一列")));
		assertThat(status(this.jdbc, id)).isEqualTo("MAPPING");

		this.mvc
			.perform(post(redirect).with(user(this.office))
				.with(csrf())
				.param("TX_ID", "0")
				.param("DATE", "1")
				.param("TIME", "2")
				.param("PAYER_ACCOUNT", "3")
				.param("PAYER_NAME", "4")
				.param("PAYEE_ACCOUNT", "5")
				.param("PAYEE_NAME", "6")
				.param("AMOUNT", "7")
				.param("MEMO", "8"))
			.andExpect(redirectedUrl("/monitoring/batches/" + id));
		this.runner.await(id, java.time.Duration.ofMinutes(2));
		assertThat(status(this.jdbc, id)).as(error(id)).isEqualTo("DONE");
		String expectedId = planted.account() + rowsTagOf(rows, planted) + "-FUNDRAISING_MEMO-" + planted.firstTime();
		assertThat(count(this.jdbc, "select count(*) from monitoring_alert where alert_id = :p", expectedId))
			.as("the planted alert, with the amounts read from ￥1,234.56")
			.isEqualTo(1);
		assertThat(count(this.jdbc, "select amount_in_fen from monitoring_alert where alert_id = :p", expectedId))
			.isEqualTo(planted.amountInFen());

		// the same bank's next export maps by itself
		List<String> next = MonitoringFixtures.retag(MonitoringFixtures.rowsOf(planted), MonitoringFixtures.tag());
		byte[] again = (String.join("\r\n", chinese(next)) + "\r\n").getBytes(Charset.forName("GBK"));
		String second = upload(this.mvc, this.office, "农商行导出-下月.csv", again);
		assertThat(second).matches("/monitoring/batches/[0-9]+");
		this.runner.await(batchId(second), java.time.Duration.ofMinutes(2));
		assertThat(status(this.jdbc, batchId(second))).isEqualTo("DONE");
	}

	private String error(long id) {
		return this.jdbc.sql("select coalesce(error, '') from monitoring_batch where id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.orElse("");
	}

	private static String rowsTagOf(List<String> tagged, Alert planted) {
		String row = tagged.stream().filter((l) -> l.contains(planted.account())).findFirst().orElseThrow();
		String[] c = row.split(",", 9);
		String account = c[2].startsWith(planted.account()) ? c[2] : c[4];
		return account.substring(planted.account().length());
	}

	@Test
	void anXlsxExportIsMappedAndRemembered() throws Exception {
		Alert planted = MonitoringFixtures.first(Pattern.FUNDRAISING_MEMO);
		byte[] first = xlsx(MonitoringFixtures.retag(MonitoringFixtures.rowsOf(planted), MonitoringFixtures.tag()));
		String redirect = upload(this.mvc, this.office, "建行导出.xlsx", first);
		assertThat(redirect).endsWith("/mapping");
		this.mvc.perform(get(redirect).with(user(this.office)))
			.andExpect(content().string(containsString("<option value=\"0\" selected=\"selected\">第 1 列：交易时间")))
			.andExpect(content().string(containsString("<option value=\"3\" selected=\"selected\">第 4 列：转入账号")));
		long id = batchId(redirect);
		this.mvc
			.perform(post(redirect).with(user(this.office))
				.with(csrf())
				.param("TIME", "0")
				.param("PAYER_ACCOUNT", "1")
				.param("PAYER_NAME", "2")
				.param("PAYEE_ACCOUNT", "3")
				.param("PAYEE_NAME", "4")
				.param("AMOUNT", "5")
				.param("MEMO", "6"))
			.andExpect(redirectedUrl("/monitoring/batches/" + id));
		this.runner.await(id, java.time.Duration.ofMinutes(2));
		assertThat(status(this.jdbc, id)).isEqualTo("DONE");
		assertThat(count(this.jdbc, "select count(*) from monitoring_alert where batch_id = :p", id)).isPositive();
		assertThat(count(this.jdbc, "select count(*) from monitoring_mapping where header like :p",
				"交易时间,付款人账号,付款户名,转入账号%"))
			.isEqualTo(1);

		byte[] second = xlsx(MonitoringFixtures.retag(MonitoringFixtures.rowsOf(planted), MonitoringFixtures.tag()));
		assertThat(upload(this.mvc, this.office, "建行导出-2.xlsx", second)).matches("/monitoring/batches/[0-9]+");
	}

	private static byte[] xlsx(List<String> rows) throws Exception {
		try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = wb.createSheet("交易明细");
			String[] header = { "交易时间", "付款人账号", "付款户名", "转入账号", "收款户名", "金额", "附言" };
			var h = sheet.createRow(0);
			for (int i = 0; i < header.length; i++) {
				h.createCell(i).setCellValue(header[i]);
			}
			for (int r = 0; r < rows.size(); r++) {
				String[] c = rows.get(r).split(",", 9);
				var row = sheet.createRow(r + 1);
				row.createCell(0).setCellValue(c[1].replace('T', ' '));
				row.createCell(1).setCellValue(c[2]);
				row.createCell(2).setCellValue(c[3]);
				row.createCell(3).setCellValue(c[4]);
				row.createCell(4).setCellValue(c[5]);
				row.createCell(5).setCellValue(Double.parseDouble(c[6]));
				row.createCell(6).setCellValue(c[8].replace("\"", ""));
			}
			wb.write(out);
			return out.toByteArray();
		}
	}

	@Test
	void wrongFilesAreRefusedClearlyWithNothingWritten() throws Exception {
		long before = count(this.jdbc, "select count(*) from monitoring_batch where uploaded_by = :p", "office");
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13 };
		this.mvc
			.perform(
					org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/monitoring/uploads")
						.file(new org.springframework.mock.web.MockMultipartFile("file", "流水.csv", "text/csv", png))
						.with(user(this.office))
						.with(csrf()))
			.andExpect(content().string(containsString("文件内容不是 CSV 文本或 Excel(.xlsx) 工作簿")));
		this.mvc
			.perform(
					org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/monitoring/uploads")
						.file(new org.springframework.mock.web.MockMultipartFile("file", "流水.xlsx", "text/csv",
								"a,b\n1,2\n".getBytes()))
						.with(user(this.office))
						.with(csrf()))
			.andExpect(content().string(containsString("文件名不是 .csv")));
		assertThat(count(this.jdbc, "select count(*) from monitoring_batch where uploaded_by = :p", "office"))
			.isEqualTo(before);

		List<String> rows = new ArrayList<>(
				MonitoringFixtures.retag(MonitoringFixtures.rows().subList(0, 40), MonitoringFixtures.tag()));
		String[] c = rows.get(1).split(",", 9);
		c[1] = "2024-02-30T10:00:00";
		rows.set(1, String.join(",", c));
		String[] d = rows.get(5).split(",", 9);
		d[6] = "12.345";
		rows.set(5, String.join(",", d));
		long bad = uploadAndWait(this.mvc, this.runner, this.office, "坏行.csv", MonitoringFixtures.standardCsv(rows));
		assertThat(status(this.jdbc, bad)).isEqualTo("FAILED");
		String error = this.jdbc.sql("select error from monitoring_batch where id = :id")
			.param("id", bad)
			.query(String.class)
			.single();
		assertThat(error).contains("第 3 行交易时间“2024-02-30T10:00:00”不是有效的日期时间")
			.contains("第 7 行金额“12.345”最多两位小数(精确到分)")
			.contains("未写入任何数据");
		assertThat(count(this.jdbc, "select count(*) from monitoring_transfer where batch_id = :p", bad)).isZero();
		assertThat(count(this.jdbc, "select count(*) from monitoring_alert where batch_id = :p", bad)).isZero();
		this.mvc.perform(get("/monitoring/batches/{id}/progress", bad).with(user(this.office)))
			.andExpect(content().string(containsString("第 3 行")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("hx-trigger"))));

		// a header without the amount column cannot be mapped
		String redirect = upload(this.mvc, this.office, "缺列.csv",
				"交易时间,付款账号,收款账号\n2024-01-01 10:00:00,6222001,6222002\n".getBytes());
		assertThat(redirect).endsWith("/mapping");
		this.mvc
			.perform(post(redirect).with(user(this.office))
				.with(csrf())
				.param("TIME", "0")
				.param("PAYER_ACCOUNT", "1")
				.param("PAYEE_ACCOUNT", "2"))
			.andExpect(content().string(containsString("请为“金额(元)”选择一列")));
		assertThat(status(this.jdbc, batchId(redirect))).isEqualTo("MAPPING");
	}

	@Test
	void aDepartmentMayLookButNotUpload() throws Exception {
		UserDetails market = this.accounts.ready("market");
		this.mvc.perform(get("/monitoring").with(user(market))).andExpect(content().string(containsString("最近上传")));
		this.mvc
			.perform(
					org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/monitoring/uploads")
						.file(new org.springframework.mock.web.MockMultipartFile("file", "x.csv", "text/csv",
								MonitoringFixtures.standardCsv(List.of())))
						.with(user(market))
						.with(csrf()))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
		UserDetails grid = this.accounts.ready("grid");
		this.mvc.perform(get("/monitoring").with(user(grid)))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isForbidden());
	}

	static Set<String> ids(List<Alert> alerts) {
		return alerts.stream().map(Alert::alertId).collect(Collectors.toSet());
	}

}
