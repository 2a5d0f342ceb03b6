package org.fangfei.app.monitoring;

import java.util.List;

import org.fangfei.app.Exported;
import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.fangfei.detect.Pattern;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The alert list's Excel export: the list's filters and the caller's scope, patterns and
 * states in Chinese, the handler by name, an audit row.
 */
@IntegrationTest
class AlertExportTests {

	static final List<String> COLUMNS = AlertExportPages.HEADER;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Test
	void theExportKeepsFiltersAndScopeInChinese() throws Exception {
		String tag = MonitoringFixtures.tag();
		String dismissed = alert("huishi-dismissed-" + tag, "620422100000", "DISMISSED");
		String fresh = alert("huishi-new-" + tag, "620422100000", "NEW");
		String hepan = alert("hepan-new-" + tag, "620422102000", "NEW");

		List<List<String>> township = Exported.rows(this.mvc, this.accounts.ready("huishi"),
				get("/monitoring/alerts/export"));
		assertThat(township.get(0)).isEqualTo(COLUMNS);
		assertThat(township.stream().map(r -> r.get(0))).contains(dismissed, fresh).doesNotContain(hepan);
		List<String> row = Exported.rowWith(township, 0, dismissed);
		assertThat(row.get(COLUMNS.indexOf("模式"))).isEqualTo(Pattern.SCATTER_IN_GATHER_OUT.label());
		assertThat(row.get(COLUMNS.indexOf("状态"))).isEqualTo(AlertStatus.DISMISSED.label());
		assertThat(row.get(COLUMNS.indexOf("处理人"))).isEqualTo("会师镇 张伟");
		assertThat(row.get(COLUMNS.indexOf("转入(元)"))).isEqualTo("1,234.56");
		assertThat(row.get(COLUMNS.indexOf("首笔时间"))).isEqualTo("2026-03-11 07:17:46");
		assertThat(row.toString()).doesNotContain("SCATTER_IN_GATHER_OUT", "DISMISSED");

		List<List<String>> dismissedOnly = Exported.rows(this.mvc, this.accounts.ready("office"),
				get("/monitoring/alerts/export").param("status", "DISMISSED"));
		assertThat(dismissedOnly.stream().map(r -> r.get(0))).contains(dismissed).doesNotContain(fresh, hepan);
		assertThat(this.jdbc
			.sql("select summary from audit_log where action = 'EXPORT' and actor = 'office'"
					+ " and target_type = 'monitoring_alert' order by id desc limit 1")
			.query(String.class)
			.single()).isEqualTo("导出资金监测预警 " + (dismissedOnly.size() - 1) + " 行");
	}

	private String alert(String alertId, String region, String status) {
		this.jdbc.sql("""
				insert into monitoring_alert (alert_id, source, region_code, account, holder_name, pattern, score,
				  first_time, last_time, tx_count, amount_in_fen, amount_out_fen, counterparties, explanation, status,
				  dismiss_reason, handled_by, handled_at, received_by)
				values (:id, 'FLINK', :region, '6222000011112222', '某合作社', 'SCATTER_IN_GATHER_OUT', 80,
				  timestamp '2026-03-11 07:17:46', timestamp '2026-03-12 09:00:00', 12, 123456, 120000, 11, '分散转入集中转出',
				  :status, :reason, :by, case when cast(:status as varchar) = 'NEW' then null else now() end, 'flink')
				""")
			.param("id", alertId)
			.param("region", region)
			.param("status", status)
			.param("reason", "DISMISSED".equals(status) ? "合作社收取社员股金，已核实" : null)
			.param("by", "DISMISSED".equals(status) ? "huishi" : null)
			.update();
		return alertId;
	}

}
