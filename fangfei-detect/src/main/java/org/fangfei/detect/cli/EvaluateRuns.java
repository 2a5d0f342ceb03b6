package org.fangfei.detect.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.fangfei.detect.Alert;
import org.fangfei.detect.archetype.Archetypes;
import org.fangfei.detect.engine.DetectorConfig;
import org.fangfei.detect.engine.Scan;
import org.fangfei.detect.generate.Generate;
import org.fangfei.detect.io.AlertCsv;

/**
 * {@code evaluate --generator G --size N --days D --seeds 1,2,3 --dir DIR}: for each
 * seed, generates a stream with generator G, scans it with the current rules and scores
 * it; then the figures of all seeds together. The archetype generator is scored by
 * {@link ArchetypeScore}; the default one per pattern (recall with the planted pattern
 * and with any pattern), per look-alike kind, and ordinary accounts (every account not in
 * its truth file). The default generator's truth has no start dates, so it has no time to
 * first alert.
 */
final class EvaluateRuns {

	private EvaluateRuns() {
	}

	static void main(Map<String, String> o, PrintStream out) throws IOException {
		String generator = Main.need(o, "generator");
		if (!generator.equals("default") && !generator.equals("archetypes")) {
			throw new IllegalArgumentException("--generator must be default or archetypes, was '" + generator + "'");
		}
		int size = Integer.parseInt(Main.need(o, "size"));
		int days = Integer.parseInt(Main.need(o, "days"));
		List<Long> seeds = new ArrayList<>();
		for (String s : Main.need(o, "seeds").split(",")) {
			try {
				seeds.add(Long.parseLong(s.trim()));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(
						"--seeds must be numbers separated by commas, was '" + o.get("seeds") + "'");
			}
		}
		Path dir = Path.of(Main.need(o, "dir"));
		Files.createDirectories(dir);
		DetectorConfig config = o.containsKey("config") ? DetectorConfig.load(Path.of(o.get("config")))
				: DetectorConfig.defaults();
		ArchetypeScore total = new ArchetypeScore();
		DefaultTotals totals = new DefaultTotals();
		for (long seed : seeds) {
			Path in = dir.resolve(generator + "-" + seed + ".csv");
			Path truth = dir.resolve(generator + "-" + seed + ".truth.csv");
			Path alertsFile = dir.resolve(generator + "-" + seed + ".alerts.csv");
			if (generator.equals("archetypes")) {
				Archetypes.write(size, days, seed, in, truth);
			}
			else {
				Generate.write(size, days, seed, in, truth);
			}
			Scan scan = new Scan(config);
			Scan.Result r = scan.run(in, alertsFile);
			Path considered = dir.resolve(generator + "-" + seed + ".considered.csv");
			scan.writeConsidered(considered);
			out.printf(
					"%n== %s generator, size %d, %d days, seed %d: %d transfers, %d accounts, %d alerts, scan %.2f s%n",
					generator, size, days, seed, r.transfers(), r.accounts(), r.alerts(), r.seconds());
			List<Alert> alerts = AlertCsv.read(alertsFile);
			if (generator.equals("archetypes")) {
				ArchetypeScore s = ArchetypeScore.score(alerts, truth, ArchetypeScore.readConsidered(considered));
				s.print(out);
				total.plus(s);
			}
			else {
				Evaluate.evaluate(alerts, truth).print(out);
				totals.add(alerts, truth, r.accounts());
			}
		}
		out.printf("%n== %s generator, all seeds %s%n", generator, seeds);
		if (generator.equals("archetypes")) {
			total.print(out);
		}
		else {
			totals.print(out);
		}
	}

	/** The default generator's figures over several seeds. */
	static final class DefaultTotals {

		/** Per pattern: planted, alerted with that pattern, alerted with any. */
		final Map<String, int[]> planted = new TreeMap<>();

		/** Per look-alike kind: accounts, flagged. */
		final Map<String, int[]> lookAlikes = new TreeMap<>();

		final int[] ordinary = new int[2];

		void add(List<Alert> alerts, Path truthFile, long accounts) throws IOException {
			Map<String, String> truth = Evaluate.readPairs(truthFile);
			String base = truthFile.getFileName().toString().replaceFirst("\\.csv$", "");
			Map<String, String> kinds = Evaluate.readPairs(truthFile.resolveSibling(base + ".kinds.csv"));
			Map<String, Set<String>> fired = new TreeMap<>();
			for (Alert a : alerts) {
				fired.computeIfAbsent(a.account(), (k) -> new HashSet<>()).add(a.pattern().name());
			}
			truth.forEach((account, pattern) -> {
				Set<String> got = fired.getOrDefault(account, Set.of());
				if (pattern.equals("NONE")) {
					int[] v = this.lookAlikes.computeIfAbsent(kinds.getOrDefault(account, "NONE"), (k) -> new int[2]);
					v[0]++;
					v[1] += got.isEmpty() ? 0 : 1;
				}
				else {
					int[] v = this.planted.computeIfAbsent(pattern, (k) -> new int[3]);
					v[0]++;
					v[1] += got.contains(pattern) ? 1 : 0;
					v[2] += got.isEmpty() ? 0 : 1;
				}
			});
			this.ordinary[0] += (int) (accounts - truth.size());
			this.ordinary[1] += (int) fired.keySet().stream().filter((a) -> !truth.containsKey(a)).count();
		}

		void print(PrintStream out) {
			out.printf("%-24s %8s %14s %12s%n", "pattern", "planted", "same pattern", "any alert");
			this.planted.forEach((p, v) -> out.printf("%-24s %8d %8d %5.3f %6d %5.3f%n", p, v[0], v[1],
					(double) v[1] / v[0], v[2], (double) v[2] / v[0]));
			out.println();
			out.printf("%-24s %8s %8s %8s%n", "look-alike kind", "accounts", "flagged", "rate");
			int[] all = new int[2];
			this.lookAlikes.forEach((k, v) -> {
				out.printf("%-24s %8d %8d %7.2f%%%n", k, v[0], v[1], 100.0 * v[1] / v[0]);
				all[0] += v[0];
				all[1] += v[1];
			});
			out.printf("%-24s %8d %8d %7.2f%%%n", "ALL", all[0], all[1], 100.0 * all[1] / Math.max(1, all[0]));
			out.printf(
					"%nordinary accounts: %d, flagged %d (%.3f%%); time to first alert: not known (no start dates)%n",
					this.ordinary[0], this.ordinary[1], 100.0 * this.ordinary[1] / Math.max(1, this.ordinary[0]));
		}

	}

}
