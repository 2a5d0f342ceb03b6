package org.fangfei.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.fangfei.detect.AccountStore;
import org.fangfei.detect.Detector;
import org.fangfei.detect.DetectorConfig;
import org.fangfei.detect.Leg;

/**
 * The loop of {@link DetectorBenchmark} timed by the CPU time of its thread instead of
 * the wall clock, for a machine shared with other work: {@code DetectorCpu STREAM ROUNDS}
 * prints transfers per CPU second of each round, plain and prefetched (fresh states every
 * round, built outside the timing).
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
		long sink = 0;
		for (int r = 0; r < rounds; r++) {
			for (int prefetched = 0; prefetched < 2; prefetched++) {
				AccountStore states = legs.freshStates();
				long a0 = ((com.sun.management.ThreadMXBean) mx).getCurrentThreadAllocatedBytes();
				long t0 = mx.getCurrentThreadCpuTime();
				long w0 = System.nanoTime();
				if (prefetched == 1) {
					sink += legs.runPrefetched(d, states, leg, (x) -> alerts[0]++);
				}
				else {
					legs.run(d, states, leg, (x) -> alerts[0]++);
				}
				long cpu = mx.getCurrentThreadCpuTime() - t0;
				long wall = System.nanoTime() - w0;
				long bytes = ((com.sun.management.ThreadMXBean) mx).getCurrentThreadAllocatedBytes() - a0;
				System.out.printf(
						"%s %-10s round %2d: %,.0f transfers per CPU second (%,.0f per wall second), %.1f B allocated per transfer%n",
						name, (prefetched == 1) ? "prefetched" : "plain", r, legs.size / (cpu / 1e9),
						legs.size / (wall / 1e9), (double) bytes / legs.size);
			}
		}
		System.out.println("alerts " + alerts[0] + " " + (sink & 1));
	}

}
