package org.fangfei.app.casefile;

import java.util.List;

import org.fangfei.app.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo county's case ledger, made through the services at start: a case at every
 * stage of both paths, and the key case across provinces with its task force, assessed
 * before its refunds, and a refund batch that adds up to the fen and was paid.
 */
@IntegrationTest
class DemoCasesTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoCases demo;

	@Autowired
	DemoCaseSteps steps;

	@Test
	void theDemoLedgerHasACaseAtEveryStage() {
		List<String> stages = this.jdbc.sql("select distinct stage from case_file where title like '%（演示）' order by 1")
			.query(String.class)
			.list();
		assertThat(stages).containsExactlyInAnyOrder(
				java.util.Arrays.stream(CaseStage.values()).map(Enum::name).toArray(String[]::new));
		// 处罚/取缔 put the case's subject on the credit list
		assertThat(this.jdbc.sql("""
				select count(*) from credit_entry e join case_file c on c.id = e.source_id
				where e.source = 'CASE' and c.title like '会宁县聚源商贸%'
				""").query(Long.class).single()).isEqualTo(1);
		// the register the investigation handed over waits to be checked
		assertThat(this.jdbc.sql("""
				select count(*) from case_participant p join case_file c on c.id = p.case_id
				where c.title like '会宁县鑫盛财富%' and p.claim = 'CLAIMED'
				""").query(Long.class).single()).isEqualTo(12);
		// the prosecuted case was tried once its assessment existed
		assertThat(stageOf(DemoCases.TO_TRIAL)).isEqualTo("TRIAL");
	}

	@Test
	void theKeyCaseHasItsTaskForceAndAPaidRefundBatchToTheFen() {
		long id = this.jdbc.sql("select id from case_file where title = :t")
			.param("t", DemoCases.KEY_CASE)
			.query(Long.class)
			.single();
		assertThat(stageOf(DemoCases.KEY_CASE)).isEqualTo("REFUND");
		assertThat(this.jdbc.sql("""
				select amount_raised_fen >= 10000000000 and cross_province and listed_supervision
				  and owner_leader_id is not null from case_file where id = :id
				""").param("id", id).query(Boolean.class).single()).isTrue();
		assertThat(count("select count(*) from case_task_force where case_id = :c", id)).isEqualTo(5);
		assertThat(count("select count(*) from case_duty where case_id = :c", id)).isEqualTo(5);
		assertThat(count("select count(*) from case_cross_province where case_id = :c and role = 'LEAD'", id))
			.isEqualTo(1);
		assertThat(count("select count(*) from case_participant where case_id = :c and claim = 'ACCEPTED'", id))
			.isEqualTo(40);
		assertThat(count("select sum(amount_fen) from case_refund_batch where case_id = :c", id))
			.isEqualTo(600_000_00L);
		assertThat(count("""
				select sum(r.amount_fen) from case_refund r join case_refund_batch b on b.id = r.batch_id
				where b.case_id = :c and r.paid_on is not null
				""", id)).isEqualTo(600_000_00L);
		// a restart adds nothing
		long cases = this.jdbc.sql("select count(*) from case_file").query(Long.class).single();
		long batches = this.jdbc.sql("select count(*) from case_refund_batch").query(Long.class).single();
		this.demo.run();
		this.steps.run();
		assertThat(this.jdbc.sql("select count(*) from case_file").query(Long.class).single()).isEqualTo(cases);
		assertThat(this.jdbc.sql("select count(*) from case_refund_batch").query(Long.class).single())
			.isEqualTo(batches);
	}

	private String stageOf(String title) {
		return this.jdbc.sql("select stage from case_file where title = :t")
			.param("t", title)
			.query(String.class)
			.single();
	}

	private long count(String sql, long caseId) {
		return this.jdbc.sql(sql).param("c", caseId).query(Long.class).single();
	}

}
