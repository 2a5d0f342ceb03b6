package org.fangfei.bench;

import java.util.concurrent.TimeUnit;

import org.fangfei.detect.engine.AccountStore;
import org.fangfei.detect.engine.Chunk;
import org.fangfei.detect.engine.Detector;
import org.fangfei.detect.engine.DetectorConfig;
import org.fangfei.detect.engine.Leg;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The detector alone (no CSV): transfers per second through {@link Detector#onLeg} for a
 * stream that exercises one rule, and for a realistic mix. Each invocation feeds one
 * million transfers (two legs each) to fresh account states; the score is transfers per
 * second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms3g", "-Xmx3g", "-Xmn2g", "-XX:+UseParallelGC" })
public class DetectorBenchmark {

	@Param({ "scatter", "batch", "surge", "memo", "mixed" })
	public String stream;

	private LegStream legs;

	private Detector detector;

	private AccountStore states;

	private final Leg leg = new Leg();

	private final Chunk chunk = new Chunk(Streams.SIZE);

	@Setup(Level.Trial)
	public void load() {
		this.legs = new LegStream(Streams.of(this.stream));
		this.detector = new Detector(DetectorConfig.defaults());
	}

	@Setup(Level.Invocation)
	public void freshStates() {
		this.states = this.legs.freshStates();
	}

	@Benchmark
	@OperationsPerInvocation(Streams.SIZE)
	public void transfers(Blackhole bh) {
		this.legs.run(this.detector, this.states, this.leg, bh::consume);
	}

	/**
	 * The same stream fed as {@code scan} feeds it: collected in a {@link Chunk} that
	 * hands the legs to the detector grouped by account.
	 */
	@Benchmark
	@OperationsPerInvocation(Streams.SIZE)
	public void chunked(Blackhole bh) {
		this.legs.runChunked(this.detector, this.states, this.chunk, bh::consume);
	}

}
