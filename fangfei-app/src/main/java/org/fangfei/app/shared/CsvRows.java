package org.fangfei.app.shared;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV with Apache Commons CSV (RFC 4180: quoted fields may hold commas, quotes and
 * line breaks), decoded as UTF-8 (with or without BOM) or, failing that, GBK as Excel
 * saves it in China. Records are numbered from 1, blank ones included, and fields are
 * stripped of Unicode white space (the full-width space of Chinese spreadsheets too).
 */
final class CsvRows {

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

	private CsvRows() {
	}

	/**
	 * @throws Rejected when a quoted field is not closed, or the file has more rows than
	 * the collector takes
	 */
	static void read(byte[] bytes, RowCollector rows) {
		read(new StringReader(decode(bytes)), rows);
	}

	/** Bytes looked at to tell UTF-8 from GBK in a streamed read. */
	static final int SNIFF_BYTES = 1 << 20;

	/**
	 * Reads a CSV file as it arrives, never holding it whole: the encoding is told from
	 * its first {@link #SNIFF_BYTES} (UTF-8 when they decode as such, else GBK); a file
	 * that turns out not to be UTF-8 further on is refused.
	 */
	static void read(InputStream in, RowCollector rows) {
		BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
		try {
			buffered.mark(SNIFF_BYTES + 3);
			byte[] head = buffered.readNBytes(SNIFF_BYTES);
			buffered.reset();
			boolean bom = head.length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB
					&& head[2] == (byte) 0xBF;
			if (bom) {
				buffered.skipNBytes(3);
			}
			CharsetDecoder decoder = (utf8(head, bom ? 3 : 0, head.length == SNIFF_BYTES) ? StandardCharsets.UTF_8
					: Charset.forName("GBK"))
				.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPLACE);
			read(new BufferedReader(new InputStreamReader(buffered, decoder), 1 << 16), rows);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Whether the bytes decode as UTF-8; an unfinished last character is allowed when
	 * more follow.
	 */
	private static boolean utf8(byte[] head, int start, boolean more) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		CoderResult r = decoder.decode(ByteBuffer.wrap(head, start, head.length - start),
				java.nio.CharBuffer.allocate(head.length), !more);
		return !r.isError();
	}

	private static void read(Reader reader, RowCollector rows) {
		try (CSVParser parser = FORMAT.parse(reader)) {
			try {
				for (CSVRecord record : parser) {
					RowCollector.checkWidth((int) record.getRecordNumber(), record.size());
					List<String> cells = new ArrayList<>(record.size());
					for (String value : record) {
						cells.add(unwrapFormula(value.strip()));
					}
					rows.add((int) record.getRecordNumber(), cells);
				}
			}
			catch (UncheckedIOException ex) {
				if (ex.getCause() instanceof CharacterCodingException) {
					throw new Rejected("CSV 文件编码不一致(第 " + parser.getCurrentLineNumber()
							+ " 行附近)：请在 Excel 中统一另存为 CSV(UTF-8 或 GBK)后重新上传");
				}
				throw new Rejected("CSV 文件格式有误(第 " + parser.getCurrentLineNumber()
						+ " 行附近)：引号未成对或引号后紧跟其他字符；请在 Excel 中另存为 CSV 后重新上传");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * {@code ="6222…"} is how exports keep Excel from turning a long account number into
	 * 6.222E+18; the value is what is inside the quotes.
	 */
	static String unwrapFormula(String value) {
		return (value.length() >= 3 && value.startsWith("=\"") && value.endsWith("\""))
				? value.substring(2, value.length() - 1).replace("\"\"", "\"") : value;
	}

	static String decode(byte[] bytes) {
		int start = (bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF)
				? 3 : 0;
		ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(buffer)
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new String(bytes, start, bytes.length - start, Charset.forName("GBK"));
		}
	}

}
