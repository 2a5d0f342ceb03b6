package org.fangfei.detect.archetype;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.fangfei.detect.io.Transfer;
import org.fangfei.detect.io.TransferCsvReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The archetype generator: deterministic, complete, and of sane volumes and times. */
class ArchetypesTest {

	private static final int PEOPLE = 4000;

	private static final int DAYS = 150;

	@TempDir
	static Path dir;

	static Path transfers;

	static Path truth;

	static Map<String, String[]> labels = new HashMap<>();

	@BeforeAll
	static void generate() throws IOException {
		transfers = dir.resolve("a.csv");
		truth = dir.resolve("a-truth.csv");
		Archetypes.write(PEOPLE, DAYS, 11, transfers, truth);
		List<String> lines = Files.readAllLines(truth, StandardCharsets.UTF_8);
		assertThat(lines.get(0)).isEqualTo(Archetypes.TRUTH_HEADER);
		for (String line : lines.subList(1, lines.size())) {
			String[] f = line.split(",", -1);
			assertThat(f).hasSize(6);
			labels.put(f[0], f);
		}
	}

	@Test
	void sameSeedSameBytesOtherSeedOtherBytes() throws IOException {
		Path a = dir.resolve("b.csv.gz");
		Path ta = dir.resolve("b-truth.csv");
		Archetypes.write(PEOPLE, DAYS, 11, a, ta);
		Path b = dir.resolve("c.csv.gz");
		Archetypes.write(PEOPLE, DAYS, 11, b, dir.resolve("c-truth.csv"));
		assertThat(Files.mismatch(a, b)).isEqualTo(-1L);
		assertThat(Files.mismatch(ta, truth)).isEqualTo(-1L);
		Path other = dir.resolve("d.csv.gz");
		Archetypes.write(PEOPLE, DAYS, 12, other, dir.resolve("d-truth.csv"));
		assertThat(Files.mismatch(a, other)).isNotEqualTo(-1L);
	}

	@Test
	void everyArchetypeAndLookAlikeIsInTheTruth() {
		Set<String> schemes = new HashSet<>();
		Set<String> lookAlikes = new HashSet<>();
		Map<String, Integer> people = new HashMap<>();
		for (String[] f : labels.values()) {
			switch (f[1]) {
				case "SCHEME" -> {
					schemes.add(f[2]);
					int start = (int) (LocalDate.parse(f[4]).toEpochDay() - LocalDate.of(2024, 1, 1).toEpochDay());
					assertThat(start).as(f[3]).isBetween(35, DAYS - 60);
					assertThat(f[3]).startsWith(f[2] + "-");
				}
				case "LOOKALIKE" -> lookAlikes.add(f[2]);
				case "PERSON" -> people.merge(f[5], 1, Integer::sum);
				default -> assertThat(f[1]).isEqualTo("BACKGROUND");
			}
		}
		assertThat(schemes).containsExactlyInAnyOrderElementsOf(Archetypes.SCHEMES);
		assertThat(lookAlikes).containsExactlyInAnyOrderElementsOf(Archetypes.LOOK_ALIKES);
		assertThat(people.get("")).isGreaterThan(PEOPLE / 4);
		assertThat(people).containsKeys("INVESTOR", "MEMBER");
	}

	@Test
	void volumesTimesAndAccountsAreSane() throws IOException {
		long rows = 0;
		long first = Long.MAX_VALUE;
		long last = Long.MIN_VALUE;
		long previous = Long.MIN_VALUE;
		Map<String, Long> firstInflowOfCollector = new HashMap<>();
		try (TransferCsvReader r = TransferCsvReader.open(transfers)) {
			while (r.hasNext()) {
				Transfer t = r.next();
				rows++;
				assertThat(t.time()).isGreaterThanOrEqualTo(previous);
				previous = t.time();
				first = Math.min(first, t.time());
				last = Math.max(last, t.time());
				assertThat(t.amountFen()).isBetween(1L, 100_000_000_00L);
				assertThat(labels).containsKeys(t.payerAccount(), t.payeeAccount());
				String[] payee = labels.get(t.payeeAccount());
				String[] payer = labels.get(t.payerAccount());
				if (payee[1].equals("SCHEME") && payee[5].equals("COLLECTOR") && payer[1].equals("PERSON")) {
					firstInflowOfCollector.merge(payee[3], t.time(), Math::min);
				}
			}
		}
		double perPersonMonth = rows / (double) PEOPLE / (DAYS / 30.0);
		assertThat(perPersonMonth).isBetween(5.0, 15.0);
		assertThat(first).isGreaterThanOrEqualTo(day(0));
		assertThat(last).isLessThan(day(DAYS));
		assertThat(firstInflowOfCollector).hasSizeGreaterThanOrEqualTo(Archetypes.SCHEMES.size() * 3);
		// a collector company's first money from people comes on its start (some have
		// ordinary business before)
		for (String[] f : labels.values()) {
			if (f[1].equals("SCHEME") && f[5].equals("COLLECTOR") && f[0].startsWith("3")) {
				long start = LocalDate.parse(f[4]).toEpochDay() * 86_400_000L;
				assertThat(firstInflowOfCollector.get(f[3])).as(f[3]).isBetween(start, start + 21 * 86_400_000L);
			}
		}
	}

	private static long day(int d) {
		return LocalDate.of(2024, 1, 1).plusDays(d).toEpochDay() * 86_400_000L;
	}

	@Test
	void tooSmallACountyOrAWrongSpanIsRefused() {
		assertThatThrownBy(() -> Archetypes.write(1999, 150, 1, dir.resolve("x.csv"), dir.resolve("y.csv")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("--people must be at least 2000, was 1999");
		assertThatThrownBy(() -> Archetypes.write(2000, 119, 1, dir.resolve("x.csv"), dir.resolve("y.csv")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("--days must be 120 to 366, was 119");
		assertThat(dir.resolve("x.csv")).doesNotExist();
	}

}
