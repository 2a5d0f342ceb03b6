package org.fangfei.app.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Released migrations never change (issue 13): a county's database remembers the checksum
 * of every migration it applied, and Flyway refuses to start when a file differs — or,
 * worse, a fix edited into an old file never reaches a database that already applied it.
 * {@code released-migrations.sha256} holds the digest of every versioned migration; a
 * change to one fails here, and a new one must be added to the list in the commit that
 * adds it.
 */
class MigrationChecksumTests {

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	private static final Path RELEASED = Path.of("src/test/resources/db/released-migrations.sha256");

	@Test
	void noReleasedMigrationChangesAndEveryMigrationIsListed() throws IOException {
		Map<String, String> released = released();
		Map<String, String> present = present();
		assertThat(present)
			.as("migrations on disk against %s: an edited released migration must be undone and its fix "
					+ "written as a new migration; a new migration is added to the list", RELEASED)
			.containsExactlyInAnyOrderEntriesOf(released);
	}

	@Test
	void theDigestReadsLineEndingsAlike() {
		assertThat(digest("select 1;\r\nselect 2;\n")).isEqualTo(digest("select 1;\nselect 2;\n"))
			.isEqualTo(digest("\ufeffselect 1;\nselect 2;\n"))
			.isNotEqualTo(digest("select 1;\nselect 3;\n"));
	}

	private static Map<String, String> released() throws IOException {
		Map<String, String> released = new LinkedHashMap<>();
		for (String line : Files.readAllLines(RELEASED, StandardCharsets.UTF_8)) {
			if (!line.isBlank() && !line.startsWith("#")) {
				String[] parts = line.trim().split("\\s+");
				released.put(parts[1], parts[0]);
			}
		}
		return released;
	}

	private static Map<String, String> present() throws IOException {
		Map<String, String> present = new TreeMap<>();
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			for (Path file : files.filter(f -> f.getFileName().toString().matches("V[0-9]+__.*\\.sql")).toList()) {
				present.put(file.getFileName().toString(), digest(Files.readString(file, StandardCharsets.UTF_8)));
			}
		}
		return present;
	}

	static String digest(String text) {
		String normalised = (text.startsWith("\ufeff") ? text.substring(1) : text).replace("\r\n", "\n");
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
