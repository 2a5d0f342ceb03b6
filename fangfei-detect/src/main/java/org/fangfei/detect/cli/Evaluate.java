package org.fangfei.detect.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.fangfei.detect.Alert;
import org.fangfei.detect.BadInputException;
import org.fangfei.detect.Pattern;
import org.fangfei.detect.io.AlertCsv;
import org.fangfei.detect.io.Csv;
import org.fangfei.detect.io.Transfer;
import org.fangfei.detect.io.TransferCsvReader;

/**
 * {@code evaluate}: per planted pattern, the share of its scheme accounts that got an
 * alert of that pattern (recall); per look-alike kind, the share of its accounts that got
 * any alert; and how many other (ordinary) accounts got alerts.
 */
final class Evaluate {

	private static final long WEEK = 7 * 86_400_000L;

	private Evaluate() {
	}

	static void main(Map<String, String> o, PrintStream out) throws IOException {
		if (o.containsKey("seeds")) {
			EvaluateRuns.main(o, out);
			return;
		}
		Path alertsFile = Path.of(Main.need(o, "alerts"));
		Path truthFile = Path.of(Main.need(o, "truth"));
		if (ArchetypeScore.isArchetypeTruth(truthFile)) {
			ArchetypeScore.score(AlertCsv.read(alertsFile), truthFile, o.containsKey("considered")
					? ArchetypeScore.readConsidered(Path.of(o.get("considered"))) : Map.of())
				.print(out);
			return;
		}
		Report r = evaluate(AlertCsv.read(alertsFile), truthFile);
		r.print(out);
		if (o.containsKey("transfers")) {
			naive(Path.of(o.get("transfers")), truthFile, Integer.parseInt(o.getOrDefault("naive-payers", "20")), out);
		}
	}

	/**
	 * For comparison: how many truth accounts a naive rule "at least N distinct payers
	 * within one calendar week" would flag, per pattern and per look-alike kind.
	 */
	static void naive(Path transfers, Path truthFile, int n, PrintStream out) throws IOException {
		Map<String, String> truth = readPairs(truthFile);
		String base = truthFile.getFileName().toString().replaceFirst("\\.csv$", "");
		Path kindsFile = truthFile.resolveSibling(base + ".kinds.csv");
		Map<String, String> kinds = Files.exists(kindsFile) ? readPairs(kindsFile) : truth;
		Map<String, Map<Long, Set<String>>> weeks = new HashMap<>();
		Set<String> flagged = new java.util.HashSet<>();
		try (TransferCsvReader r = TransferCsvReader.open(transfers)) {
			while (r.hasNext()) {
				Transfer t = r.next();
				if (!kinds.containsKey(t.payeeAccount()) || flagged.contains(t.payeeAccount())) {
					continue;
				}
				long week = Math.floorDiv(t.time(), WEEK);
				Set<String> payers = weeks.computeIfAbsent(t.payeeAccount(), (k) -> new HashMap<>())
					.computeIfAbsent(week, (k) -> new java.util.HashSet<>());
				payers.add(t.payerAccount());
				if (payers.size() >= n) {
					flagged.add(t.payeeAccount());
					weeks.remove(t.payeeAccount());
				}
			}
		}
		Map<String, int[]> byKind = new TreeMap<>();
		kinds.forEach((account, kind) -> {
			int[] v = byKind.computeIfAbsent(kind, (k) -> new int[2]);
			v[0]++;
			v[1] += flagged.contains(account) ? 1 : 0;
		});
		out.println();
		out.printf("naive rule for comparison: >= %d distinct payers within one calendar week%n", n);
		out.printf("%-24s %8s %8s %7s%n", "kind", "accounts", "flagged", "rate");
		byKind.forEach((k, v) -> out.printf("%-24s %8d %8d %6.1f%%%n", k, v[0], v[1], 100.0 * v[1] / v[0]));
	}

