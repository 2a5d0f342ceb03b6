package org.fangfei.detect.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.fangfei.detect.Alert;
import org.fangfei.detect.BadInputException;
import org.fangfei.detect.archetype.Archetypes;
import org.fangfei.detect.io.Csv;

/**
 * Scores alerts against the archetype generator's truth
 * ({@code account,class,type,group,start,role}): a scheme is caught when any of its
 * accounts alerts on or after its start (an alert before it is not about the scheme), and
 * its time to first alert runs from the start day's midnight to the earliest such alert's
 * last transfer; a look-alike account or a person is flagged when it has any alert.
 * People who invested or were members are counted apart from those who took part in
 * nothing. Scores of several seeds add up with {@link #plus}.
 */
final class ArchetypeScore {

	private static final double DAY_MILLIS = 86_400_000.0;

	/** Per archetype: schemes, caught, and the days to first alert of each caught one. */
	final Map<String, List<Double>> caughtDays = new TreeMap<>();

	final Map<String, int[]> schemes = new TreeMap<>();

	/** Per look-alike kind: accounts, flagged; and the patterns that fired on them. */
	final Map<String, int[]> lookAlikes = new TreeMap<>();

	final Map<String, Map<String, Integer>> lookAlikePatterns = new TreeMap<>();

	/**
	 * Per look-alike kind: of the accounts not flagged, how many a look-alike guard held
	 * back, by reason.
	 */
	final Map<String, Map<String, Integer>> heldBack = new TreeMap<>();

	/** Per scheme archetype: the pattern of each caught scheme's first alert. */
	final Map<String, Map<String, Integer>> firstPatterns = new TreeMap<>();

	/**
	 * People who took part in nothing, people who invested or were members, background
	 * businesses: [accounts, flagged].
	 */
	final int[] people = new int[2];

	final int[] involved = new int[2];

	final int[] background = new int[2];

	/** Flagged people who took part in nothing, by occupation (type). */
	final Map<String, int[]> peopleByType = new TreeMap<>();

	int alerts;

	/** Scores one run. */
	static ArchetypeScore score(List<Alert> alerts, Path truthFile) throws IOException {
		return score(alerts, truthFile, Map.of());
	}

	/** Reads the file of {@code scan --considered}: account to its reasons. */
	static Map<String, List<String>> readConsidered(Path file) throws IOException {
		Map<String, List<String>> m = new HashMap<>();
		try (var lines = java.nio.file.Files.lines(file)) {
			lines.skip(1).forEach((line) -> {
				String[] f = line.split(",", 3);
				if (f.length >= 2) {
					m.put(f[0], List.of(f[1].split("\\|")));
				}
			});
		}
		return m;
	}

