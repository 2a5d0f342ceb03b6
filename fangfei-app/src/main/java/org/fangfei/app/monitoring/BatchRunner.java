package org.fangfei.app.monitoring;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.fangfei.app.shared.Rejected;
import org.fangfei.app.shared.Times;
import org.fangfei.detect.Alert;
import org.fangfei.detect.engine.AccountState;
import org.fangfei.detect.engine.Detector;
import org.fangfei.detect.engine.DetectorConfig;
import org.fangfei.detect.engine.TransferFeed;
import org.fangfei.detect.graph.GraphStage;
import org.fangfei.detect.io.Transfer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs uploaded batches in the background, one at a time (the machine is shared with the
 * pages): reads and checks every row, sorts the transfers by time, feeds both legs of
 * each to the detector with the account's state and then the transfer to the graph stage
 * across accounts ({@link GraphStage}, 跨账户回流付息), as {@code scan} does, and then — in one
 * transaction — stores the transfers and the alerts and marks the batch done. A bad row,
 * or any failure, marks the batch failed with nothing of it written. Progress is
 * committed on its own so the page can poll it.
 */
@Component
class BatchRunner {

	private static final Logger log = LoggerFactory.getLogger(BatchRunner.class);

	/** Progress is written every this many transfers. */
	private static final int STEP = 5_000;

	private final JdbcClient jdbc;

	private final BatchWriter writer;

	private final TransactionTemplate own;

	private final TransactionTemplate joined;

	private final DetectorConfig config = DetectorConfig.defaults();

	private final ExecutorService executor = Executors.newSingleThreadExecutor((r) -> {
		Thread t = new Thread(r, "monitoring-batch");
		t.setDaemon(true);
		return t;
	});

	private final Map<Long, Future<?>> running = new ConcurrentHashMap<>();

	private final String runnerId = MonitoringBatches.truncate(
			host() + "/" + ProcessHandle.current().pid() + "/" + java.util.UUID.randomUUID().toString().substring(0, 8),
			120);

	BatchRunner(JdbcClient jdbc, BatchWriter writer, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.writer = writer;
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.joined = new TransactionTemplate(transactions);
		this.joined.setPropagationBehavior(TransactionDefinition.PROPAGATION_MANDATORY);
	}

	/**
	 * Says who runs this process's batches: host, process id and a random part, so that a
	 * restarted process on the same host is another runner.
	 */
	String runnerId() {
		return this.runnerId;
	}

	/**
	 * Queues a batch whose mapping is known, marking it as this runner's so that
	 * {@link BatchUpkeep} can tell it from one whose runner is gone.
	 */
	void start(long batchId) {
		this.jdbc.sql("""
				update monitoring_batch set runner_id = :me, heartbeat_at = clock_timestamp()
				where id = :id and status = 'QUEUED'
				""").param("me", this.runnerId).param("id", batchId).update();
		this.running.put(batchId, this.executor.submit(() -> run(batchId)));
	}

	/** Tells the database that this runner's queued and running batches are alive. */
	int heartbeat() {
		return this.jdbc.sql("""
				update monitoring_batch set heartbeat_at = clock_timestamp()
				where runner_id = :me and status in ('QUEUED', 'RUNNING')
				""").param("me", this.runnerId).update();
	}

	/** Waits for a started batch to finish (tests and the command line). */
	void await(long batchId, Duration timeout) throws Exception {
		Future<?> f = this.running.get(batchId);
		if (f != null) {
			f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private static String host() {
		try {
			return java.net.InetAddress.getLocalHost().getHostName();
		}
		catch (java.io.IOException ex) {
			return "unknown-host";
		}
	}

	@PreDestroy
	void stop() {
		this.executor.shutdownNow();
	}

	/**
	 * Runs a queued batch now, on the caller's thread, in the caller's transaction and
	 * clock: the same steps as the background runner, with its progress and any failure
	 * written in that transaction instead of committed on their own. For the demo's year
	 * of history ({@link DemoMonitoring}), whose uploads are detected and dated inside
	 * its part.
	 * @return the batch's status afterwards ({@code DONE}, or {@code FAILED} with its
	 * error)
	 */
	BatchStatus runHere(long batchId) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("runHere needs the caller's transaction");
		}
		this.jdbc.sql("""
				update monitoring_batch set runner_id = :me, heartbeat_at = clock_timestamp()
				where id = :id and status = 'QUEUED'
				""").param("me", this.runnerId).param("id", batchId).update();
		run(batchId, this.joined);
		return BatchStatus.valueOf(this.jdbc.sql("select status from monitoring_batch where id = :id")
			.param("id", batchId)
			.query(String.class)
			.single());
	}

