package org.fangfei.app.monitoring;

import java.util.ArrayList;
import java.util.List;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fangfei.app.monitoring.MonitoringTestSupport.count;
import static org.fangfei.app.monitoring.MonitoringTestSupport.status;
import static org.fangfei.app.monitoring.MonitoringTestSupport.uploadAndWait;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * A transfer id is one transfer: repeated identical rows of one file are stored and
 * counted once, rows that disagree under one id refuse the file naming both lines, and a
 * file overlapping an earlier upload of the same source says so.
 */
@IntegrationTest
class MonitoringDuplicateTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BatchRunner runner;

	UserDetails office;

	@BeforeEach
	void setUp() {
		this.office = this.accounts.ready("office");
	}

	/** Generated rows with accounts and transfer ids of their own. */
	private static List<String> rows(int n) {
		String tag = MonitoringFixtures.tag();
		List<String> out = new ArrayList<>();
		for (String row : MonitoringFixtures.retag(MonitoringFixtures.rows().subList(0, n), tag)) {
			String[] c = row.split(",", 9);
			c[0] = "D" + tag + "-" + c[0];
			out.add(String.join(",", c));
		}
		return out;
	}

	private Batch batch(long id) {
		return this.jdbc.sql("select b.*, null::float8 as seconds from monitoring_batch b where id = :id")
			.param("id", id)
			.query(MonitoringBatches.MAPPER)
			.single();
	}

	@Test
	void identicalRowsUnderOneTransferIdAreCountedOnce() throws Exception {
		List<String> rows = new ArrayList<>(rows(20));
		rows.add(rows.get(3));
		rows.add(rows.get(3));
		rows.add(rows.get(7));
		long id = uploadAndWait(this.mvc, this.runner, this.office, "重复行.csv", MonitoringFixtures.standardCsv(rows));

		Batch batch = batch(id);
		assertThat(batch.status()).as(batch.error()).isEqualTo(BatchStatus.DONE);
		assertThat(batch.rowCount()).isEqualTo(23);
		assertThat(batch.transferCount()).isEqualTo(20);
		assertThat(batch.duplicateCount()).isEqualTo(3);
		assertThat(count(this.jdbc, "select count(*) from monitoring_transfer where batch_id = :p", id)).isEqualTo(20);
		this.mvc.perform(get("/monitoring/batches/{id}", id).with(user(this.office)))
			.andExpect(content().string(containsString("文件中有 3 行与前面某行的流水号和内容完全相同，已按一笔交易计算")));
	}

	@Test
	void rowsThatDisagreeUnderOneTransferIdRefuseTheFileNamingBothLines() throws Exception {
		List<String> rows = new ArrayList<>(rows(20));
		String[] c = rows.get(4).split(",", 9);
		String[] other = rows.get(9).split(",", 9);
		other[0] = c[0];
		other[6] = "999.99";
		rows.set(9, String.join(",", other));
		long id = uploadAndWait(this.mvc, this.runner, this.office, "冲突.csv", MonitoringFixtures.standardCsv(rows));

		assertThat(status(this.jdbc, id)).isEqualTo("FAILED");
		assertThat(batch(id).error()).contains("未写入任何数据")
			.contains("第 11 行与第 6 行的流水号“" + c[0] + "”相同，但")
			.contains("金额(元)")
			.contains("同一流水号只能是一笔交易");
		assertThat(batch(id).errorLine()).isEqualTo(11);
		assertThat(count(this.jdbc, "select count(*) from monitoring_transfer where batch_id = :p", id)).isZero();
	}

	@Test
	void aFileOverlappingAnEarlierUploadIsStoredWholeAndSaysSo() throws Exception {
		List<String> rows = rows(20);
		long first = uploadAndWait(this.mvc, this.runner, this.office, "一月.csv",
				MonitoringFixtures.standardCsv(rows.subList(0, 12)));
		assertThat(batch(first).earlierCount()).isZero();

		long second = uploadAndWait(this.mvc, this.runner, this.office, "一月下半月.csv",
				MonitoringFixtures.standardCsv(rows.subList(8, 20)));
		Batch batch = batch(second);
		assertThat(batch.status()).as(batch.error()).isEqualTo(BatchStatus.DONE);
		assertThat(batch.earlierCount()).as("rows 9-12 were in the first file").isEqualTo(4);
		assertThat(batch.transferCount()).isEqualTo(12);
		assertThat(count(this.jdbc, "select count(*) from monitoring_transfer where batch_id = :p", second))
			.isEqualTo(12);
		this.mvc.perform(get("/monitoring/batches/{id}", second).with(user(this.office)))
			.andExpect(content().string(containsString("其中 4 个流水号已在本辖区之前上传的同格式文件中出现过")));
	}

}
