package org.fangfei.app.monitoring;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import org.fangfei.app.IntegrationTest;
import org.fangfei.app.security.ActorDirectory;
import org.fangfei.app.shared.Actor;
import org.fangfei.app.shared.DemoNames;
import org.fangfei.app.shared.Times;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link BatchRunner#runHere}: a batch detected on the caller's thread, in its
 * transaction and with its held clock (the demo's year of history), by the runner's own
 * steps — stored and dated then; a bad file fails it inside that transaction; without a
 * transaction it is refused.
 */
@IntegrationTest
class MonitoringRunHereTests {

	@Autowired
	MonitoringBatches batches;

	@Autowired
	BatchRunner runner;

	@Autowired
	ActorDirectory actors;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aBatchIsDetectedInTheCallersTransactionAndDatedByItsClock() {
		Actor office = this.actors.actorOf("office");
		OffsetDateTime at = OffsetDateTime.now().minusDays(40).truncatedTo(ChronoUnit.SECONDS);
		byte[] file = new DemoBankExports(new DemoNames(3), new DemoBankExports.Bank("测试银行", "621700")).export(
				LocalDate.now().minusDays(110), 60, 15,
				new DemoBankExports.Plant("会宁县测试认购有限公司", DemoBankExports.Scheme.MEMO));
		long id = this.tx.execute(s -> {
			try (Times.Held held = Times.holdAt(at)) {
				long batch = this.batches.upload("run-here.csv", file, office).id();
				assertThat(this.runner.runHere(batch)).isEqualTo(BatchStatus.DONE);
				return batch;
			}
		});
		assertThat(this.jdbc.sql("""
				select count(*) from monitoring_batch where id = :id and status = 'DONE' and uploaded_at = :at
				  and started_at = :at and finished_at = :at and transfer_count > 900
				""").param("id", id).param("at", at).query(Long.class).single()).isEqualTo(1L);
		assertThat(this.jdbc.sql("""
				select count(*) from monitoring_alert where batch_id = :id and received_at = :at
				  and holder_name = '会宁县测试认购有限公司' and pattern = 'FUNDRAISING_MEMO'
				""").param("id", id).param("at", at).query(Long.class).single()).isPositive();
		assertThat(this.jdbc.sql("select count(*) from monitoring_batch_file where batch_id = :id")
			.param("id", id)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aBadFileFailsTheBatchInsideTheTransaction() {
		Actor office = this.actors.actorOf("office");
		byte[] file = (DemoBankExports.HEADER + "\nT1,2026-02-30T10:00:00,6222001,甲,6222002,乙,10.00,网银,\n")
			.getBytes(StandardCharsets.UTF_8);
		long id = this.tx.execute(s -> {
			long batch = this.batches.upload("bad.csv", file, office).id();
			assertThat(this.runner.runHere(batch)).isEqualTo(BatchStatus.FAILED);
			return batch;
		});
		assertThat(this.batches.get(id, office.scope()).error()).contains("第 2 行").contains("不是有效的日期时间");
	}

	@Test
	void withoutATransactionItIsRefused() {
		assertThatThrownBy(() -> this.runner.runHere(1)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("transaction");
	}

}
