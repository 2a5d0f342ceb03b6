package org.fangfei.detect.io;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.fangfei.detect.Alert;
import org.fangfei.detect.BadInputException;
import org.fangfei.detect.Pattern;
import org.fangfei.detect.engine.DetectorConfig;
import org.fangfei.detect.engine.Scan;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The transfers CSV: quoting, time forms, and every kind of bad row refused with its
 * line.
 */
class TransferCsvTest {

	static final String HEADER = "tx_id,time,payer_account,payer_name,payee_account,payee_name,amount,channel,memo\n";

	/** Epoch millis of 2024-01-01 plus the days and hours (local time read as UTC). */
	private static long at(int day, int hour) {
		return LocalDateTime.of(2024, 1, 1, 0, 0).plusDays(day).plusHours(hour).toEpochSecond(ZoneOffset.UTC) * 1000;
	}

	private static List<Transfer> read(String csv) {
		List<Transfer> out = new ArrayList<>();
		try (TransferCsvReader r = new TransferCsvReader(
				new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))) {
			r.forEachRemaining(out::add);
		}
		return out;
	}

	@Test
	void readsQuotedFieldsBothTimeFormsAndAmounts() {
		List<Transfer> t = read(
				HEADER + "T1,2024-03-01T10:15:00,A,\"Zhang, San\",B,,100.5,mobile,\"投资,款 \"\"A\"\"\"\r\n"
						+ "T2,2024-03-01 10:16,B,,C,,7,,\n");
		assertThat(t).hasSize(2);
		assertThat(t.get(0).payerName()).isEqualTo("Zhang, San");
		assertThat(t.get(0).memo()).isEqualTo("投资,款 \"A\"");
		assertThat(t.get(0).amountFen()).isEqualTo(10050);
		assertThat(t.get(0).time()).isEqualTo(at(60, 10) + 15 * 60_000);
		assertThat(t.get(0).seq()).isEqualTo(2);
		assertThat(t.get(1).amountFen()).isEqualTo(700);
		assertThat(t.get(1).seq()).isEqualTo(3);
		assertThat(Transfer.parseLine("T9,2024-02-29T23:59:59.5,X,,Y,,0.01,,", 9).time())
			.isEqualTo(at(59, 23) + 59 * 60_000 + 59_500);
	}

	@Test
	void wrongHeaderIsRefused() {
		assertThatThrownBy(() -> read("id,time\nT1,2024-03-01T10:15:00,A,,B,,1,,\n"))
			.isInstanceOf(BadInputException.class)
			.hasMessageStartingWith("line 1: header must be");
	}

	@Test
	void badRowsAreRefusedNamingTheLine() {
		String ok = "T1,2024-03-01T10:15:00,A,,B,,1.00,,\n";
		assertBad(ok + "T2,2024-03-01T10:16:00,A,,B,,-5.00,,\n", "line 3: amount '-5.00' is negative");
		assertBad(ok + "T2,2024-03-01T10:16:00,A,,B,,12.345,,\n", "line 3: amount '12.345' has more than two decimals");
		assertBad(ok + "T2,2024-03-01T10:16:00,A,,B,,1e5,,\n", "line 3: amount '1e5' is not an amount");
		assertBad(ok + "T2,2024-02-30T10:16:00,A,,B,,1,,\n", "line 3: time '2024-02-30T10:16:00' is not");
		assertBad(ok + "T2,yesterday,A,,B,,1,,\n", "line 3: time 'yesterday'");
		assertBad(ok + "T2,2024-03-01T10:16:00,A,,B,,1\n", "line 3: expected 9 columns (");
		assertBad(ok + "T2,2024-03-01T10:16:00,A,,B,,1,,,x\n", "line 3: more than 9 columns");
		assertBad(ok + "T2,2024-03-01T10:16:00,,,B,,1,,\n", "line 3: column payer_account is empty");
		assertBad(ok + "T2,2024-03-01T10:16:00,A,,B,,1,,\"open\n", "line 3: unterminated quote in column memo");
		assertBad(ok + "\n", "line 3: empty line");
	}

	private static void assertBad(String body, String message) {
		assertThatThrownBy(() -> read(HEADER + body)).isInstanceOf(BadInputException.class)
			.hasMessageStartingWith(message);
		assertThatThrownBy(() -> new Scan(DetectorConfig.defaults())
			.run(new ByteArrayInputStream((HEADER + body).getBytes(StandardCharsets.UTF_8)), (a) -> {
			})).isInstanceOf(BadInputException.class).hasMessageStartingWith(message);
		// Followed by more rows, the bad row is split by the one-pass path of scan.
		String more = HEADER + body + "T8,2024-03-01T10:17:00,A,,B,,1.00,,\n".repeat(4);
		assertThatThrownBy(() -> new Scan(DetectorConfig.defaults())
			.run(new ByteArrayInputStream(more.getBytes(StandardCharsets.UTF_8)), (a) -> {
			})).isInstanceOf(BadInputException.class).hasMessageStartingWith(message);
	}

	@Test
	void scanSplitsQuotedAndPlainRowsAlike() {
		String rows = "T1,2024-03-01T10:15:00,A,\"Zhang, San\",B,,100.5,mobile,\"投资,款 \"\"A\"\"\"\r\n"
				+ "T2,2024-03-01 10:16,B,,C,,7,,\r\n" + "T3,2024-03-02T00:00:01.25,C,名,D,,7,,\n"
				+ "T4,2024-03-02T00:00:02,D,,\"E\",,7,,\n" + "T5,2024-03-02T00:00:03,E,,F,,7,,";
		Scan.Result r = new Scan(DetectorConfig.defaults())
			.run(new ByteArrayInputStream((HEADER + rows).getBytes(StandardCharsets.UTF_8)), (a) -> {
			});
		assertThat(r.transfers()).isEqualTo(5);
		assertThat(r.accounts()).isEqualTo(6);
		assertThat(read(HEADER + rows)).hasSize(5);
	}

	@Test
	void scanReordersWithinTheLatenessAndRefusesLaterRows() {
		String inOrder = HEADER + "T1,2024-03-01T10:15:00,A,,B,,1,,\nT2,2024-03-01T09:30:00,B,,C,,1,,\n"
				+ "T3,2024-03-01T11:00:00,C,,D,,1,,\n";
		Scan.Result r = new Scan(DetectorConfig.defaults())
			.run(new ByteArrayInputStream(inOrder.getBytes(StandardCharsets.UTF_8)), (a) -> {
			});
		assertThat(r.transfers()).isEqualTo(3);
		assertThat(r.accounts()).isEqualTo(4);
		String late = inOrder + "T4,2024-03-01T09:59:59,D,,E,,1,,\n";
		assertThatThrownBy(() -> new Scan(DetectorConfig.defaults())
			.run(new ByteArrayInputStream(late.getBytes(StandardCharsets.UTF_8)), (a) -> {
			})).isInstanceOf(BadInputException.class)
			.hasMessageContaining("line 5: time 2024-03-01T09:59:59 is earlier than the allowed lateness (60 min)")
			.hasMessageContaining("(line 4)");
	}

	@Test
	void alertsCsvRoundTrips(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
		Alert a = new Alert("A-FUNDRAISING_MEMO-1", "A", Pattern.FUNDRAISING_MEMO, 77, at(1, 2), at(3, 4), 12,
				123_456_78, 5, 9, "说明, with \"quotes\"");
		java.nio.file.Path file = dir.resolve("alerts.csv");
		try (java.io.Writer w = java.nio.file.Files.newBufferedWriter(file)) {
			new AlertCsv(w).write(a);
		}
		assertThat(java.nio.file.Files.readAllLines(file).get(0)).isEqualTo(AlertCsv.header());
		assertThat(AlertCsv.toCsvRow(a)).contains(",123456.78,0.05,9,");
		assertThat(AlertCsv.read(file)).containsExactly(a);
	}

}