	/**
	 * Scores one run; {@code considered} (account to reasons) says why look-alikes that
	 * were not flagged were held back.
	 */
	static ArchetypeScore score(List<Alert> alerts, Path truthFile, Map<String, List<String>> considered)
			throws IOException {
		Map<String, List<Alert>> byAccount = new HashMap<>();
		for (Alert a : alerts) {
			byAccount.computeIfAbsent(a.account(), (k) -> new ArrayList<>()).add(a);
		}
		ArchetypeScore s = new ArchetypeScore();
		s.alerts = alerts.size();
		for (String type : Archetypes.SCHEMES) {
			s.schemes.put(type, new int[2]);
			s.caughtDays.put(type, new ArrayList<>());
		}
		for (String kind : Archetypes.LOOK_ALIKES) {
			s.lookAlikes.put(kind, new int[2]);
		}
		Map<String, Alert> firstOfScheme = new TreeMap<>();
		Map<String, Long> startOfScheme = new HashMap<>();
		Map<String, String> typeOfScheme = new HashMap<>();
		for (String[] row : readTruth(truthFile)) {
			List<Alert> got = byAccount.getOrDefault(row[0], List.of());
			switch (row[1]) {
				case "SCHEME" -> {
					long start = LocalDate.parse(row[4]).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
					startOfScheme.put(row[3], start);
					typeOfScheme.put(row[3], row[2]);
					for (Alert a : got) {
						Alert first = firstOfScheme.get(row[3]);
						if (a.lastTime() >= start && (first == null || a.lastTime() < first.lastTime())) {
							firstOfScheme.put(row[3], a);
						}
					}
				}
				case "LOOKALIKE" -> {
					int[] v = s.lookAlikes.computeIfAbsent(row[2], (k) -> new int[2]);
					v[0]++;
					v[1] += got.isEmpty() ? 0 : 1;
					for (Alert a : got) {
						s.lookAlikePatterns.computeIfAbsent(row[2], (k) -> new TreeMap<>())
							.merge(a.pattern().name(), 1, Integer::sum);
					}
					if (got.isEmpty()) {
						for (String why : considered.getOrDefault(row[0], List.of())) {
							s.heldBack.computeIfAbsent(row[2], (k) -> new TreeMap<>()).merge(why, 1, Integer::sum);
						}
					}
				}
				case "PERSON" -> {
					count(row[5].isEmpty() ? s.people : s.involved, got);
					if (row[5].isEmpty()) {
						count(s.peopleByType.computeIfAbsent(row[2], (k) -> new int[2]), got);
					}
				}
				default -> count(s.background, got);
			}
		}
		typeOfScheme.forEach((group, type) -> {
			s.schemes.computeIfAbsent(type, (k) -> new int[2])[0]++;
			Alert first = firstOfScheme.get(group);
			if (first != null) {
				s.schemes.get(type)[1]++;
				s.caughtDays.computeIfAbsent(type, (k) -> new ArrayList<>())
					.add((first.lastTime() - startOfScheme.get(group)) / DAY_MILLIS);
				s.firstPatterns.computeIfAbsent(type, (k) -> new TreeMap<>())
					.merge(first.pattern().name(), 1, Integer::sum);
			}
		});
		return s;
	}

	private static void count(int[] v, List<Alert> got) {
		v[0]++;
		v[1] += got.isEmpty() ? 0 : 1;
	}

	/** Adds another run's figures to these. */
	ArchetypeScore plus(ArchetypeScore o) {
		o.schemes.forEach((k, v) -> add(this.schemes.computeIfAbsent(k, (x) -> new int[2]), v));
		o.caughtDays.forEach((k, v) -> this.caughtDays.computeIfAbsent(k, (x) -> new ArrayList<>()).addAll(v));
		o.lookAlikes.forEach((k, v) -> add(this.lookAlikes.computeIfAbsent(k, (x) -> new int[2]), v));
		o.lookAlikePatterns.forEach((k, v) -> v.forEach(
				(p, n) -> this.lookAlikePatterns.computeIfAbsent(k, (x) -> new TreeMap<>()).merge(p, n, Integer::sum)));
		o.heldBack.forEach((k, v) -> v
			.forEach((p, n) -> this.heldBack.computeIfAbsent(k, (x) -> new TreeMap<>()).merge(p, n, Integer::sum)));
		o.firstPatterns.forEach((k, v) -> v.forEach(
				(p, n) -> this.firstPatterns.computeIfAbsent(k, (x) -> new TreeMap<>()).merge(p, n, Integer::sum)));
		o.peopleByType.forEach((k, v) -> add(this.peopleByType.computeIfAbsent(k, (x) -> new int[2]), v));
		add(this.people, o.people);
		add(this.involved, o.involved);
		add(this.background, o.background);
		this.alerts += o.alerts;
		return this;
	}

	private static void add(int[] a, int[] b) {
		a[0] += b[0];
		a[1] += b[1];
	}

	/** Schemes caught over schemes planted, all archetypes. */
	double recall() {
		int[] all = total(this.schemes);
		return (all[0] == 0) ? 0 : (double) all[1] / all[0];
	}

	double recallOf(String type) {
		int[] v = this.schemes.get(type);
		return (v == null || v[0] == 0) ? 0 : (double) v[1] / v[0];
	}

	/** Flagged look-alike accounts over all look-alike accounts. */
	double lookAlikeRate() {
		int[] all = total(this.lookAlikes);
		return (all[0] == 0) ? 0 : (double) all[1] / all[0];
	}

	double peopleRate() {
		return (this.people[0] == 0) ? 0 : (double) this.people[1] / this.people[0];
	}

	/** All caught schemes' days to first alert, sorted. */
	List<Double> allDays() {
		List<Double> all = new ArrayList<>();
		this.caughtDays.values().forEach(all::addAll);
		Collections.sort(all);
		return all;
	}

