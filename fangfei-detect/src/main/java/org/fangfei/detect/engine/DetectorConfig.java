package org.fangfei.detect.engine;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.fangfei.detect.graph.GraphStage;

/**
 * Every threshold of the detector, immutable. {@link #load(Path)} reads a Java properties
 * file: missing keys keep their default, unknown keys and bad values are refused with a
 * message naming the key. The keys, defaults and ranges are listed in {@link #SETTINGS}
 * and in {@code docs/detector.md}.
 */
public final class DetectorConfig implements Serializable {

	/** Key, default, minimum, maximum (numbers) — the single list of settings. */
	static final List<Setting> SETTINGS = List.of(new Setting("lateness.minutes", "60", 0, 10_080),
			new Setting("alert.cooldownDays", "30", 0, 3650),
			new Setting("state.maxCounterparties", "1024", 16, 1 << 20), new Setting("state.ttlDays", "120", 1, 3650),
			new Setting("scatter.windowDays", "14", 1, 16), new Setting("scatter.minPayers", "20", 2, 1_000_000),
			new Setting("scatter.minNewShare", "0.6", 0, 1), new Setting("scatter.bigTicketYuan", "1000", 0, 1e9),
			new Setting("scatter.minBigTicketShare", "0.5", 0, 1), new Setting("scatter.baselineRatio", "3.0", 0, 1e6),
			new Setting("scatter.outWindowDays", "7", 1, 16), new Setting("scatter.maxOutflows", "3", 1, 4),
			new Setting("scatter.minLargeOutShare", "0.1", 0, 1), new Setting("scatter.minOutShare", "0.7", 0, 1),
			new Setting("scatter.maxOutShare", "1.5", 0, 1e6), new Setting("batch.spanHours", "48", 1, 24 * 14),
			new Setting("batch.minPayees", "10", 2, 1_000_000), new Setting("batch.maxPayoutYuan", "5000", 1, 1e9),
			new Setting("batch.minBatches", "3", 2, 8), new Setting("batch.minIntervalDays", "6.0", 1, 365),
			new Setting("batch.maxIntervalDays", "35.0", 1, 365), new Setting("batch.intervalTolerance", "0.25", 0, 1),
			new Setting("batch.minOverlap", "0.6", 0, 1), new Setting("batch.maxReturnShare", "0.1", 0, 1e6),
			new Setting("batch.minRepeatShare", "0.5", 0, 1), new Setting("batch.maxSizeRatio", "4.0", 1, 1e6),
			new Setting("batch.minAnnualYieldPercent", "6.0", 0, 1e6), new Setting("surge.windowDays", "7", 1, 16),
			new Setting("surge.minHistoryDays", "28", 0, 3650), new Setting("surge.minNewPayers", "30", 1, 1_000_000),
			new Setting("surge.ratio", "5.0", 0, 1e6), new Setting("surge.minNewShare", "0.6", 0, 1),
			new Setting("memo.windowDays", "30", 2, 366), new Setting("memo.minPayers", "8", 1, 1_000_000),
			new Setting("surge.minOutShare", "0.5", 0, 1e6), new Setting("surge.minBigTicketShare", "0.65", 0, 1),
			new Setting("surge.relayMinNewPayers", "8", 1, 1_000_000),
			new Setting("invest.minTicketYuan", "2000", 0, 1e9), new Setting("invest.windowDays", "30", 2, 366),
			new Setting("invest.minInvestorShare", "0.5", 0, 1), new Setting("payback.minInvestors", "4", 1, 1_000_000),
			new Setting("payback.minReturns", "3", 1, 1_000_000), new Setting("payback.minReturnShare", "0.005", 0, 1),
			new Setting("payback.maxReturnShare", "0.1", 0, 1),
			new Setting("payback.minAnnualYieldPercent", "6.0", 0, 1e6),
			new Setting("payback.baselineRatio", "2.0", 0, 1e6), new Setting("collect.minInvestors", "8", 1, 1_000_000),
			new Setting("collect.minLumpShare", "0.15", 0, 1e6), new Setting("collect.minOutShare", "0.3", 0, 1e6),
			new Setting("collect.maxOutShare", "1.5", 0, 1e6), new Setting("collect.baselineRatio", "3.0", 0, 1e6),
			new Setting("relay.minNewPayers", "12", 1, 1_000_000), new Setting("relay.minNewShare", "0.9", 0, 1),
			new Setting("relay.minOutShare", "0.5", 0, 1e6), new Setting("relay.growth", "1.5", 0, 1e6),
			new Setting("relay.minUnitRun", "5", 1, 65_535), new Setting("relay.minRunDays", "5", 1, 16),
			new Setting("scatter.closedDays", "2", 0, 13), new Setting("runoff.minOutShare", "0.7", 0, 1e6),
			new Setting("memo.subscriptionWords", "认购,入股", 0, 0), new Setting("graph.minLinkYuan", "20000", 0, 1e12),
			new Setting("graph.minReturns", "5", 1, 1_000_000),
			new Setting("memo.keywords", "投资,理财,分红,利息,返利,本金,认购,入股", 0, 0),
			new Setting("relay.newAccountMinDays", "7", 0, 3650));

