package org.fangfei.detect.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.fangfei.detect.Alert;
import org.fangfei.detect.BadInputException;
import org.fangfei.detect.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** evaluate's arithmetic on a hand-made truth file and hand-made alerts. */
class ArchetypeScoreTest {

	@TempDir
	Path dir;

	private static final String TRUTH = """
			account,class,type,group,start,role
			C1,SCHEME,PONZI_GROWTH,PONZI_GROWTH-0,2024-03-01,COLLECTOR
			K1,SCHEME,PONZI_GROWTH,PONZI_GROWTH-0,2024-03-01,CONTROLLER
			C2,SCHEME,PONZI_GROWTH,PONZI_GROWTH-1,2024-04-01,COLLECTOR
			C3,SCHEME,TWO_ACCOUNT,TWO_ACCOUNT-0,2024-02-01,COLLECTOR
			P3,SCHEME,TWO_ACCOUNT,TWO_ACCOUNT-0,2024-02-01,PAYER
			C4,SCHEME,RUN_OFF,RUN_OFF-0,2024-02-10,COLLECTOR
			W1,LOOKALIKE,WEDDING_GIFTS,WEDDING_GIFTS-0,2024-01-20,ORGANISER
			W2,LOOKALIKE,WEDDING_GIFTS,WEDDING_GIFTS-1,2024-02-20,ORGANISER
			T1,LOOKALIKE,TEMPLE,TEMPLE-0,2024-01-01,ORGANISER
			A,PERSON,PERSON,,,
			B,PERSON,PERSON,,,
			D,PERSON,PERSON,,,
			E,PERSON,PERSON,,,
			I,PERSON,PERSON,,,INVESTOR
			S,BACKGROUND,SHOP,,,
			""";

	private static Alert alert(String account, Pattern p, String lastTime) {
		long t = LocalDateTime.parse(lastTime).toInstant(ZoneOffset.UTC).toEpochMilli();
		return new Alert(account + "-" + p + "-" + t, account, p, 50, t, t, 1, 0, 0, 1, "");
	}

	private ArchetypeScore score(List<Alert> alerts) throws IOException {
		Path truth = this.dir.resolve("truth.csv");
		Files.writeString(truth, TRUTH);
		return ArchetypeScore.score(alerts, truth);
	}

	@Test
	void recallDaysAndRates() throws IOException {
		ArchetypeScore s = score(List.of(
				// PONZI_GROWTH-0: controller at 12 days, collector later at 20.5 days:
				// first is 12
				alert("K1", Pattern.FUNDRAISING_MEMO, "2024-03-13T00:00:00"),
				alert("C1", Pattern.PERIODIC_BATCH_PAYOUT, "2024-03-21T12:00:00"),
				// PONZI_GROWTH-1: only an alert before its start, not about the scheme
				alert("C2", Pattern.COUNTERPARTY_SURGE, "2024-03-31T23:00:00"),
				// TWO_ACCOUNT-0: the payer at 40 days
				alert("P3", Pattern.PERIODIC_BATCH_PAYOUT, "2024-03-12T00:00:00"),
				// RUN_OFF-0 not caught; one wedding flagged twice; people A and I
				// flagged; the shop
				alert("W1", Pattern.COUNTERPARTY_SURGE, "2024-01-25T10:00:00"),
				alert("W1", Pattern.SCATTER_IN_GATHER_OUT, "2024-01-27T10:00:00"),
				alert("A", Pattern.COUNTERPARTY_SURGE, "2024-05-01T10:00:00"),
				alert("I", Pattern.COUNTERPARTY_SURGE, "2024-05-01T10:00:00"),
				alert("S", Pattern.COUNTERPARTY_SURGE, "2024-05-01T10:00:00")));
		assertThat(s.schemes.get("PONZI_GROWTH")).containsExactly(2, 1);
		assertThat(s.schemes.get("TWO_ACCOUNT")).containsExactly(1, 1);
		assertThat(s.schemes.get("RUN_OFF")).containsExactly(1, 0);
		assertThat(s.schemes.get("CRYPTO_MINING")).containsExactly(0, 0);
		assertThat(s.recallOf("PONZI_GROWTH")).isEqualTo(0.5);
		assertThat(s.recall()).isEqualTo(0.5);
		assertThat(s.caughtDays.get("PONZI_GROWTH")).containsExactly(12.0);
		assertThat(s.caughtDays.get("TWO_ACCOUNT")).containsExactly(40.0);
		assertThat(s.allDays()).containsExactly(12.0, 40.0);
		assertThat(s.firstPatterns.get("PONZI_GROWTH")).containsEntry("FUNDRAISING_MEMO", 1).hasSize(1);
		assertThat(s.lookAlikes.get("WEDDING_GIFTS")).containsExactly(2, 1);
		assertThat(s.lookAlikes.get("TEMPLE")).containsExactly(1, 0);
		assertThat(s.lookAlikeRate()).isCloseTo(1 / 3.0, within(1e-9));
		assertThat(s.lookAlikePatterns.get("WEDDING_GIFTS")).containsEntry("COUNTERPARTY_SURGE", 1)
			.containsEntry("SCATTER_IN_GATHER_OUT", 1);
		assertThat(s.people).containsExactly(4, 1);
		assertThat(s.peopleRate()).isEqualTo(0.25);
		assertThat(s.involved).containsExactly(1, 1);
		assertThat(s.background).containsExactly(1, 1);
		assertThat(s.alerts).isEqualTo(9);

		ArchetypeScore twice = new ArchetypeScore().plus(s).plus(s);
		assertThat(twice.schemes.get("PONZI_GROWTH")).containsExactly(4, 2);
		assertThat(twice.allDays()).containsExactly(12.0, 12.0, 40.0, 40.0);
		assertThat(twice.people).containsExactly(8, 2);
		assertThat(twice.lookAlikes.get("WEDDING_GIFTS")).containsExactly(4, 2);

		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		s.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
		assertThat(bytes.toString(StandardCharsets.UTF_8))
			.containsPattern("ALL\\s+4\\s+2\\s+0\\.500\\s+12\\.0\\s+40\\.0\\s+1")
			.contains("people who took part in nothing: 4, flagged 1 (25.000%)");
	}

	@Test
	void percentilesAreNearestRank() {
		List<Double> v = List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);
		assertThat(ArchetypeScore.percentile(v, 0.5)).isEqualTo(5.0);
		assertThat(ArchetypeScore.percentile(v, 0.9)).isEqualTo(9.0);
		assertThat(ArchetypeScore.percentile(List.of(7.0), 0.9)).isEqualTo(7.0);
		assertThat(ArchetypeScore.percentile(List.of(), 0.5)).isNaN();
	}

	@Test
	void aWrongTruthFileIsRefusedNamingTheLine() throws IOException {
		Path truth = this.dir.resolve("bad.csv");
		Files.writeString(truth, "account,class,type,group,start,role\nC1,SCHEME,PONZI_GROWTH,P-0,,COLLECTOR\n");
		assertThatThrownBy(() -> ArchetypeScore.score(List.of(), truth)).isInstanceOf(BadInputException.class)
			.hasMessageContaining("line 2")
			.hasMessageContaining("needs its start date");
		Files.writeString(truth, "account,class,type,group,start,role\nC1,SCHEME\n");
		assertThatThrownBy(() -> ArchetypeScore.score(List.of(), truth)).hasMessageContaining("expected 6 columns");
		Files.writeString(truth, "account,kind\n");
		assertThatThrownBy(() -> ArchetypeScore.score(List.of(), truth)).hasMessageContaining("header must be");
	}

}