	/** The figures of one evaluation. */
	record Report(Map<Pattern, int[]> recall, Map<String, int[]> lookAlikes, Map<String, Integer> firedOnLookAlikes,
			int othersFlagged, int alerts) {

		double recallOf(Pattern p) {
			int[] v = this.recall.get(p);
			return (v[0] == 0) ? 0 : (double) v[1] / v[0];
		}

		double lookAlikeRate() {
			int[] all = this.lookAlikes.get("ALL");
			return (all[0] == 0) ? 0 : (double) all[1] / all[0];
		}

		void print(PrintStream out) {
			out.printf("%-24s %8s %8s %7s%n", "pattern", "planted", "alerted", "recall");
			this.recall.forEach((p, v) -> out.printf("%-24s %8d %8d %7.3f%n", p, v[0], v[1], recallOf(p)));
			out.println();
			out.printf("%-24s %8s %8s %7s  %s%n", "look-alike kind", "accounts", "flagged", "rate", "patterns fired");
			this.lookAlikes.forEach((k, v) -> out.printf("%-24s %8d %8d %6.2f%%  %s%n", k, v[0], v[1],
					(v[0] == 0) ? 0 : 100.0 * v[1] / v[0], this.firedOnLookAlikes.getOrDefault(k, 0)));
			out.println();
			out.printf("alerts: %d; other (ordinary) accounts flagged: %d%n", this.alerts, this.othersFlagged);
		}

	}

	static Report evaluate(List<Alert> alerts, Path truthFile) throws IOException {
		Map<String, String> truth = readPairs(truthFile);
		String base = truthFile.getFileName().toString().replaceFirst("\\.csv$", "");
		Path kindsFile = truthFile.resolveSibling(base + ".kinds.csv");
		Map<String, String> kinds = Files.exists(kindsFile) ? readPairs(kindsFile) : Map.of();
		Map<String, Set<Pattern>> fired = new HashMap<>();
		for (Alert a : alerts) {
			fired.computeIfAbsent(a.account(), (k) -> EnumSet.noneOf(Pattern.class)).add(a.pattern());
		}
		Map<Pattern, int[]> recall = new EnumMap<>(Pattern.class);
		for (Pattern p : Pattern.values()) {
			recall.put(p, new int[2]);
		}
		Map<String, int[]> look = new TreeMap<>();
		Map<String, Integer> firedCount = new HashMap<>();
		int[] all = new int[2];
		truth.forEach((account, pattern) -> {
			Set<Pattern> got = fired.getOrDefault(account, Set.of());
			if (pattern.equals("NONE")) {
				String kind = kinds.getOrDefault(account, "NONE");
				int[] v = look.computeIfAbsent(kind, (k) -> new int[2]);
				v[0]++;
				all[0]++;
				if (!got.isEmpty()) {
					v[1]++;
					all[1]++;
					firedCount.merge(kind, got.size(), Integer::sum);
				}
			}
			else {
				int[] v = recall.get(Pattern.valueOf(pattern));
				v[0]++;
				if (got.contains(Pattern.valueOf(pattern))) {
					v[1]++;
				}
			}
		});
		Map<String, int[]> ordered = new LinkedHashMap<>(look);
		ordered.put("ALL", all);
		int others = (int) fired.keySet().stream().filter((a) -> !truth.containsKey(a)).count();
		return new Report(recall, ordered, firedCount, others, alerts.size());
	}

	static Map<String, String> readPairs(Path file) throws IOException {
		Map<String, String> m = new LinkedHashMap<>();
		try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String line = r.readLine();
			long n = 1;
			while ((line = r.readLine()) != null) {
				n++;
				List<String> f = Csv.split(line, n);
				if (f.size() != 2) {
					throw new BadInputException(n, file.getFileName() + ": expected 2 columns");
				}
				m.put(f.get(0), f.get(1));
			}
		}
		return m;
	}

}
