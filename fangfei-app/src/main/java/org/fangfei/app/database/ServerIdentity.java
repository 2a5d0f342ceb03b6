package org.fangfei.app.database;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;

/**
 * Makes sure the PostgreSQL this instance talks to is the one of its own data directory
 * (issue 12): a port answered by another server is refused with a message naming it,
 * instead of migrating and writing someone else's database; a server of this very data
 * directory left running by a killed JVM (an orphan) is recognised by its
 * {@code postmaster.pid} and stopped cleanly before our own start.
 */
final class ServerIdentity {

	/** The lock file the embedded library holds while a JVM uses the data directory. */
	private static final String LOCK_FILE = "epg-lock";

	private static final long ORPHAN_STOP_SECONDS = 60;

	private ServerIdentity() {
	}

	static void beforeStart(Path dir, int port, Log log) throws IOException {
		refuseWhenAnotherJvmUses(dir);
		stopOrphan(dir, log);
		if (port > 0 && answers(port)) {
			throw portTaken(dir, port);
		}
	}

	/**
	 * What to tell when the start failed: a taken port is named, anything else keeps its
	 * cause.
	 */
	static RuntimeException explainFailedStart(Path dir, int port, Exception cause) {
		if (port > 0 && answers(port)) {
			IllegalStateException taken = portTaken(dir, port);
			taken.initCause(cause);
			return taken;
		}
		if (cause instanceof RuntimeException runtime) {
			return runtime;
		}
		return new IllegalStateException("Could not start the embedded PostgreSQL in " + dir, cause);
	}

	static IllegalStateException notOurs(Path dir, int port, String why) {
		return new IllegalStateException(String
			.format("端口 %1$d 上应答的 PostgreSQL 不是本实例数据目录 %2$s 的数据库（可能是另一个防非实例），已停止启动，未改动任何数据。"
					+ "请用 --fangfei.embedded-db.port 为本实例指定其他端口。%n"
					+ "The PostgreSQL answering on port %1$d is not the one of this instance's data directory %2$s (%3$s); "
					+ "start-up stopped and nothing was changed. Give this instance another port with --fangfei.embedded-db.port.",
					port, dir, why));
	}

	static boolean sameDirectory(Path ours, Path served) {
		return real(ours).equals(real(served));
	}

	private static IllegalStateException portTaken(Path dir, int port) {
		return new IllegalStateException(String.format("嵌入式数据库端口 %1$d 已被其他程序占用（可能是另一个防非实例），本实例（数据目录 %2$s）不会连接它。"
				+ "请停止占用该端口的程序，或用 --fangfei.embedded-db.port 为本实例指定其他端口。%n"
				+ "The embedded database port %1$d is taken by another program (perhaps another Fangfei instance); "
				+ "this instance (data directory %2$s) will not connect to it. Stop that program, or give this "
				+ "instance another port with --fangfei.embedded-db.port.", port, dir));
	}

	private static void refuseWhenAnotherJvmUses(Path dir) throws IOException {
		Path lockFile = dir.resolve(LOCK_FILE);
		if (!Files.exists(lockFile)) {
			return;
		}
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
			FileLock lock;
			try {
				lock = channel.tryLock();
			}
			catch (OverlappingFileLockException ex) {
				lock = null;
			}
			if (lock == null) {
				throw new IllegalStateException(String.format("数据目录 %1$s 正被另一个防非实例使用。每个实例须有自己的 --fangfei.data-dir。%n"
						+ "The data directory %1$s is in use by another Fangfei instance; each instance needs its own --fangfei.data-dir.",
						dir));
			}
			lock.release();
		}
	}

	/**
	 * A server whose postmaster.pid names this data directory, still alive although no
	 * JVM holds the directory: the process that started it was killed. It is stopped with
	 * a smart shutdown (SIGTERM), which waits for nothing since its clients died with
	 * that process.
	 */
	private static void stopOrphan(Path dir, Log log) throws IOException {
		Path pidFile = dir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
		if (lines.size() < 2 || !lines.get(0).strip().matches("[0-9]{1,10}")
				|| !sameDirectory(dir, Path.of(lines.get(1).strip()))) {
			return;
		}
		Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
			.filter(ProcessHandle::isAlive)
			.filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
		if (process.isEmpty()) {
			return;
		}
		log.warn("Found the embedded PostgreSQL of " + dir + " still running as process " + process.get().pid()
				+ " (the JVM that started it was killed); stopping it before starting again");
		process.get().destroy();
		try {
			process.get().onExit().get(ORPHAN_STOP_SECONDS, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException(String.format("上次遗留的数据库进程 %1$d（数据目录 %2$s）在 %3$d 秒内未能停止，请手工停止后再启动。%n"
					+ "The PostgreSQL left running by a previous start (process %1$d, data directory %2$s) did not stop "
					+ "within %3$d s; stop it by hand and start again.", process.get().pid(), dir, ORPHAN_STOP_SECONDS),
					ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while stopping the orphaned PostgreSQL of " + dir, ex);
		}
	}

	private static boolean answers(int port) {
		for (InetAddress address : loopbacks()) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(address, port), 500);
				return true;
			}
			catch (IOException ex) {
				// nobody listens there
			}
		}
		return false;
	}

	private static List<InetAddress> loopbacks() {
		try {
			return List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1"));
		}
		catch (IOException ex) {
			return List.of(InetAddress.getLoopbackAddress());
		}
	}

	private static Path real(Path path) {
		try {
			return path.toRealPath();
		}
		catch (IOException ex) {
			return path.toAbsolutePath().normalize();
		}
	}

}
