package org.fangfei.app.database;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 12, findings 1 and 2: the embedded PostgreSQL lets nobody in without the
 * password, and an instance never adopts a server that is not its own data directory's.
 * Each test starts its own servers in a temporary directory.
 */
class EmbeddedDatabaseProtectionTests {

	private static final String PASSWORD = "owner-secret-0123456789";

	private static final Log LOG = LogFactory.getLog(EmbeddedDatabaseProtectionTests.class);

	@TempDir
	Path temp;

	@Test
	void everyRoleNeedsItsPasswordAndTheServerListensOnLoopbackOnly() throws Exception {
		EmbeddedDatabase db = started(this.temp.resolve("a/pg"), 0);
		try {
			db.prepare("fangfei", "fangfei_app", "app-secret");
			assertRefused(db.port(), "postgres", "");
			assertRefused(db.port(), "postgres", "wrong");
			assertRefused(db.port(), "fangfei_app", "wrong");
			try (Connection app = connect(db.port(), "fangfei_app", "app-secret");
					Statement s = app.createStatement()) {
				assertThat(single(s, "show listen_addresses")).isEqualTo("localhost");
			}
			try (Connection owner = connect(db.port(), "postgres", PASSWORD); Statement s = owner.createStatement()) {
				assertThat(single(s, "show unix_socket_directories")).isEmpty();
				assertThat(single(s, "select count(*) from pg_hba_file_rules where auth_method <> 'scram-sha-256'"))
					.isEqualTo("0");
			}
			assertThat(mode(this.temp.resolve("a/pg"))).isEqualTo("rwx------");
			assertThat(Files.exists(this.temp.resolve("a/pg.pwfile"))).as("initdb's password file is deleted")
				.isFalse();
		}
		finally {
			stop(db);
		}
	}

	@Test
	void aClusterMadeWithTrustRequiresPasswordsOnItsNextStart() throws Exception {
		Path dir = this.temp.resolve("legacy/pg");
		try (EmbeddedPostgres legacy = EmbeddedPostgres.builder()
			.setDataDirectory(dir)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.start()) {
			try (Connection c = connect(legacy.getPort(), "postgres", "")) {
				assertThat(c.isValid(1)).as("the old cluster trusted loopback").isTrue();
			}
		}
		EmbeddedDatabase db = started(dir, 0);
		try {
			assertRefused(db.port(), "postgres", "");
			try (Connection c = connect(db.port(), "postgres", PASSWORD)) {
				assertThat(c.isValid(1)).isTrue();
			}
		}
		finally {
			stop(db);
		}
	}

	@Test
	void aPortAnsweredByAnotherInstancesServerIsRefusedNamingThePort() throws Exception {
		EmbeddedDatabase first = started(this.temp.resolve("first/pg"), 0);
		try {
			int port = first.port();
			Path second = this.temp.resolve("second/pg");
			assertThatThrownBy(() -> EmbeddedDatabase.start(second, port, false, "another-secret", LOG))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("端口 " + port)
				.hasMessageContaining("--fangfei.embedded-db.port")
				.hasMessageContaining("port " + port);
			assertThat(second.resolve("postgresql.conf")).doesNotExist();
		}
		finally {
			stop(first);
		}
	}

	@Test
	void aPortTakenByAnyOtherProgramIsRefused() throws Exception {
		try (ServerSocket other = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
			Path dir = this.temp.resolve("taken/pg");
			assertThatThrownBy(() -> EmbeddedDatabase.start(dir, other.getLocalPort(), false, PASSWORD, LOG))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("已被其他程序占用")
				.hasMessageContaining(String.valueOf(other.getLocalPort()));
		}
	}

	@Test
	void theServerLeftByAKilledJvmIsRecognisedStoppedAndStartedAgain() throws Exception {
		Path dir = this.temp.resolve("orphan/pg");
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), OrphanMaker.class.getName(), dir.toString(),
				String.valueOf(port), PASSWORD)
			.redirectErrorStream(true)
			.start();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			do {
				line = out.readLine();
			}
			while (line != null && !line.equals(OrphanMaker.READY));
			assertThat(line).as("the child JVM started its database").isEqualTo(OrphanMaker.READY);
		}
		long orphanPid = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).strip());
		child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).as("kill -9 leaves the server running")
			.contains(true);

		EmbeddedDatabase db = started(dir, port);
		try {
			assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
			try (Connection c = connect(port, "postgres", PASSWORD); Statement s = c.createStatement()) {
				assertThat(Path.of(single(s, "show data_directory")).toRealPath()).isEqualTo(dir.toRealPath());
				assertThat(single(s, "select count(*) from orphan_check")).isEqualTo("1");
			}
		}
		finally {
			stop(db);
		}
	}

	/**
	 * Started in a child JVM by the orphan test: starts a server, writes a row, waits to
	 * be killed.
	 */
	static final class OrphanMaker {

		static final String READY = "orphan-ready";

		public static void main(String[] args) throws Exception {
			EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(args[0]), Integer.parseInt(args[1]), false, args[2],
					LOG);
			try (Connection c = connect(db.port(), "postgres", args[2]); Statement s = c.createStatement()) {
				s.execute("create table orphan_check (id int)");
				s.execute("insert into orphan_check values (1)");
			}
			System.out.println(READY);
			System.out.flush();
			Thread.sleep(Duration.ofMinutes(5).toMillis());
		}

	}

	private static EmbeddedDatabase started(Path dir, int port) {
		EmbeddedDatabase db = EmbeddedDatabase.start(dir, port, false, PASSWORD, LOG);
		db.acquire();
		return db;
	}

	private static void stop(EmbeddedDatabase db) {
		db.release();
	}

	private static void assertRefused(int port, String user, String password) {
		assertThatThrownBy(() -> connect(port, user, password).close()).isInstanceOf(SQLException.class)
			.satisfies(ex -> assertThat(((SQLException) ex).getSQLState()).isIn("28P01", "08004", "28000"));
	}

	static Connection connect(int port, String user, String password) throws SQLException {
		Properties p = new Properties();
		p.setProperty("user", user);
		p.setProperty("password", password);
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", p);
	}

	private static String single(Statement s, String sql) throws SQLException {
		try (ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static String mode(Path path) throws Exception {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
	}

}