	/** Nearest-rank percentile ({@code q} in 0..1) of sorted values; NaN when empty. */
	static double percentile(List<Double> sorted, double q) {
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(q * sorted.size());
		return sorted.get(Math.max(0, rank - 1));
	}

	private static int[] total(Map<String, int[]> m) {
		int[] all = new int[2];
		m.values().forEach((v) -> add(all, v));
		return all;
	}

	void print(PrintStream out) {
		out.printf("%-22s %7s %7s %7s %11s %9s %10s  %s%n", "archetype", "schemes", "caught", "recall", "median days",
				"p90 days", "within 30", "first alert by");
		this.schemes.forEach((type, v) -> printScheme(out, type, v, sortedDays(type)));
		printScheme(out, "ALL", total(this.schemes), allDays());
		out.println();
		out.printf("%-22s %8s %8s %8s  %s  %s%n", "look-alike kind", "accounts", "flagged", "rate", "patterns fired",
				"not flagged, held back by");
		this.lookAlikes.forEach((k, v) -> out.printf("%-22s %8d %8d %7.2f%%  %s  %s%n", k, v[0], v[1], pct(v),
				this.lookAlikePatterns.getOrDefault(k, Map.of()), this.heldBack.getOrDefault(k, Map.of())));
		int[] all = total(this.lookAlikes);
		out.printf("%-22s %8d %8d %7.2f%%%n", "ALL", all[0], all[1], pct(all));
		out.println();
		out.printf("people who took part in nothing: %d, flagged %d (%.3f%%)%n", this.people[0], this.people[1],
				pct(this.people));
		this.peopleByType.forEach((k, v) -> out.printf("  of them %s: %d, flagged %d%n", k, v[0], v[1]));
		out.printf("people who invested or were members: %d, flagged %d (%.3f%%)%n", this.involved[0], this.involved[1],
				pct(this.involved));
		out.printf("background businesses: %d, flagged %d (%.2f%%)%n", this.background[0], this.background[1],
				pct(this.background));
		out.printf("alerts: %d%n", this.alerts);
	}

	private List<Double> sortedDays(String type) {
		List<Double> d = new ArrayList<>(this.caughtDays.getOrDefault(type, List.of()));
		Collections.sort(d);
		return d;
	}

	private void printScheme(PrintStream out, String type, int[] v, List<Double> days) {
		long within = days.stream().filter((d) -> d <= 30).count();
		out.printf("%-22s %7d %7d %7.3f %11s %9s %10d  %s%n", type, v[0], v[1],
				(v[0] == 0) ? 0.0 : (double) v[1] / v[0], fmt(percentile(days, 0.5)), fmt(percentile(days, 0.9)),
				within, type.equals("ALL") ? "" : this.firstPatterns.getOrDefault(type, Map.of()));
	}

	private static String fmt(double d) {
		return Double.isNaN(d) ? "-" : String.format("%.1f", d);
	}

	private static double pct(int[] v) {
		return (v[0] == 0) ? 0 : 100.0 * v[1] / v[0];
	}

	/** True when the file starts with the archetype truth header. */
	static boolean isArchetypeTruth(Path file) throws IOException {
		try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String head = r.readLine();
			return head != null && head.replace("\uFEFF", "").equals(Archetypes.TRUTH_HEADER);
		}
	}

	private static List<String[]> readTruth(Path file) throws IOException {
		List<String[]> rows = new ArrayList<>();
		try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String head = r.readLine();
			if (head == null || !head.replace("\uFEFF", "").equals(Archetypes.TRUTH_HEADER)) {
				throw new BadInputException(1,
						file.getFileName() + ": header must be '" + Archetypes.TRUTH_HEADER + "'");
			}
			String line;
			long n = 1;
			while ((line = r.readLine()) != null) {
				n++;
				List<String> f = Csv.split(line, n);
				if (f.size() != 6) {
					throw new BadInputException(n, file.getFileName() + ": expected 6 columns but found " + f.size());
				}
				if (f.get(1).equals("SCHEME") && !f.get(4).matches("\\d{4}-\\d{2}-\\d{2}")) {
					throw new BadInputException(n, file.getFileName() + ": a scheme account needs its start date");
				}
				rows.add(f.toArray(new String[0]));
			}
		}
		return rows;
	}

}
