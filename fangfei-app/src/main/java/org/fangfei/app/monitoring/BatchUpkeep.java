package org.fangfei.app.monitoring;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.fangfei.app.audit.AuditLog;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the uploads honest when processes come and go. Every instance reports the batches
 * its {@link BatchRunner} holds (a heartbeat), fails the queued or running batches whose
 * runner stopped reporting — killed, crashed, or stopped before finishing — at start-up
 * and periodically, and expires uploads left waiting for their column mapping
 * ({@link MonitoringBatches#expirePending}). Several instances may share the database: a
 * batch is failed only when no runner has reported for it within
 * {@code fangfei.monitoring.batch-stale-after}, so batches of live instances are left
 * alone; the heartbeat is every instance's own, the rest runs on one instance at a time
 * (scheduler lock {@code monitoring-batch-upkeep}).
 */
@Component
class BatchUpkeep {

	static final String INTERRUPTED = "服务重启或处理进程中断，处理未完成，未写入任何数据；请重新上传文件";

	private final JdbcClient jdbc;

	private final BatchRunner runner;

	private final MonitoringBatches batches;

	private final AuditLog audit;

	private final TransactionTemplate transaction;

	private final Duration staleAfter;

	BatchUpkeep(JdbcClient jdbc, BatchRunner runner, MonitoringBatches batches, AuditLog audit,
			PlatformTransactionManager transactions,
			@Value("${fangfei.monitoring.batch-stale-after:PT2M}") Duration staleAfter) {
		this.jdbc = jdbc;
		this.runner = runner;
		this.batches = batches;
		this.audit = audit;
		this.transaction = new TransactionTemplate(transactions);
		this.staleAfter = staleAfter;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		failAbandoned();
	}

	/** This instance's runner reports its batches: every instance, no lock. */
	@Scheduled(initialDelayString = "${fangfei.monitoring.upkeep-initial-delay:PT20S}",
			fixedDelayString = "${fangfei.monitoring.upkeep-every:PT20S}")
	void heartbeat() {
		this.runner.heartbeat();
	}

	/** Fails abandoned batches and expires pending uploads: one instance at a time. */
	@Scheduled(initialDelayString = "${fangfei.monitoring.upkeep-initial-delay:PT20S}",
			fixedDelayString = "${fangfei.monitoring.upkeep-every:PT20S}")
	@SchedulerLock(name = "monitoring-batch-upkeep", lockAtLeastFor = "${fangfei.monitoring.upkeep-every:PT20S}",
			lockAtMostFor = "PT1M")
	void scheduled() {
		failAbandoned();
		this.batches.expirePending();
	}

	/**
	 * Marks failed the queued and running batches nobody has reported for within the
	 * stale time (a batch never claimed counts from its upload) and deletes their files.
	 * @return how many
	 */
	int failAbandoned() {
		Integer failed = this.transaction.execute((s) -> {
			List<Map<String, Object>> gone = this.jdbc
				.sql("""
						update monitoring_batch set status = 'FAILED', phase = '已中断', error = :e, finished_at = clock_timestamp()
						where status in ('QUEUED', 'RUNNING')
						  and coalesce(heartbeat_at, uploaded_at) < clock_timestamp() - :secs * interval '1 second'
						returning id, file_name, runner_id
						""")
				.param("e", INTERRUPTED)
				.param("secs", this.staleAfter.toSeconds())
				.query()
				.listOfRows();
			for (Map<String, Object> b : gone) {
				this.jdbc.sql("delete from monitoring_batch_file where batch_id = :id")
					.param("id", b.get("id"))
					.update();
				this.audit.success("MONITORING_BATCH_INTERRUPTED", "monitoring_batch", b.get("id"),
						"银行流水 " + b.get("file_name") + " 的处理进程已中断(" + b.get("runner_id") + ")，批次标记为失败", null, null);
			}
			return gone.size();
		});
		return failed == null ? 0 : failed;
	}

}
