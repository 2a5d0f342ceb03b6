package org.fangfei.app.enquiry;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.fangfei.app.shared.TabularFile;

/**
 * Reads a statement file on a thread of its own, a few batches of rows ahead of the
 * thread that checks and writes them: decoding and parsing the file overlap reading the
 * rows and the database's writing, on the machine's second core. At most {@link #QUEUE}
 * batches of {@link #BATCH} rows wait, so memory stays bounded. What the reading throws
 * is thrown by {@link #feed}; when the handling stops (a refusal, the mapping form), the
 * reading stops too.
 */
final class ReadAhead {

	static final int BATCH = 2_000;

	static final int QUEUE = 4;

	private static final Object END = new Object();

	private ReadAhead() {
	}

	/** Stops the reading thread once its rows are no longer wanted. */
	private static final class Stopped extends RuntimeException {

		Stopped() {
			super(null, null, false, false);
		}

	}

	@SuppressWarnings("unchecked")
	static void feed(Statements.Source reading, Consumer<TabularFile.Line> sink) {
		BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
		AtomicBoolean stopped = new AtomicBoolean();
		Thread reader = new Thread(() -> {
			List<TabularFile.Line> batch = new ArrayList<>(BATCH);
			try {
				reading.feed((line) -> {
					if (stopped.get()) {
						throw new Stopped();
					}
					batch.add(line);
					if (batch.size() == BATCH) {
						put(queue, new ArrayList<>(batch), stopped);
						batch.clear();
					}
				});
				put(queue, new ArrayList<>(batch), stopped);
				put(queue, END, stopped);
			}
			catch (Stopped ex) {
				// the handling stopped first
			}
			catch (RuntimeException | Error ex) {
				try {
					put(queue, ex, stopped);
				}
				catch (Stopped ignored) {
					// the handling stopped first
				}
			}
		}, "statement-read-ahead");
		reader.setDaemon(true);
		reader.start();
		try {
			while (true) {
				Object item = queue.take();
				if (item == END) {
					return;
				}
				if (item instanceof RuntimeException ex) {
					throw ex;
				}
				if (item instanceof Error error) {
					throw error;
				}
				for (TabularFile.Line line : (List<TabularFile.Line>) item) {
					sink.accept(line);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("对账单读取被中断", ex);
		}
		finally {
			stopped.set(true);
			queue.clear();
		}
	}

	private static void put(BlockingQueue<Object> queue, Object item, AtomicBoolean stopped) {
		try {
			while (!stopped.get()) {
				if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
					return;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		throw new Stopped();
	}

}
