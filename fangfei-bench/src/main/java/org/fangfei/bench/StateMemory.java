package org.fangfei.bench;

import java.util.SplittableRandom;

import org.fangfei.detect.engine.AccountState;
import org.fangfei.detect.engine.AccountStore;
import org.fangfei.detect.engine.Detector;
import org.fangfei.detect.engine.DetectorConfig;
import org.fangfei.detect.engine.Leg;

/**
 * Heap needed to track N active accounts: each account gets LEGS legs with about DISTINCT
 * distinct counterparties (a busy ordinary account), its name is kept as the scan keeps
 * it, then the heap is measured after a full GC. The states live in one
 * {@link AccountStore} as {@code scan} keeps them, or with {@code objects} as the last
 * argument one {@link AccountState} of its own each (as the Flink job holds a key's state
 * on the heap). Run with {@code -Xmx2g}:
 * {@code java -Xmx2g -cp fangfei-bench/target/benchmarks.jar org.fangfei.bench.StateMemory 1000000 12 30}.
 */
public final class StateMemory {

	private StateMemory() {
	}

	public static void main(String[] args) {
		int n = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000_000;
		int distinct = (args.length > 1) ? Integer.parseInt(args[1]) : 12;
		int legs = (args.length > 2) ? Integer.parseInt(args[2]) : 30;
		boolean objects = args.length > 3 && args[3].equals("objects");
		Runtime rt = Runtime.getRuntime();
		long before = used(rt);
		String[] names = new String[n];
		for (int i = 0; i < n; i++) {
			names[i] = "62" + (100_000_000_000_000_000L + i * 7919L);
		}
		long afterNames = used(rt);
		AccountState[] states = objects ? new AccountState[n] : null;
		AccountStore store = objects ? null : new AccountStore((id) -> names[id]);
		Detector d = new Detector(DetectorConfig.defaults());
		Leg leg = new Leg();
		SplittableRandom rnd = new SplittableRandom(1);
		long t0 = 1_704_067_200_000L;
		long estimated = 0;
		for (int i = 0; i < n; i++) {
			AccountState s;
			if (objects) {
				s = new AccountState();
				states[i] = s;
			}
			else {
				s = store.at(store.add());
			}
			for (int k = 0; k < legs; k++) {
				int otherId = (int) ((i + 1L + rnd.nextInt(distinct) * 40_009L) % n);
				String other = names[otherId];
				leg.set(t0 + k * 36L * 3_600_000L, k, names[i], (k % 3) != 0, other, 100 + rnd.nextInt(500_000),
						(k % 7 == 0) ? "饭钱" : "", "T");
				leg.counterpartyId = objects ? -1 : otherId;
				d.onLeg(s, leg, (a) -> {
				});
			}
			estimated += s.estimatedBytes();
		}
		long after = used(rt);
		System.out.printf("accounts: %d, %d legs each with about %d distinct counterparties, %s%n", n, legs, distinct,
				objects ? "one AccountState object each" : "in one AccountStore");
		System.out.printf("heap for account names: %.1f MiB%n", (afterNames - before) / 1048576.0);
		System.out.printf("heap for account states: %.1f MiB (%.0f bytes per account; estimatedBytes says %.0f)%n",
				(after - afterNames) / 1048576.0, (after - afterNames) / (double) n, estimated / (double) n);
		System.out.printf("heap used in total: %.1f MiB of max %.1f MiB%n", after / 1048576.0,
				rt.maxMemory() / 1048576.0);
		if ((objects ? states[n - 1].lastActivity() : store.lastActivity(n - 1)) == 0) {
			System.out.println();
		}
	}

	private static long used(Runtime rt) {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return rt.totalMemory() - rt.freeMemory();
	}

}