	private static final long DAY = 86_400_000L;

	private final Map<String, String> values;

	final long latenessMillis;

	final long cooldownMillis;

	final int maxCounterparties;

	final long ttlMillis;

	final int scatterWindowDays;

	final int scatterMinPayers;

	final double scatterMinNewShare;

	final long scatterBigTicketFen;

	final double scatterMinBigTicketShare;

	final double scatterBaselineRatio;

	final long scatterOutWindowMillis;

	final int scatterMaxOutflows;

	final double scatterMinLargeOutShare;

	final double scatterMinOutShare;

	final double scatterMaxOutShare;

	final double batchMaxReturnShare;

	final double batchMinRepeatShare;

	final double batchMaxSizeRatio;

	final long batchSpanMillis;

	final int batchMinPayees;

	final long batchMaxPayoutFen;

	final int batchMinBatches;

	final double batchMinIntervalDays;

	final double batchMaxIntervalDays;

	final double batchIntervalTolerance;

	final double batchMinOverlap;

	final double batchMinAnnualYield;

	final int surgeWindowDays;

	final int surgeMinHistoryDays;

	final int surgeMinNewPayers;

	final double surgeRatio;

	final double surgeMinNewShare;

	final int memoWindowDays;

	final double surgeMinOutShare;

	/**
	 * Bits of the memo keywords that by themselves mean a share subscription (a co-op's
	 * 入股, a share plan's 认购).
	 */
	final int subscriptionBits;

	final double surgeMinBigTicketShare;

	final int surgeRelayMinNewPayers;

	final long investMinTicketFen;

	final int investWindowDays;

	final double investMinInvestorShare;

	final int paybackMinInvestors;

	final int paybackMinReturns;

	final double paybackMinReturnShare;

	final double paybackMaxReturnShare;

	final double paybackMinAnnualYield;

	final double paybackBaselineRatio;

	final int collectMinInvestors;

	final double collectMinLumpShare;

	final double collectMinOutShare;

	final double collectMaxOutShare;

	final double collectBaselineRatio;

	final int relayMinNewPayers;

	final double relayMinNewShare;

	final double relayMinOutShare;

	final double relayGrowth;

	final int relayMinUnitRun;

	/**
	 * Days over which the run of equal fees must have come for a relay: a class fund is
	 * collected within a few days.
	 */
	final int relayMinRunDays;

	/** Days without a new payer before a scatter outflow that make a closed window. */
	final int scatterClosedDays;

	/** Lumps ÷ investors' money for collect-and-transfer while collection goes on. */
	final double runoffMinOutShare;

	/**
	 * Days of life an account opened during the stream needs before the relay test: it
	 * has no baseline to beat, so it need not wait {@code surge.minHistoryDays} (fifth
	 * round of issue 19).
	 */
	final int relayNewAccountMinDays;

	private final GraphStage.Settings graph;

	/**
	 * The settings of the graph stage across accounts ({@code graph.*} and the investor
	 * keys).
	 */
	public GraphStage.Settings graphSettings() {
		return this.graph;
	}

	final int memoMinPayers;

	final MemoKeywords keywords;

