package org.fangfei.flink;

import java.time.Duration;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.Collector;
import org.fangfei.detect.Alert;
import org.fangfei.detect.engine.DetectorConfig;
import org.fangfei.detect.engine.Leg;
import org.fangfei.detect.io.Transfer;

/**
 * The job between its source and its sink: transfers become two legs each, legs are keyed
 * by account, and {@link AccountDetector} runs the detector per account. Nothing here
 * decides anything about fund flows.
 */
final class FundFlowPipeline {

	private FundFlowPipeline() {
	}

	/**
	 * Event time is the transfer's time; transfers may arrive up to the detector's
	 * lateness out of order. Give this to the source so that each split (file, Kafka
	 * partition) has its watermark.
	 */
	static WatermarkStrategy<Transfer> watermarks(DetectorConfig config) {
		return WatermarkStrategy.<Transfer>forBoundedOutOfOrderness(Duration.ofMillis(config.latenessMillis()))
			.withTimestampAssigner((transfer, previous) -> transfer.time())
			.withIdleness(Duration.ofMinutes(1));
	}

	/**
	 * Alerts for the given transfers: the detector per account and the graph stage across
	 * accounts ({@link GraphOperator}, one task), as {@code scan} raises them. The legs
	 * that came later than the lateness allows are the per-account operator's side output
	 * {@code AccountDetector.LATE}.
	 */
	static SingleOutputStreamOperator<Alert> alerts(DataStream<Transfer> transfers, DetectorConfig config) {
		SingleOutputStreamOperator<Alert> perAccount = transfers.flatMap(FundFlowPipeline::legs, LegSerializer.TYPE)
			.name("split into legs")
			.uid("legs")
			.keyBy(Leg::account)
			.process(new AccountDetector(config), TypeInformation.of(Alert.class))
			.name("detect per account")
			.uid("account-detector");
		DataStream<Alert> acrossAccounts = transfers.keyBy(FundFlowPipeline::oneKey)
			.process(new GraphOperator(config), TypeInformation.of(Alert.class))
			.name("graph stage across accounts")
			.uid("graph-stage")
			.setParallelism(1)
			.setMaxParallelism(1);
		return perAccount.union(acrossAccounts)
			.map((a) -> a, TypeInformation.of(Alert.class))
			.name("alerts")
			.uid("alerts");
	}

	/** The graph stage sees every transfer: one key, one task. */
	private static Integer oneKey(Transfer transfer) {
		return 0;
	}

	/**
	 * The payer's outflow, then the payee's inflow (the detector's order for one
	 * transfer).
	 */
	static void legs(Transfer transfer, Collector<Leg> out) {
		for (Leg leg : Leg.split(transfer)) {
			out.collect(leg);
		}
	}

}
