package org.fangfei.app.subject;

import org.fangfei.app.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo ledger went through the ordinary checks: supervising departments derived, the
 * statutory word flagged.
 */
@IntegrationTest
class DemoLedgerTests {

	@Autowired
	JdbcClient jdbc;

	private String of(String name, String column) {
		return this.jdbc
			.sql("select " + column + " from subject s left join department d on d.id = s.department_id"
					+ " where s.name = :n")
			.param("n", name)
			.query(String.class)
			.single();
	}

	@Test
	void demoSubjectsCarryWhatTheChecksDerived() {
		assertThat(of("会宁县福寿康养老服务中心", "d.name")).isEqualTo("县民政局");
		assertThat(of("会宁县丰收种植农民专业合作社", "d.name")).isEqualTo("县农业农村局");
		assertThat(of("会师镇老街茶叶店", "d.name")).contains("处非办");
		assertThat(of("会宁县鑫盛财富管理咨询有限公司", "s.statutory_words")).isEqualTo("财富管理");
		assertThat(of("会宁数字资产交易中心(网络平台)", "s.word_review")).isEqualTo("PENDING");
	}

}
