package org.fangfei.detect.screen;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.fangfei.detect.BadInputException;

/**
 * The {@code screen} command's files: reads a UTF-8 CSV with a header naming {@code id}
 * and {@code text} (other columns ignored; RFC 4180 quoting, so a text may hold commas,
 * quotes and line breaks) and writes {@code id,score,flagged,explanation}. A wrong record
 * stops the run with the line it starts on; the output is written to a temporary file and
 * moved into place only when every record was read.
 */
public final class ScreenCsv {

	/** What a run did. */
	public record Result(long texts, long flagged, long chars, double seconds) {
	}

	private ScreenCsv() {
	}

	public static Result run(Screener screener, Path in, Path out) throws IOException {
		long t0 = System.nanoTime();
		Path tmp = out.resolveSibling(out.getFileName() + ".part");
		long texts = 0;
		long flagged = 0;
		long chars = 0;
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try (BufferedReader r = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(in), decoder),
				1 << 16); BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
			Records records = new Records(r);
			try {
				List<String> header = records.next();
				if (header == null) {
					throw new BadInputException(1, "empty file: expected the header id,text");
				}
				if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
					header.set(0, header.get(0).substring(1));
				}
				int id = header.indexOf("id");
				int text = header.indexOf("text");
				if (id < 0 || text < 0) {
					throw new BadInputException(1, "the header must name the columns id and text, was " + header);
				}
				w.write("id,score,flagged,explanation\n");
				List<String> row;
				while ((row = records.next()) != null) {
					if (row.size() == 1 && row.get(0).isEmpty()) {
						continue;
					}
					if (row.size() <= Math.max(id, text)) {
						throw new BadInputException(records.startLine,
								"expected " + header.size() + " fields, found " + row.size());
					}
					if (row.get(id).isBlank()) {
						throw new BadInputException(records.startLine, "empty id");
					}
					Screening s = screener.screen(row.get(text));
					texts++;
					chars += row.get(text).length();
					flagged += s.flagged() ? 1 : 0;
					write(w, row.get(id), s);
				}
			}
			catch (CharacterCodingException ex) {
				throw new BadInputException(firstLineNotUtf8(in), "not UTF-8 text");
			}
		}
		catch (RuntimeException | IOException ex) {
			Files.deleteIfExists(tmp);
			throw ex;
		}
		Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		return new Result(texts, flagged, chars, (System.nanoTime() - t0) / 1e9);
	}

	/** The reader decodes ahead, so the wrong line is found again from the bytes. */
	private static long firstLineNotUtf8(Path in) throws IOException {
		byte[] all = Files.readAllBytes(in);
		long line = 1;
		int from = 0;
		for (int i = 0; i <= all.length; i++) {
			if (i == all.length || all[i] == '\n') {
				try {
					StandardCharsets.UTF_8.newDecoder()
						.onMalformedInput(CodingErrorAction.REPORT)
						.decode(java.nio.ByteBuffer.wrap(all, from, i - from));
				}
				catch (CharacterCodingException ex) {
					return line;
				}
				line++;
				from = i + 1;
			}
		}
		return line;
	}

	private static void write(Writer w, String id, Screening s) throws IOException {
		field(w, id);
		w.write(',');
		w.write(Integer.toString(s.score()));
		w.write(s.flagged() ? ",1," : ",0,");
		field(w, s.explanation());
		w.write('\n');
	}

	static void field(Writer w, String v) throws IOException {
		if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
			w.write(v);
			return;
		}
		w.write('"');
		w.write(v.replace("\"", "\"\""));
		w.write('"');
	}

	/** RFC 4180 records, counting lines so an error names the line a record starts on. */
	static final class Records {

		private final Reader in;

		private long line = 1;

		long startLine;

		private int pending = -2;

		Records(Reader in) {
			this.in = in;
		}

		private int read() throws IOException {
			if (this.pending != -2) {
				int c = this.pending;
				this.pending = -2;
				return c;
			}
			return this.in.read();
		}

		/** The next record's fields, or null at the end. */
		List<String> next() throws IOException {
			this.startLine = this.line;
			int c = read();
			if (c < 0) {
				return null;
			}
			List<String> fields = new ArrayList<>();
			StringBuilder cur = new StringBuilder();
			boolean quoted = false;
			boolean wasQuoted = false;
			while (true) {
				if (c < 0) {
					if (quoted) {
						throw new BadInputException(this.startLine, "unterminated quote");
					}
					fields.add(cur.toString());
					return fields;
				}
				char ch = (char) c;
				if (quoted) {
					if (ch == '"') {
						int d = read();
						if (d == '"') {
							cur.append('"');
						}
						else {
							quoted = false;
							this.pending = d;
						}
					}
					else {
						if (ch == '\n') {
							this.line++;
						}
						cur.append(ch);
					}
				}
				else if (ch == '"') {
					if (cur.length() > 0 || wasQuoted) {
						throw new BadInputException(this.line, "a quote inside an unquoted field");
					}
					quoted = true;
					wasQuoted = true;
				}
				else if (ch == ',') {
					fields.add(cur.toString());
					cur.setLength(0);
					wasQuoted = false;
				}
				else if (ch == '\n' || ch == '\r') {
					if (ch == '\r') {
						int d = read();
						if (d != '\n') {
							this.pending = d;
						}
					}
					this.line++;
					fields.add(cur.toString());
					return fields;
				}
				else {
					if (wasQuoted) {
						throw new BadInputException(this.line, "text after a closing quote");
					}
					cur.append(ch);
				}
				c = read();
			}
		}

	}

}
