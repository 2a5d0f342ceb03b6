package org.fangfei.app.tip;

import java.util.List;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 14, items 11 and 12 on the audit page: the auditor picks "查看举报人身份" in the filter
 * and gets the office head's reveal of a reporter (条例 art. 16), the actions read in
 * Chinese, and a before/after is a table of the fields that changed, never a raw
 * {@code Subject[…]} dump.
 */
@IntegrationTest
class RevealAuditPageTests {

	@Autowired
	TipIntake intake;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Test
	void theAuditorListsTheRevealsOfReporters() throws Exception {
		TipIntake.Receipt tip = this.intake.submit(new TipForm(TipFixtures.HUISHI_VILLAGE, "审计筛选养老公寓", "", "",
				"承诺月息三分，动员村民投资入股。", "", "", false, "上官核查", "13987654321", "", false, false, "", ""), List.of());
		UserDetails chief = this.accounts.ready("chief");
		this.mvc
			.perform(
					post("/tips/{id}/reporter", tip.tipId()).with(user(chief)).with(csrf()).param("reason", "审计筛选核对事由"))
			.andExpect(status().isOk());
		UserDetails auditor = this.accounts.ready("auditadmin");

		String all = page(auditor, "");
		assertThat(all).contains("<option value=\"TIP_REVEAL\">查看举报人身份</option>")
			.doesNotContain(">REVEAL<")
			.doesNotContain("<code>");
		String reveals = page(auditor, "TIP_REVEAL");
		assertThat(reveals).contains("审计筛选核对事由").contains("查看举报人身份").contains("举报 " + tip.tipId());
		assertThat(reveals).doesNotContain("上官核查").doesNotContain("13987654321");
		assertThat(reveals).contains("<option value=\"TIP_REVEAL\" selected=\"selected\">查看举报人身份</option>");
	}

	@Test
	void aChangeReadsFieldByFieldInChinese() throws Exception {
		this.jdbc
			.sql("""
					insert into audit_log (actor, action, target_type, target_id, summary, before_data, after_data, outcome)
					values ('office', 'UPDATE', 'subject', '99001', '修改风险主体 审计字段测试商行',
					  'Subject[id=99001, kind=ENTERPRISE, name=审计字段测试商行, riskLevel=RED, status=WATCHING]',
					  'Subject[id=99001, kind=INDIVIDUAL_BUSINESS, name=审计字段测试商行, riskLevel=RED, status=RECTIFYING]', 'SUCCESS')
					""")
			.update();
		String html = page(this.accounts.ready("auditadmin"), "UPDATE");
		String row = html.substring(html.indexOf("修改风险主体 审计字段测试商行"));
		row = row.substring(0, row.indexOf("</tr>\n      <tr") > 0 ? row.indexOf("</table>") : row.length());
		assertThat(html).contains("<th>字段</th><th>修改前</th><th>修改后</th>");
		assertThat(row).contains("类型").contains("企业").contains("个体工商户").contains("状态").contains("监测中").contains("整改中");
		assertThat(row).doesNotContain("风险等级").doesNotContain("Subject[").doesNotContain("ENTERPRISE");
		assertThat(html).contains("风险主体 99001");
	}

	private String page(UserDetails auditor, String action) throws Exception {
		return this.mvc.perform(get("/audit").param("action", action).with(user(auditor)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
