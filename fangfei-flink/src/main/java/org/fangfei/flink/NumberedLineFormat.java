package org.fangfei.flink;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;

/**
 * Reads a UTF-8 text file line by line and hands each line with its 1-based line number
 * to a parser, the way {@code scan} numbers the lines of its input. The first line (the
 * CSV header) is skipped; blank lines are skipped but still counted.
 * <p>
 * A {@link SimpleStreamFormat} is never split, so a file is read by one reader from its
 * start and line numbers are exact. Compressed files ({@code .gz}, {@code .bz2},
 * {@code .xz}) are decompressed by the file source by their extension. After a restore
 * the reader re-reads the file and skips the records already emitted, so the numbers stay
 * the same.
 *
 * @param <T> what a line is parsed into
 */
final class NumberedLineFormat<T> extends SimpleStreamFormat<T> {

	private static final long serialVersionUID = 1L;

	/** Parses one line; throws to fail the job with a message naming the line. */
	@FunctionalInterface
	interface LineParser<T> extends Serializable {

		T parse(String line, long lineNumber);

	}

	private final LineParser<T> parser;

	private final TypeInformation<T> producedType;

	NumberedLineFormat(LineParser<T> parser, TypeInformation<T> producedType) {
		this.parser = parser;
		this.producedType = producedType;
	}

	@Override
	public StreamFormat.Reader<T> createReader(Configuration config, FSDataInputStream stream) {
		BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8), 1 << 16);
		return new Reader<>(lines, this.parser);
	}

	@Override
	public TypeInformation<T> getProducedType() {
		return this.producedType;
	}

	private static final class Reader<T> implements StreamFormat.Reader<T> {

		private final BufferedReader lines;

		private final LineParser<T> parser;

		private long lineNumber;

		Reader(BufferedReader lines, LineParser<T> parser) {
			this.lines = lines;
			this.parser = parser;
		}

		@Override
		public T read() throws IOException {
			String line;
			while ((line = this.lines.readLine()) != null) {
				this.lineNumber++;
				if (this.lineNumber > 1 && !line.isBlank()) {
					return this.parser.parse(line, this.lineNumber);
				}
			}
			return null;
		}

		@Override
		public void close() throws IOException {
			this.lines.close();
		}

	}

}
