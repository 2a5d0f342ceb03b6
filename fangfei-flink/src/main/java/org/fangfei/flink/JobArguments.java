package org.fangfei.flink;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The job's command line: one source, one sink, and how to run.
 *
 * <pre>
 * source:  --in FILE                                  transfers CSV (.gz etc. by extension)
 *          --kafka-brokers B --kafka-topic T [--kafka-group G] [--kafka-bounded]
 *                                                     one CSV line per record; bounded: stop at
 *                                                     the offsets that are the latest at the start
 * sink:    --out FILE                                 alerts CSV, as {@code scan} writes it
 *          --kafka-out-topic T [--kafka-brokers B]    one JSON object per alert, key = account
 *          --http-url URL [--http-token T]            JSON arrays POSTed in batches
 * options: --config FILE        detector configuration (default: the detector's defaults)
 *          --parallelism N      default: the cluster's
 *          --checkpoint-seconds S   checkpoint interval for Kafka sources (60; 0 = off)
 *          --local              run in this JVM on a local mini cluster
 * </pre>
 */
record JobArguments(Path in, String kafkaBrokers, String kafkaTopic, String kafkaGroup, boolean kafkaBounded, Path out,
		String kafkaOutTopic, String httpUrl, String httpToken, Path config, int parallelism,
		Duration checkpointInterval, boolean local) {

	static final String USAGE = """
			usage: flink run -c org.fangfei.flink.FundFlowJob fangfei-flink.jar
			         (--in FILE | --kafka-brokers B --kafka-topic T [--kafka-group G] [--kafka-bounded])
			         (--out FILE | --kafka-out-topic T | --http-url URL [--http-token T])
			         [--config FILE] [--parallelism N] [--checkpoint-seconds S] [--local]""";

	private static final Set<String> FLAGS = Set.of("--local", "--kafka-bounded");

	private static final Set<String> OPTIONS = Set.of("--in", "--kafka-brokers", "--kafka-topic", "--kafka-group",
			"--out", "--kafka-out-topic", "--http-url", "--http-token", "--config", "--parallelism",
			"--checkpoint-seconds");

	JobArguments {
		if ((in == null) == (kafkaTopic == null)) {
			throw new IllegalArgumentException("give one source: --in FILE or --kafka-topic T\n" + USAGE);
		}
		if (kafkaTopic != null && kafkaBrokers == null) {
			throw new IllegalArgumentException("--kafka-topic needs --kafka-brokers\n" + USAGE);
		}
		if (kafkaBounded && kafkaTopic == null) {
			throw new IllegalArgumentException("--kafka-bounded needs --kafka-topic\n" + USAGE);
		}
		int sinks = ((out != null) ? 1 : 0) + ((kafkaOutTopic != null) ? 1 : 0) + ((httpUrl != null) ? 1 : 0);
		if (sinks != 1) {
			throw new IllegalArgumentException(
					"give one sink: --out FILE, --kafka-out-topic T or --http-url URL\n" + USAGE);
		}
		if (kafkaOutTopic != null && kafkaBrokers == null) {
			throw new IllegalArgumentException("--kafka-out-topic needs --kafka-brokers\n" + USAGE);
		}
		if (checkpointInterval.isNegative()) {
			throw new IllegalArgumentException("--checkpoint-seconds must not be negative");
		}
	}

	static JobArguments parse(String... args) {
		Map<String, String> values = new HashMap<>();
		for (int i = 0; i < args.length; i++) {
			String name = args[i];
			if (FLAGS.contains(name)) {
				values.put(name, "true");
			}
			else if (OPTIONS.contains(name) && i + 1 < args.length) {
				values.put(name, args[++i]);
			}
			else {
				throw new IllegalArgumentException(
						(OPTIONS.contains(name) ? name + " needs a value" : "unknown argument " + name) + "\n" + USAGE);
			}
		}
		return new JobArguments(path(values.get("--in")), values.get("--kafka-brokers"), values.get("--kafka-topic"),
				values.getOrDefault("--kafka-group", "fangfei-fund-flow"), values.containsKey("--kafka-bounded"),
				path(values.get("--out")), values.get("--kafka-out-topic"), values.get("--http-url"),
				values.getOrDefault("--http-token", ""), path(values.get("--config")),
				number(values, "--parallelism", -1), Duration.ofSeconds(number(values, "--checkpoint-seconds", 60)),
				values.containsKey("--local"));
	}

	private static Path path(String value) {
		return (value != null) ? Path.of(value) : null;
	}

	private static int number(Map<String, String> values, String name, int otherwise) {
		String value = values.get(name);
		if (value == null) {
			return otherwise;
		}
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " must be a whole number, not " + value);
		}
	}

}
