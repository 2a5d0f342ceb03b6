package org.fangfei.app.tip;

import java.util.List;

import jakarta.servlet.http.Cookie;
import org.fangfei.app.Exported;
import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The tip list's Excel export is the staff view: what the tip says, never who sent it,
 * within the caller's jurisdiction, China time, audited.
 */
@IntegrationTest
class TipExportTests {

	static final String NAME = "导出测试举报人欧阳娜娜";

	static final String PHONE = "13698761234";

	static final String CONTACT = "微信 ouyang-export";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Test
	void theExportCarriesTheTipButNeverTheReporter() throws Exception {
		String subject = "导出测试养老服务中心" + System.nanoTime();
		Cookie session = TipFixtures.sessionWithCaptcha(this.mvc);
		String html = this.mvc
			.perform(TipFixtures.tip(session, TipFixtures.freshAddress(), "subjectName", subject, "amount", "120000",
					"peopleCount", "30", "anonymous", "false", "reporterName", NAME, "reporterPhone", PHONE,
					"reporterContact", CONTACT, "wantsReward", "true"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long tipId = this.jdbc.sql("select id from tip where subject_name = ?")
			.param(subject)
			.query(Long.class)
			.single();
		assertThat(html).contains("tracking-code");

		long elsewhere = tipInAnotherCounty();
		List<List<String>> rows = Exported.rows(this.mvc, this.accounts.ready("office"), get("/tips/export"));
		assertThat(rows.get(0)).isEqualTo(TipExportPages.HEADER);
		List<String> row = Exported.rowWith(rows, 0, "#" + tipId);
		assertThat(row.get(TipExportPages.HEADER.indexOf("被举报对象"))).isEqualTo(subject);
		assertThat(row.get(TipExportPages.HEADER.indexOf("涉及金额(元)"))).isEqualTo("120,000.00");
		assertThat(row.get(TipExportPages.HEADER.indexOf("举报方式"))).isEqualTo("实名");
		assertThat(row.get(TipExportPages.HEADER.indexOf("申请奖励"))).isEqualTo("是");
		assertThat(row.get(TipExportPages.HEADER.indexOf("举报时间"))).isEqualTo(this.jdbc
			.sql("select to_char(created_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') from tip where id = ?")
			.param(tipId)
			.query(String.class)
			.single());
		String all = rows.toString();
		assertThat(all).doesNotContain(NAME).doesNotContain(PHONE).doesNotContain("1369876").doesNotContain(CONTACT);
		assertThat(rows.get(0)).noneMatch(h -> h.contains("举报人") || h.contains("电话") || h.contains("联系"));

		assertThat(rows.stream().map(r -> r.get(0))).as("a tip of another county").doesNotContain("#" + elsewhere);
		assertThat(this.jdbc
			.sql("select summary from audit_log where action = 'EXPORT' and actor = 'office' and target_type = 'tip'"
					+ " order by id desc limit 1")
			.query(String.class)
			.single()).isEqualTo("导出群众举报 " + (rows.size() - 1) + " 行(不含举报人身份)");
	}

	/** A tip of 靖远县 (620421), outside the demo county office's jurisdiction. */
	private long tipInAnotherCounty() {
		this.jdbc
			.sql("""
					insert into region (code, name, level, parent_code) values ('620421000000', '靖远县', 'COUNTY', '620400000000')
					on conflict do nothing
					""")
			.update();
		return this.jdbc.sql("""
				insert into tip (tracking_hash, region_code, subject_name, what_happened, anonymous)
				values (md5(random()::text || clock_timestamp()::text), '620421000000', '外县导出测试公司', '外县的举报', true)
				returning id
				""").query(Long.class).single();
	}

	@Test
	void aGridWorkerMayNotExportTips() throws Exception {
		this.mvc.perform(get("/tips/export").with(user(this.accounts.ready("grid")))).andExpect(status().isForbidden());
	}

}
