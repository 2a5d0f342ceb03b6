package org.fangfei.detect.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.fangfei.detect.Alert;
import org.fangfei.detect.BadInputException;
import org.fangfei.detect.Pattern;

/**
 * The alerts CSV:
 * {@code alert_id,account,pattern,score,first_time,last_time,tx_count,amount_in,
 * amount_out,counterparties,explanation}; amounts in yuan with two decimals, times ISO
 * local.
 */
public final class AlertCsv {

	private static final String HEADER = "alert_id,account,pattern,score,first_time,last_time,tx_count,amount_in,"
			+ "amount_out,counterparties,explanation";

	private final Writer out;

	/** Writes the header at once. */
	public AlertCsv(Writer out) {
		this.out = out;
		line(HEADER);
	}

	public static String header() {
		return HEADER;
	}

	/** One row without its line break. */
	public static String toCsvRow(Alert a) {
		return quote(a.alertId()) + ',' + quote(a.account()) + ',' + a.pattern().name() + ',' + a.score() + ','
				+ Formats.time(a.firstTime()) + ',' + Formats.time(a.lastTime()) + ',' + a.txCount() + ','
				+ Formats.yuan(a.amountInFen()) + ',' + Formats.yuan(a.amountOutFen()) + ',' + a.counterparties() + ','
				+ quote(a.explanation());
	}

	/** Writes one alert row. */
	public void write(Alert a) {
		line(toCsvRow(a));
	}

	private void line(String s) {
		try {
			this.out.write(s);
			this.out.write('\n');
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	static String quote(String s) {
		if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
			return s;
		}
		return '"' + s.replace("\"", "\"\"") + '"';
	}

	/** Reads an alerts CSV written by this class (for {@code evaluate}). */
	public static List<Alert> read(Path file) throws IOException {
		List<Alert> alerts = new ArrayList<>();
		try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String head = r.readLine();
			if (head == null || !head.replace("\uFEFF", "").equals(HEADER)) {
				throw new BadInputException(1, "alerts header must be '" + HEADER + "'");
			}
			String line;
			long n = 1;
			while ((line = r.readLine()) != null) {
				n++;
				List<String> f = Csv.split(line, n);
				if (f.size() != 11) {
					throw new BadInputException(n, "expected 11 columns but found " + f.size());
				}
				try {
					alerts.add(new Alert(f.get(0), f.get(1), Pattern.valueOf(f.get(2)), Integer.parseInt(f.get(3)),
							Csv.time(f.get(4), n), Csv.time(f.get(5), n), Integer.parseInt(f.get(6)),
							Csv.fen(f.get(7), n), Csv.fen(f.get(8), n), Integer.parseInt(f.get(9)), f.get(10)));
				}
				catch (IllegalArgumentException ex) {
					throw new BadInputException(n, ex.getMessage());
				}
			}
		}
		return alerts;
	}

}
