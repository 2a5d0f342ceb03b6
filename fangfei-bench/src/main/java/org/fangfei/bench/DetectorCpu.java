package org.fangfei.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.fangfei.detect.engine.AccountStore;
import org.fangfei.detect.engine.Chunk;
import org.fangfei.detect.engine.Detector;
import org.fangfei.detect.engine.DetectorConfig;
import org.fangfei.detect.engine.Leg;

/**
 * The loops of {@link DetectorBenchmark} timed by the CPU time of its thread instead of
 * the wall clock, for a machine shared with other work:
 * {@code DetectorCpu STREAM ROUNDS [MODES]} prints transfers per CPU second of each round
 * for each mode ({@code plain}, {@code chunked}, comma-separated; both by default), with
 * fresh states every round, built outside the timing. Run one mode per JVM to keep the
 * JIT's profile to that mode.
 */
public final class DetectorCpu {

	private DetectorCpu() {
	}

	public static void main(String[] args) {
		String name = (args.length > 0) ? args[0] : "mixed";
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 10;
		LegStream legs = new LegStream(Streams.of(name));
		Detector d = new Detector(DetectorConfig.defaults());
		Leg leg = new Leg();
		ThreadMXBean mx = ManagementFactory.getThreadMXBean();
		long[] alerts = new long[1];
		Chunk chunk = new Chunk(1 << 20);
		String[] modes = (args.length > 2) ? args[2].split(",") : new String[] { "plain", "chunked" };
		for (int r = 0; r < rounds; r++) {
			for (int mode = 0; mode < modes.length; mode++) {
				AccountStore states = legs.freshStates();
				long a0 = ((com.sun.management.ThreadMXBean) mx).getCurrentThreadAllocatedBytes();
				long t0 = mx.getCurrentThreadCpuTime();
				long w0 = System.nanoTime();
				switch (modes[mode]) {
					case "plain" -> legs.run(d, states, leg, (x) -> alerts[0]++);
					case "chunked" -> legs.runChunked(d, states, chunk, (x) -> alerts[0]++);
					default -> throw new IllegalArgumentException(modes[mode]);
				}
				long cpu = mx.getCurrentThreadCpuTime() - t0;
				long wall = System.nanoTime() - w0;
				long bytes = ((com.sun.management.ThreadMXBean) mx).getCurrentThreadAllocatedBytes() - a0;
				System.out.printf(
						"%s %-10s round %2d: %,.0f transfers per CPU second (%,.0f per wall second), %.1f B allocated per transfer%n",
						name, modes[mode], r, legs.size / (cpu / 1e9), legs.size / (wall / 1e9),
						(double) bytes / legs.size);
			}
		}
		System.out.println("alerts " + alerts[0]);
	}

}