	private DetectorConfig(Map<String, String> given) {
		Map<String, String> v = new LinkedHashMap<>();
		for (Setting s : SETTINGS) {
			v.put(s.key, given.getOrDefault(s.key, s.defaultValue).trim());
		}
		for (String key : given.keySet()) {
			if (!v.containsKey(key)) {
				throw new IllegalArgumentException("unknown detector setting '" + key + "'; known settings: "
						+ SETTINGS.stream().map(Setting::key).toList());
			}
		}
		this.values = Collections.unmodifiableMap(v);
		this.latenessMillis = num("lateness.minutes").longValue() * 60_000L;
		this.cooldownMillis = num("alert.cooldownDays").longValue() * DAY;
		this.maxCounterparties = num("state.maxCounterparties").intValue();
		this.ttlMillis = num("state.ttlDays").longValue() * DAY;
		this.scatterWindowDays = num("scatter.windowDays").intValue();
		this.scatterMinPayers = num("scatter.minPayers").intValue();
		this.scatterMinNewShare = num("scatter.minNewShare");
		this.scatterBigTicketFen = Math.round(num("scatter.bigTicketYuan") * 100);
		this.scatterMinBigTicketShare = num("scatter.minBigTicketShare");
		this.scatterBaselineRatio = num("scatter.baselineRatio");
		this.scatterOutWindowMillis = num("scatter.outWindowDays").longValue() * DAY;
		this.scatterMaxOutflows = num("scatter.maxOutflows").intValue();
		this.scatterMinLargeOutShare = num("scatter.minLargeOutShare");
		this.scatterMinOutShare = num("scatter.minOutShare");
		this.scatterMaxOutShare = num("scatter.maxOutShare");
		this.batchMaxReturnShare = num("batch.maxReturnShare");
		this.batchMinRepeatShare = num("batch.minRepeatShare");
		this.batchMaxSizeRatio = num("batch.maxSizeRatio");
		this.batchSpanMillis = num("batch.spanHours").longValue() * 3_600_000L;
		this.batchMinPayees = num("batch.minPayees").intValue();
		this.batchMaxPayoutFen = Math.round(num("batch.maxPayoutYuan") * 100);
		this.batchMinBatches = num("batch.minBatches").intValue();
		this.batchMinIntervalDays = num("batch.minIntervalDays");
		this.batchMaxIntervalDays = num("batch.maxIntervalDays");
		this.batchIntervalTolerance = num("batch.intervalTolerance");
		this.batchMinOverlap = num("batch.minOverlap");
		this.batchMinAnnualYield = num("batch.minAnnualYieldPercent") / 100.0;
		this.surgeWindowDays = num("surge.windowDays").intValue();
		this.surgeMinHistoryDays = num("surge.minHistoryDays").intValue();
		this.surgeMinNewPayers = num("surge.minNewPayers").intValue();
		this.surgeRatio = num("surge.ratio");
		this.surgeMinNewShare = num("surge.minNewShare");
		this.memoWindowDays = num("memo.windowDays").intValue();
		this.surgeMinOutShare = num("surge.minOutShare");
		this.surgeMinBigTicketShare = num("surge.minBigTicketShare");
		this.surgeRelayMinNewPayers = num("surge.relayMinNewPayers").intValue();
		this.investMinTicketFen = Math.round(num("invest.minTicketYuan") * 100);
		this.investWindowDays = num("invest.windowDays").intValue();
		this.investMinInvestorShare = num("invest.minInvestorShare");
		this.paybackMinInvestors = num("payback.minInvestors").intValue();
		this.paybackMinReturns = num("payback.minReturns").intValue();
		this.paybackMinReturnShare = num("payback.minReturnShare");
		this.paybackMaxReturnShare = num("payback.maxReturnShare");
		this.paybackMinAnnualYield = num("payback.minAnnualYieldPercent") / 100.0;
		this.paybackBaselineRatio = num("payback.baselineRatio");
		this.collectMinInvestors = num("collect.minInvestors").intValue();
		this.collectMinLumpShare = num("collect.minLumpShare");
		this.collectMinOutShare = num("collect.minOutShare");
		this.collectMaxOutShare = num("collect.maxOutShare");
		this.collectBaselineRatio = num("collect.baselineRatio");
		this.relayMinNewPayers = num("relay.minNewPayers").intValue();
		this.relayMinNewShare = num("relay.minNewShare");
		this.relayMinOutShare = num("relay.minOutShare");
		this.relayGrowth = num("relay.growth");
		this.relayMinUnitRun = num("relay.minUnitRun").intValue();
		this.relayMinRunDays = num("relay.minRunDays").intValue();
		this.scatterClosedDays = num("scatter.closedDays").intValue();
		this.runoffMinOutShare = num("runoff.minOutShare");
		this.relayNewAccountMinDays = num("relay.newAccountMinDays").intValue();
		this.graph = new GraphStage.Settings(this.investMinTicketFen, Math.round(num("graph.minLinkYuan") * 100),
				this.paybackMinReturnShare, this.paybackMaxReturnShare, num("graph.minReturns").intValue(),
				this.investWindowDays, this.cooldownMillis, this.surgeMinHistoryDays);
		this.memoMinPayers = num("memo.minPayers").intValue();
		this.keywords = new MemoKeywords(Arrays.stream(v.get("memo.keywords").split("[,，]"))
			.map(String::trim)
			.filter((k) -> !k.isEmpty())
			.toList());
		this.subscriptionBits = this.keywords.bitsOf(Arrays.stream(v.get("memo.subscriptionWords").split("[,，]"))
			.map(String::trim)
			.filter((k) -> !k.isEmpty())
			.toList());
		if (this.batchMinIntervalDays > this.batchMaxIntervalDays) {
			throw new IllegalArgumentException("batch.minIntervalDays must not exceed batch.maxIntervalDays");
		}
	}

