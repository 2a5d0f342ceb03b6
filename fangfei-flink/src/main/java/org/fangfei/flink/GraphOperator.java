package org.fangfei.flink;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.fangfei.detect.Alert;
import org.fangfei.detect.engine.DetectorConfig;
import org.fangfei.detect.graph.GraphStage;
import org.fangfei.detect.io.Transfer;

/**
 * The graph stage across accounts ({@link GraphStage}) on one task: every transfer, keyed
 * by one constant key, waits until the watermark passes its time and then goes to the
 * stage in (time, seq) order — the order {@code scan} feeds it — so both raise the same
 * alerts. The stage's tables have a fixed size ({@link GraphStage#BYTES}); they and the
 * waiting transfers live in this task's memory and are not part of a checkpoint: after a
 * restore the stage starts empty (links and investments seen before are forgotten, which
 * can only lose alerts). A transfer at or behind the watermark is dropped and counted, as
 * late legs are.
 */
final class GraphOperator extends KeyedProcessFunction<Integer, Transfer, Alert> {

	private static final long serialVersionUID = 1L;

	private static final Comparator<Transfer> IN_ORDER = Comparator.comparingLong(Transfer::time)
		.thenComparingLong(Transfer::seq);

	private final DetectorConfig config;

	private transient GraphStage stage;

	private transient PriorityQueue<Transfer> waiting;

	private transient long timerAt;

	private transient Counter late;

	GraphOperator(DetectorConfig config) {
		this.config = config;
	}

	@Override
	public void open(OpenContext context) {
		this.stage = new GraphStage(this.config.graphSettings());
		this.waiting = new PriorityQueue<>(IN_ORDER);
		this.timerAt = Long.MIN_VALUE;
		this.late = getRuntimeContext().getMetricGroup().counter("lateTransfersGraph");
	}

	@Override
	public void processElement(Transfer transfer, Context context, Collector<Alert> alerts) {
		if (transfer.time() <= context.timerService().currentWatermark()) {
			this.late.inc();
			return;
		}
		this.waiting.add(transfer);
		if (this.timerAt == Long.MIN_VALUE || transfer.time() < this.timerAt) {
			this.timerAt = transfer.time();
			context.timerService().registerEventTimeTimer(transfer.time());
		}
	}

	@Override
	public void onTimer(long time, OnTimerContext context, Collector<Alert> alerts) {
		long watermark = context.timerService().currentWatermark();
		List<Alert> raised = new ArrayList<>();
		while (!this.waiting.isEmpty() && this.waiting.peek().time() <= watermark) {
			this.stage.feed(this.waiting.poll(), raised::add);
		}
		raised.forEach(alerts::collect);
		this.timerAt = Long.MIN_VALUE;
		if (!this.waiting.isEmpty()) {
			this.timerAt = this.waiting.peek().time();
			context.timerService().registerEventTimeTimer(this.timerAt);
		}
	}

}