	void run(long batchId) {
		run(batchId, this.own);
	}

	/**
	 * Reads, checks, detects and stores the batch, writing progress and failure through
	 * {@code steps} (transactions of their own for the background runner).
	 */
	private void run(long batchId, TransactionTemplate steps) {
		try {
			int claimed = this.jdbc.sql("""
					update monitoring_batch set status = 'RUNNING', started_at = :now, phase = '读取文件', progress = 1,
					  heartbeat_at = clock_timestamp()
					where id = :id and status = 'QUEUED'
					""").param("id", batchId).param("now", Times.now()).update();
			if (claimed == 0) {
				return; // failed or deleted meanwhile
			}
			String fileName = this.jdbc.sql("select file_name from monitoring_batch where id = :id")
				.param("id", batchId)
				.query(String.class)
				.single();
			String mapping = this.jdbc.sql("select mapping from monitoring_batch where id = :id")
				.param("id", batchId)
				.query(String.class)
				.single();
			byte[] content = this.jdbc.sql("select content from monitoring_batch_file where batch_id = :id")
				.param("id", batchId)
				.query(byte[].class)
				.single();
			BankExport export = BankExport.read(fileName, content);
			progress(steps, batchId, "校验 " + export.rows().size() + " 行", 10);
			TransferRows.Read read = TransferRows.read(export.rows(), ColumnMapping.decode(mapping));
			if (!read.ok()) {
				fail(steps, batchId, read.message(), read.problems().get(0).line());
				return;
			}
			List<Transfer> transfers = new ArrayList<>(read.transfers());
			transfers.sort(Comparator.comparingLong(Transfer::time).thenComparingLong(Transfer::seq));
			progress(steps, batchId, "检测资金异动", 30);
			List<Alert> alerts = detect(steps, batchId, transfers);
			progress(steps, batchId, "保存流水与预警", 70);
			this.writer.write(batchId, transfers, read.duplicates(), alerts, (done) -> progress(steps, batchId,
					"保存流水与预警", 70 + (int) (29L * done / Math.max(1, transfers.size()))));
		}
		catch (Rejected ex) {
			fail(steps, batchId, ex.getMessage(), null);
		}
		catch (RuntimeException ex) {
			log.warn("Monitoring batch {} failed", batchId, ex);
			fail(steps, batchId, "处理失败，未写入任何数据；请重新上传，仍失败时请联系系统管理员查看日志", null);
		}
	}

	/**
	 * Both legs of each transfer, in (time, line) order, each with its account's state,
	 * and after them the transfer to the graph stage across accounts — the order
	 * {@code scan} runs them in, so the same rows give the same alerts.
	 */
	private List<Alert> detect(TransactionTemplate steps, long batchId, List<Transfer> transfers) {
		Detector detector = new Detector(this.config);
		// Tables sized to the batch: an upload of 10,000 transfers needs about 7.6 MB,
		// not the 56 MB a stream of any length gets.
		GraphStage graph = new GraphStage(this.config.graphSettings(), transfers.size());
		TransferFeed feed = new TransferFeed(detector, graph);
		Map<String, AccountState> states = new HashMap<>();
		List<Alert> alerts = new ArrayList<>();
		for (int i = 0; i < transfers.size(); i++) {
			feed.feed(transfers.get(i), (a) -> states.computeIfAbsent(a, (k) -> new AccountState()), alerts::add);
			if ((i + 1) % STEP == 0) {
				progress(steps, batchId, "检测资金异动(" + (i + 1) + "/" + transfers.size() + ")",
						30 + (int) (40L * (i + 1) / transfers.size()));
			}
		}
		return alerts;
	}

	private void progress(TransactionTemplate steps, long batchId, String phase, int percent) {
		steps.executeWithoutResult((s) -> this.jdbc.sql("""
				update monitoring_batch set phase = :p, progress = :n, heartbeat_at = clock_timestamp()
				where id = :id and status = 'RUNNING'
				""").param("p", phase).param("n", Math.min(99, percent)).param("id", batchId).update());
	}

	private void fail(TransactionTemplate steps, long batchId, String error, Integer line) {
		steps.executeWithoutResult((s) -> {
			this.jdbc.sql("""
					update monitoring_batch set status = 'FAILED', phase = '失败', error = :e, error_line = :l,
					  finished_at = :now, started_at = coalesce(started_at, :now)
					where id = :id and status in ('QUEUED', 'RUNNING')
					""")
				.param("e", MonitoringBatches.truncate(error, 2000))
				.param("l", line)
				.param("now", Times.now())
				.param("id", batchId)
				.update();
			this.jdbc.sql("delete from monitoring_batch_file where batch_id = :id").param("id", batchId).update();
		});
	}

}
