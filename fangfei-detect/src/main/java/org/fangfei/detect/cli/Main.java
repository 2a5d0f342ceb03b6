package org.fangfei.detect.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.fangfei.detect.BadInputException;
import org.fangfei.detect.archetype.Archetypes;
import org.fangfei.detect.engine.DetectorConfig;
import org.fangfei.detect.engine.Scan;
import org.fangfei.detect.generate.Generate;
import org.fangfei.detect.screen.ScreenCsv;
import org.fangfei.detect.screen.ScreenDictionary;
import org.fangfei.detect.screen.Screener;

/**
 * Command line: {@code scan}, {@code screen}, {@code generate}, {@code evaluate}. Exit
 * code 0 on success, 2 on bad input or usage, with the reason on stderr.
 */
public final class Main {

	private static final String USAGE = """
			usage:
			  scan --in FILE --out FILE [--config FILE] [--considered FILE]
			  screen --in texts.csv --out scores.csv [--dictionary FILE]
			  generate --accounts N --days D --seed S --out FILE --truth FILE
			  generate --generator archetypes --people N --days D --seed S --out FILE --truth FILE
			  evaluate --alerts FILE --truth FILE [--considered FILE] [--transfers FILE [--naive-payers N]]
			  evaluate --generator default|archetypes --size N --days D --seeds S1,S2,... --dir DIR [--config FILE]
			""";

	private Main() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/** Runs a command; returns the exit code. */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length == 0) {
			err.print(USAGE);
			return 2;
		}
		try {
			Map<String, String> o = options(args);
			switch (args[0]) {
				case "scan" -> scan(o, out);
				case "screen" -> screen(o, out);
				case "generate" -> generate(o, out);
				case "evaluate" -> Evaluate.main(o, out);
				default -> throw new IllegalArgumentException("unknown command '" + args[0] + "'");
			}
			return 0;
		}
		catch (BadInputException | IllegalArgumentException ex) {
			err.println("error: " + ex.getMessage());
			return 2;
		}
		catch (Exception ex) {
			err.println("error: " + ex);
			return 1;
		}
	}

	private static void scan(Map<String, String> o, PrintStream out) throws Exception {
		DetectorConfig config = o.containsKey("config") ? DetectorConfig.load(Path.of(o.get("config")))
				: DetectorConfig.defaults();
		java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
		long cpu0 = mx.getCurrentThreadCpuTime();
		Scan scan = new Scan(config);
		Scan.Result r = scan.run(Path.of(need(o, "in")), Path.of(need(o, "out")));
		if (o.containsKey("considered")) {
			scan.writeConsidered(Path.of(o.get("considered")));
		}
		double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
		out.printf("transfers read: %d%n", r.transfers());
		out.printf("accounts: %d%n", r.accounts());
		out.printf("alerts written: %d%n", r.alerts());
		out.printf("seconds: %.2f%n", r.seconds());
		out.printf("transfers/s: %.0f%n", r.transfersPerSecond());
		out.printf("cpu seconds (scan thread): %.2f (%.0f transfers per cpu second)%n", cpu, r.transfers() / cpu);
	}

	private static void screen(Map<String, String> o, PrintStream out) throws IOException {
		ScreenDictionary dictionary = o.containsKey("dictionary") ? ScreenDictionary.load(Path.of(o.get("dictionary")))
				: ScreenDictionary.builtIn();
		ScreenCsv.Result r = ScreenCsv.run(new Screener(dictionary), Path.of(need(o, "in")), Path.of(need(o, "out")));
		out.printf("texts read: %d%n", r.texts());
		out.printf("flagged (score >= %d): %d%n", Screener.THRESHOLD, r.flagged());
		out.printf("seconds: %.2f%n", r.seconds());
	}

	private static void generate(Map<String, String> o, PrintStream out) throws IOException {
		String generator = o.getOrDefault("generator", "default");
		if (!generator.equals("default") && !generator.equals("archetypes")) {
			throw new IllegalArgumentException("--generator must be default or archetypes, was '" + generator + "'");
		}
		boolean archetypes = generator.equals("archetypes");
		int size = Integer.parseInt(need(o, archetypes ? "people" : "accounts"));
		int days = Integer.parseInt(need(o, "days"));
		long seed = Long.parseLong(need(o, "seed"));
		Path file = Path.of(need(o, "out"));
		Path truth = Path.of(need(o, "truth"));
		long t0 = System.nanoTime();
		long rows = archetypes ? Archetypes.write(size, days, seed, file, truth)
				: Generate.write(size, days, seed, file, truth);
		double s = (System.nanoTime() - t0) / 1e9;
		out.printf("transfers written: %d%nseconds: %.2f%ntransfers/s: %.0f%n", rows, s, rows / s);
	}

	static String need(Map<String, String> o, String key) {
		String v = o.get(key);
		if (v == null) {
			throw new IllegalArgumentException("missing --" + key + "\n" + USAGE);
		}
		return v;
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> o = new HashMap<>();
		for (int i = 1; i < args.length; i += 2) {
			if (!args[i].startsWith("--") || i + 1 >= args.length) {
				throw new IllegalArgumentException("expected --option value, got '" + args[i] + "'\n" + USAGE);
			}
			o.put(args[i].substring(2), args[i + 1]);
		}
		return o;
	}

}