	/** The documented defaults. */
	public static DetectorConfig defaults() {
		return new DetectorConfig(Map.of());
	}

	/** Defaults overridden by the given settings (same checks as {@link #load(Path)}). */
	public static DetectorConfig of(Map<String, String> settings) {
		return new DetectorConfig(settings);
	}

	/**
	 * Reads a properties file (UTF-8). Missing keys keep their defaults.
	 * @throws IllegalArgumentException for an unknown key or a bad value, naming it
	 * @throws java.io.UncheckedIOException when the file cannot be read
	 */
	public static DetectorConfig load(Path propertiesFile) {
		Properties p = new Properties();
		try (Reader r = Files.newBufferedReader(propertiesFile, StandardCharsets.UTF_8)) {
			p.load(r);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException("cannot read detector settings " + propertiesFile, ex);
		}
		Map<String, String> m = new LinkedHashMap<>();
		p.stringPropertyNames().forEach((k) -> m.put(k, p.getProperty(k)));
		return new DetectorConfig(m);
	}

	/**
	 * Bit set of the configured memo keywords in {@code memo} (bit i = keyword i), the
	 * value a caller may put in {@link Leg#memoKeywords} when it knows it already.
	 */
	public int memoKeywords(String memo) {
		return this.keywords.match(memo);
	}

	/**
	 * How late (behind the latest time seen) a transfer may arrive and still be
	 * reordered.
	 */
	public long latenessMillis() {
		return this.latenessMillis;
	}

	/**
	 * After this long without activity an account's state may be dropped (Flink state
	 * TTL).
	 */
	public long stateTtlMillis() {
		return this.ttlMillis;
	}

	/** An account alerts at most once per pattern within this period. */
	public long cooldownMillis() {
		return this.cooldownMillis;
	}

	/** The effective value of a setting, as text. */
	public String get(String key) {
		String value = this.values.get(key);
		if (value == null) {
			throw new IllegalArgumentException("unknown detector setting '" + key + "'");
		}
		return value;
	}

	/** All effective settings in documentation order. */
	public Map<String, String> asMap() {
		return this.values;
	}

	private Double num(String key) {
		Setting s = SETTINGS.stream().filter((x) -> x.key.equals(key)).findFirst().orElseThrow();
		String text = this.values.get(key);
		double d;
		try {
			d = Double.parseDouble(text);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("detector setting " + key + " = '" + text + "' is not a number");
		}
		if (!(d >= s.min && d <= s.max)) {
			throw new IllegalArgumentException(
					"detector setting " + key + " = " + text + " is outside " + s.min + " .. " + s.max);
		}
		boolean integral = !s.defaultValue.contains(".");
		if (integral && d != Math.rint(d)) {
			throw new IllegalArgumentException("detector setting " + key + " = " + text + " must be a whole number");
		}
		return d;
	}

	record Setting(String key, String defaultValue, double min, double max) implements Serializable {
	}

}
