package org.fangfei.flink;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamSink;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.fangfei.detect.Alert;
import org.fangfei.detect.engine.DetectorConfig;
import org.fangfei.detect.io.Transfer;

/**
 * Fund-flow monitoring (资金异动监测) on Flink: the fangfei-detect detector per account, from a
 * file or Kafka to a file, Kafka or the application's HTTP API. See {@link JobArguments}
 * for the command line and docs/operations.md for running it on a cluster.
 */
public final class FundFlowJob {

	private FundFlowJob() {
	}

	public static void main(String[] args) throws Exception {
		JobArguments arguments;
		try {
			arguments = JobArguments.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		DetectorConfig config = (arguments.config() != null) ? DetectorConfig.load(arguments.config())
				: DetectorConfig.defaults();
		StreamExecutionEnvironment env = arguments.local()
				? StreamExecutionEnvironment.createLocalEnvironment(new Configuration())
				: StreamExecutionEnvironment.getExecutionEnvironment();
		build(env, arguments, config);
		long started = System.nanoTime();
		env.execute("fangfei fund-flow monitoring");
		if (arguments.local()) {
			System.out.printf("done in %.1f s%n", (System.nanoTime() - started) / 1e9);
		}
	}

	/**
	 * The job as the command line describes it: parallelism, checkpoints, source and
	 * sink. The Kafka integration test calls this too.
	 */
	static SingleOutputStreamOperator<Alert> build(StreamExecutionEnvironment env, JobArguments arguments,
			DetectorConfig config) {
		if (arguments.parallelism() > 0) {
			env.setParallelism(arguments.parallelism());
		}
		if (arguments.kafkaTopic() != null && !arguments.checkpointInterval().isZero()) {
			env.enableCheckpointing(arguments.checkpointInterval().toMillis());
		}
		return build(env, source(arguments), sink(arguments), config);
	}

	/** The whole job between a source and a sink; the MiniCluster tests call this too. */
	static SingleOutputStreamOperator<Alert> build(StreamExecutionEnvironment env, Source<Transfer, ?, ?> source,
			Sink<Alert> sink, DetectorConfig config) {
		// no operator keeps or changes a record it was handed: chained operators need no
		// copies
		env.getConfig().enableObjectReuse();
		DataStream<Transfer> transfers = env.fromSource(source, FundFlowPipeline.watermarks(config), "transfers")
			.uid("transfers");
		SingleOutputStreamOperator<Alert> alerts = FundFlowPipeline.alerts(transfers, config);
		DataStreamSink<Alert> sunk = alerts.sinkTo(sink).name("alerts").uid("alerts-sink");
		if (sink instanceof CsvFileSink) {
			sunk.setParallelism(1);
		}
		return alerts;
	}

	private static Source<Transfer, ?, ?> source(JobArguments arguments) {
		return (arguments.in() != null) ? TransferSources.file(arguments.in()) : TransferSources
			.kafka(arguments.kafkaBrokers(), arguments.kafkaTopic(), arguments.kafkaGroup(), arguments.kafkaBounded());
	}

	private static Sink<Alert> sink(JobArguments arguments) {
		if (arguments.out() != null) {
			return AlertSinks.file(arguments.out());
		}
		if (arguments.kafkaOutTopic() != null) {
			return AlertSinks.kafka(arguments.kafkaBrokers(), arguments.kafkaOutTopic());
		}
		return AlertSinks.http(arguments.httpUrl(), arguments.httpToken());
	}

}
