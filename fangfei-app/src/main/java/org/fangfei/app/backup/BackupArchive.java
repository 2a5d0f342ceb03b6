package org.fangfei.app.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.fangfei.app.shared.Times;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The backup file: a zip holding {@code manifest.properties} (format, time, the schema's
 * migration version, every table with its row count, every sequence's value) and one
 * {@code data/
 *
<table>
 * .copy} per table in PostgreSQL's COPY text format. Every table is read in one
 * repeatable-read transaction, so the copy is consistent; the schema itself is not copied
 * but rebuilt by the migrations up to the recorded version, which is how a copy made by
 * an older release restores into a newer one.
 */
final class BackupArchive {

	static final int FORMAT = 1;

	private static final String MANIFEST = "manifest.properties";

	/**
	 * What only a running installation needs and a restore must not bring back: sign-in
	 * sessions (a copy of them would sign users in again), scheduler locks, rate-limit
	 * buckets and the addresses accounts signed in from (V26, V27). A restore empties
	 * them.
	 */
	static final Set<String> TRANSIENT = Set.of("spring_session", "spring_session_attributes", "shedlock",
			"rate_limit_bucket", "sign_in_known");

	/** What the manifest says. */
	record Manifest(OffsetDateTime createdAt, String schemaVersion, Map<String, Long> rows,
			Map<String, Long> sequences) {

		long totalRows() {
			return this.rows.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	private BackupArchive() {
	}

	/**
	 * Writes every table of the connection's schema except Flyway's history and the
	 * {@link #TRANSIENT} ones into {@code file}. The connection must be in a
	 * repeatable-read, read-only transaction.
	 */
	static Manifest write(Connection c, String schemaVersion, Path file) throws IOException, SQLException {
		CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
		Map<String, Long> rows = new LinkedHashMap<>();
		// the data are as of the transaction's snapshot, taken at the first table
		OffsetDateTime asOf = Times.now();
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			for (String table : tables(c)) {
				if (TRANSIENT.contains(table)) {
					continue;
				}
				zip.putNextEntry(new ZipEntry("data/" + table + ".copy"));
				rows.put(table, copy.copyOut("copy " + quote(table) + " to stdout", unclosable(zip)));
				zip.closeEntry();
			}
			// read after the tables: a sequence is never behind the ids copied above
			Manifest manifest = new Manifest(asOf, schemaVersion, rows, sequences(c));
			zip.putNextEntry(new ZipEntry(MANIFEST));
			zip.write(properties(manifest).getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
			return manifest;
		}
	}

	static Manifest manifest(Path file) throws IOException {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			ZipEntry entry = zip.getEntry(MANIFEST);
			if (entry == null) {
				throw new IOException("not a Fangfei backup (no " + MANIFEST + "): " + file);
			}
			try (InputStream in = zip.getInputStream(entry)) {
				return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), file);
			}
		}
	}

	/**
	 * Loads every table of the backup into the connection's schema, which must have been
	 * migrated to the manifest's version (the reference rows the migrations wrote are
	 * emptied first), with triggers off (the audit log refuses nothing appended as it
	 * was; tallies are copied, not recomputed), then sets the sequences. The caller owns
	 * the transaction.
	 */
	static Manifest load(Connection c, Path file) throws IOException, SQLException {
		Manifest manifest = manifest(file);
		CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
		List<String> present = tables(c);
		try (ZipFile zip = new ZipFile(file.toFile()); Statement s = c.createStatement()) {
			s.execute("set local session_replication_role = replica");
			// what the migrations wrote (roles, dictionaries, the holiday table) is
			// replaced
			// by the backup's own rows
			s.execute("truncate " + String.join(", ", present.stream().map(BackupArchive::quote).toList()));
			for (Map.Entry<String, Long> table : manifest.rows().entrySet()) {
				if (!present.contains(table.getKey())) {
					throw new IOException("the backup's table " + table.getKey() + " is not in the schema");
				}
				ZipEntry entry = zip.getEntry("data/" + table.getKey() + ".copy");
				if (entry == null) {
					throw new IOException("the backup lacks the data of " + table.getKey());
				}
				try (InputStream in = zip.getInputStream(entry)) {
					long loaded = copy.copyIn("copy " + quote(table.getKey()) + " from stdin", in);
					if (loaded != table.getValue()) {
						throw new IOException("table " + table.getKey() + ": " + loaded
								+ " rows loaded, the backup says " + table.getValue());
					}
				}
			}
			for (Map.Entry<String, Long> sequence : manifest.sequences().entrySet()) {
				s.execute("select setval('" + quote(sequence.getKey()).replace("'", "''") + "', " + sequence.getValue()
						+ ", true)");
			}
			s.execute("set local session_replication_role = origin");
		}
		return manifest;
	}

	private static List<String> tables(Connection c) throws SQLException {
		return names(c, """
				select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = current_schema() and c.relkind = 'r' and c.relname <> 'flyway_schema_history'
				order by c.relname""");
	}

	private static Map<String, Long> sequences(Connection c) throws SQLException {
		Map<String, Long> values = new LinkedHashMap<>();
		try (Statement s = c.createStatement(); var rs = s.executeQuery("""
				select sequencename, last_value from pg_sequences
				where schemaname = current_schema() and last_value is not null order by sequencename""")) {
			while (rs.next()) {
				values.put(rs.getString(1), rs.getLong(2));
			}
		}
		return values;
	}

	private static List<String> names(Connection c, String sql) throws SQLException {
		List<String> names = new ArrayList<>();
		try (Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
			while (rs.next()) {
				names.add(rs.getString(1));
			}
		}
		return names;
	}

	private static String properties(Manifest m) throws IOException {
		Properties p = new Properties();
		p.setProperty("format", String.valueOf(FORMAT));
		p.setProperty("created-at", m.createdAt().toString());
		p.setProperty("schema-version", m.schemaVersion());
		p.setProperty("tables", String.join(",", m.rows().keySet()));
		m.rows().forEach((t, n) -> p.setProperty("rows." + t, String.valueOf(n)));
		p.setProperty("sequences", String.join(",", m.sequences().keySet()));
		m.sequences().forEach((q, v) -> p.setProperty("sequence." + q, String.valueOf(v)));
		StringWriter out = new StringWriter();
		p.store(out, "Fangfei backup (docs/operations.md)");
		return out.toString();
	}

	private static Manifest parse(String text, Path file) throws IOException {
		Properties p = new Properties();
		p.load(new StringReader(text));
		if (!String.valueOf(FORMAT).equals(p.getProperty("format"))) {
			throw new IOException("unknown backup format " + p.getProperty("format") + ": " + file);
		}
		Map<String, Long> rows = new LinkedHashMap<>();
		for (String t : list(p.getProperty("tables"))) {
			rows.put(plainName(t), Long.parseLong(p.getProperty("rows." + t)));
		}
		Map<String, Long> sequences = new LinkedHashMap<>();
		for (String q : list(p.getProperty("sequences"))) {
			sequences.put(plainName(q), Long.parseLong(p.getProperty("sequence." + q)));
		}
		return new Manifest(OffsetDateTime.parse(p.getProperty("created-at")), p.getProperty("schema-version"), rows,
				sequences);
	}

	private static List<String> list(String value) {
		return value == null || value.isBlank() ? List.of() : Arrays.asList(value.split(","));
	}

	/**
	 * Table and sequence names from a file are used in SQL: only plain identifiers pass.
	 */
	private static String plainName(String name) throws IOException {
		if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
			throw new IOException("not a plain table or sequence name in the backup: " + name);
		}
		return name;
	}

	private static String quote(String name) {
		return "\"" + name + "\"";
	}

	private static OutputStream unclosable(OutputStream out) {
		return new FilterOutputStream(out) {
			@Override
			public void write(byte[] b, int off, int len) throws IOException {
				this.out.write(b, off, len);
			}

			@Override
			public void close() throws IOException {
				flush();
			}
		};
	}

}
