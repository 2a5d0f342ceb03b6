package org.fangfei.app.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.fangfei.app.audit.AuditLog;
import org.fangfei.app.shared.OwnerOnly;
import org.fangfei.app.shared.SchedulerLocks;
import org.fangfei.app.shared.Times;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes backups ({@link BackupArchive}) into the configured folder and lists them. A
 * backup is deleted only when it is both older than {@code keep} days and not among the
 * newest {@code keep}: however often someone presses "立即备份", no recent backup is pushed
 * out. A run holds the scheduler lock {@code backup} ({@code shared.SchedulerLocks}), so
 * several instances on one database write one backup at a time, and the nightly run
 * happens on one instance ({@code backup-nightly}). A file is created readable by its
 * owner alone (the folder too), written under a temporary name and renamed when complete.
 */
@Service
public class Backups {

	private static final Logger log = LoggerFactory.getLogger(Backups.class);

	/**
	 * The lock of a running backup: held while it is written, extended while that takes,
	 * freed within 30 minutes when its instance dies.
	 */
	static final String LOCK = "backup";

	private static final String PREFIX = "fangfei-backup-";

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	/** A backup in the folder. */
	public record BackupFile(String name, OffsetDateTime createdAt, long bytes, String schemaVersion, long rows) {

		/** "12.3 MB", or "850 KB" below a megabyte. */
		public String size() {
			return this.bytes >= 1024 * 1024 ? String.format("%.1f MB", this.bytes / 1048576.0)
					: Math.max(1, Math.round(this.bytes / 1024.0)) + " KB";
		}

	}

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final TransactionTemplate tx;

	private final LockingTaskExecutor locks;

	private final Path dir;

	private final int keep;

	Backups(DataSource dataSource, JdbcClient jdbc, AuditLog audit, TransactionTemplate tx, LockingTaskExecutor locks,
			@Value("${fangfei.backup.dir:${fangfei.data-dir:./data}/backups}") Path dir,
			@Value("${fangfei.backup.keep:14}") int keep) {
		if (keep < 1) {
			throw new IllegalArgumentException("fangfei.backup.keep must be at least 1");
		}
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.audit = audit;
		this.tx = tx;
		this.locks = locks;
		this.dir = dir.toAbsolutePath().normalize();
		this.keep = keep;
	}

	/**
	 * Every instance's schedule fires; the first to take {@code backup-nightly} writes
	 * the night's backup and the others skip it.
	 */
	@Scheduled(cron = "${fangfei.backup.cron:0 30 2 * * *}", zone = "${fangfei.time-zone:Asia/Shanghai}")
	@SchedulerLock(name = "backup-nightly", lockAtLeastFor = "PT1H", lockAtMostFor = "PT2H")
	void nightly() {
		try {
			run().ifPresentOrElse(
					b -> log.info("Backup written: {} ({} bytes, {} rows)", b.name(), b.bytes(), b.rows()),
					() -> log.info("Backup skipped: another instance is writing one"));
		}
		catch (RuntimeException ex) {
			log.error("The scheduled backup failed", ex);
		}
	}

	/**
	 * Writes a backup now, unless another one is being written (empty then), prunes the
	 * old ones and audits it. A failure is audited too and leaves no partial file.
	 */
	public Optional<BackupFile> run() {
		try {
			LockingTaskExecutor.TaskResult<BackupFile> result = this.locks.executeWithLock(this::writeAndPrune,
					new LockConfiguration(Instant.now(), LOCK, Duration.parse(SchedulerLocks.AT_MOST), Duration.ZERO));
			return result.wasExecuted() ? Optional.of(result.getResult()) : Optional.empty();
		}
		catch (Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			this.audit.failure("BACKUP", "backup", null, "数据备份失败：" + ex.getMessage());
			throw new IllegalStateException("The backup failed: " + ex.getMessage(), ex);
		}
	}

