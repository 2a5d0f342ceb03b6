package org.fangfei.app.shared;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Iterator;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.stereotype.Component;

/**
 * Bulk writes through PostgreSQL's {@code COPY … FROM STDIN} on the current transaction's
 * connection: for registers of hundreds of thousands of rows, where inserts cost twice as
 * much (docs/performance.md). Rows are written in PostgreSQL's text format by
 * {@link Rows}; the caller may prepare the next chunk while this one is sent.
 */
@Component
public class BulkCopy {

	private static final SQLStateSQLExceptionTranslator TRANSLATOR = new SQLStateSQLExceptionTranslator();

	private final DataSource dataSource;

	public BulkCopy(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Copies the chunks, in order, into {@code table (columns)}; returns the rows
	 * written. Must run inside a transaction: the rows commit or roll back with it.
	 */
	public long copy(String table, String columns, Iterator<Rows> chunks) {
		Connection c = DataSourceUtils.getConnection(this.dataSource);
		org.postgresql.copy.CopyIn in = null;
		try {
			in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " (" + columns + ") from stdin");
			while (chunks.hasNext()) {
				Rows rows = chunks.next();
				byte[] bytes = rows.text.toString().getBytes(StandardCharsets.UTF_8);
				in.writeToCopy(bytes, 0, bytes.length);
			}
			return in.endCopy();
		}
		catch (SQLException ex) {
			// a unique index refusing a row comes back as DuplicateKeyException
			throw TRANSLATOR.translate("COPY into " + table, null, ex);
		}
		finally {
			if (in != null && in.isActive()) {
				try {
					in.cancelCopy();
				}
				catch (SQLException ignored) {
					// the transaction rolls back anyway
				}
			}
			DataSourceUtils.releaseConnection(c, this.dataSource);
		}
	}

	/** Rows in COPY's text format: fields separated by tabs, {@code \N} for null. */
	public static final class Rows {

		private final StringBuilder text;

		private boolean lineStart = true;

		public Rows(int expectedRows) {
			this.text = new StringBuilder(expectedRows * 256);
		}

		public Rows add(long value) {
			separate();
			this.text.append(value);
			return this;
		}

		public Rows add(String value) {
			separate();
			if (value == null) {
				this.text.append("\\N");
				return this;
			}
			for (int i = 0; i < value.length(); i++) {
				char ch = value.charAt(i);
				switch (ch) {
					case '\\' -> this.text.append("\\\\");
					case '\t' -> this.text.append("\\t");
					case '\n' -> this.text.append("\\n");
					case '\r' -> this.text.append("\\r");
					default -> this.text.append(ch);
				}
			}
			return this;
		}

		public Rows add(byte[] value) {
			separate();
			if (value == null) {
				this.text.append("\\N");
				return this;
			}
			// bytea's hex input, its backslash escaped for COPY
			this.text.append("\\\\x");
			HexFormat.of().formatHex(this.text, value);
			return this;
		}

		public Rows end() {
			this.text.append('\n');
			this.lineStart = true;
			return this;
		}

		private void separate() {
			if (!this.lineStart) {
				this.text.append('\t');
			}
			this.lineStart = false;
		}

	}

}
