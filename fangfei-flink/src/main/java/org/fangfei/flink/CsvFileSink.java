package org.fangfei.flink;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.util.function.SerializableFunction;

/**
 * Writes one CSV file on the local or shared file system: the header once, then one row
 * per element. Run it with parallelism 1. The rows go to {@code FILE.inprogress}, which
 * is renamed to {@code FILE} only when the input has ended, so a file that exists is
 * complete.
 * <p>
 * Meant for bounded runs (a file in, a file out) without checkpoints: when such a job
 * restarts it replays its input from the start and this sink starts its file again.
 * Long-running jobs write to Kafka or HTTP instead.
 *
 * @param <T> the element written as a row
 */
final class CsvFileSink<T> implements Sink<T> {

	private static final long serialVersionUID = 1L;

	private final String path;

	private final String header;

	private final SerializableFunction<T, String> row;

	CsvFileSink(Path path, String header, SerializableFunction<T, String> row) {
		this.path = path.toAbsolutePath().toString();
		this.header = header;
		this.row = row;
	}

	@Override
	public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
		if (context.getTaskInfo().getNumberOfParallelSubtasks() != 1) {
			throw new IllegalStateException("the CSV file sink writes one file: run it with parallelism 1");
		}
		return new Writer<>(Paths.get(this.path), this.header, this.row);
	}

	private static final class Writer<T> implements SinkWriter<T> {

		private final Path target;

		private final Path inProgress;

		private final BufferedWriter out;

		private final SerializableFunction<T, String> row;

		private boolean ended;

		Writer(Path target, String header, SerializableFunction<T, String> row) throws IOException {
			this.target = target;
			this.inProgress = target.resolveSibling(target.getFileName() + ".inprogress");
			Path parent = target.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			this.out = Files.newBufferedWriter(this.inProgress, StandardCharsets.UTF_8);
			this.row = row;
			this.out.write(header);
			this.out.newLine();
		}

		@Override
		public void write(T element, Context context) throws IOException {
			this.out.write(this.row.apply(element));
			this.out.newLine();
		}

		@Override
		public void flush(boolean endOfInput) throws IOException {
			this.out.flush();
			this.ended |= endOfInput;
		}

		@Override
		public void close() throws IOException {
			this.out.close();
			if (this.ended) {
				Files.move(this.inProgress, this.target, StandardCopyOption.REPLACE_EXISTING,
						StandardCopyOption.ATOMIC_MOVE);
			}
		}

	}

}