	private BackupFile writeAndPrune() throws SQLException, IOException {
		try (Connection c = this.dataSource.getConnection()) {
			BackupFile written = write(c);
			prune();
			this.tx.executeWithoutResult(status -> this.audit.success("BACKUP", "backup", written.name(),
					"数据备份 " + written.name() + "，" + written.rows() + "行，" + written.bytes() + "字节", null, null));
			return written;
		}
	}

	/** The backups in the folder, newest first. */
	public List<BackupFile> list() {
		if (!Files.isDirectory(this.dir)) {
			return List.of();
		}
		List<BackupFile> files = new ArrayList<>();
		for (Path file : backupPaths()) {
			try {
				BackupArchive.Manifest m = BackupArchive.manifest(file);
				files.add(new BackupFile(file.getFileName().toString(), Times.local(m.createdAt()), Files.size(file),
						m.schemaVersion(), m.totalRows()));
			}
			catch (IOException | RuntimeException ex) {
				log.warn("Not a readable backup, left alone: {} ({})", file, ex.getMessage());
			}
		}
		files.sort(Comparator.comparing(BackupFile::createdAt).reversed());
		return files;
	}

	public Path folder() {
		return this.dir;
	}

	public int keep() {
		return this.keep;
	}

	private BackupFile write(Connection c) throws SQLException, IOException {
		Files.createDirectories(this.dir);
		OwnerOnly.restrict(this.dir);
		String stamp = PREFIX + LocalDateTime.now(Times.zone()).format(STAMP);
		String name = stamp + ".zip";
		for (int n = 2; Files.exists(this.dir.resolve(name)); n++) {
			name = stamp + "-" + n + ".zip";
		}
		Path partial = this.dir.resolve(name + ".partial");
		Path file = this.dir.resolve(name);
		OwnerOnly.createFile(partial);
		boolean autoCommit = c.getAutoCommit();
		c.setAutoCommit(false);
		try (Statement s = c.createStatement()) {
			s.execute("set transaction isolation level repeatable read, read only");
			BackupArchive.Manifest manifest = BackupArchive.write(c, schemaVersion(), partial);
			move(partial, file);
			return new BackupFile(name, Times.local(manifest.createdAt()), Files.size(file), manifest.schemaVersion(),
					manifest.totalRows());
		}
		finally {
			c.rollback();
			c.setAutoCommit(autoCommit);
			Files.deleteIfExists(partial);
		}
	}

	/**
	 * The highest migration version applied: the restore rebuilds the schema up to it.
	 */
	private String schemaVersion() {
		return this.jdbc.sql("select version from flyway_schema_history where success and version is not null")
			.query(String.class)
			.list()
			.stream()
			.map(MigrationVersion::fromVersion)
			.max(Comparator.naturalOrder())
			.map(MigrationVersion::getVersion)
			.orElseThrow(() -> new IllegalStateException("no migration has been applied"));
	}

	private void prune() throws IOException {
		FileTime before = FileTime.from(Instant.now().minus(Duration.ofDays(this.keep)));
		List<Path> files = backupPaths();
		files.sort(Comparator.comparing(Backups::modified).reversed());
		for (Path old : files.subList(Math.min(this.keep, files.size()), files.size())) {
			if (modified(old).compareTo(before) < 0) {
				Files.deleteIfExists(old);
				log.info("Old backup deleted (keeping {} days and at least {}): {}", this.keep, this.keep, old);
			}
		}
		// a run killed half-way leaves its temporary file behind
		try (Stream<Path> paths = Files.list(this.dir)) {
			for (Path left : paths.filter(p -> p.getFileName().toString().endsWith(".zip.partial")).toList()) {
				if (modified(left).compareTo(FileTime.from(Instant.now().minus(Duration.ofDays(1)))) < 0) {
					Files.deleteIfExists(left);
				}
			}
		}
	}

	private static FileTime modified(Path file) {
		try {
			return Files.getLastModifiedTime(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private List<Path> backupPaths() {
		try (Stream<Path> paths = Files.list(this.dir)) {
			return new ArrayList<>(paths.filter(p -> {
				String n = p.getFileName().toString();
				return n.startsWith(PREFIX) && n.endsWith(".zip");
			}).toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(from, to);
		}
	}

}
