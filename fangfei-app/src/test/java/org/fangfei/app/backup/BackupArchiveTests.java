package org.fangfei.app.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A file handed to {@code --fangfei.restore} is read only as the backup it claims to be:
 * anything else is refused before a single statement runs, and names from the file never
 * reach SQL unless they are plain identifiers.
 */
class BackupArchiveTests {

	@TempDir
	Path temp;

	@Test
	void aZipWithoutManifestIsNotABackup() throws IOException {
		Path file = zip("other.zip", "data/clue.copy", "1\tx\n");
		assertThatThrownBy(() -> BackupArchive.manifest(file)).isInstanceOf(IOException.class)
			.hasMessageContaining("not a Fangfei backup");
	}

	@Test
	void aFileThatIsNoZipAtAllIsRefused() throws IOException {
		Path file = Files.writeString(this.temp.resolve("text.zip"), "not a zip", StandardCharsets.UTF_8);
		assertThatThrownBy(() -> BackupArchive.manifest(file)).isInstanceOf(IOException.class);
	}

	@Test
	void anUnknownFormatIsRefused() throws IOException {
		Path file = zip("future.zip", "manifest.properties", "format=2\n");
		assertThatThrownBy(() -> BackupArchive.manifest(file)).isInstanceOf(IOException.class)
			.hasMessageContaining("unknown backup format 2");
	}

	@Test
	void aTableNameThatIsNotAPlainIdentifierNeverReachesSql() throws IOException {
		Path file = zip("forged.zip", "manifest.properties", """
				format=1
				created-at=2026-12-07T02:30:00+08:00
				schema-version=23
				tables=clue;drop table audit_log
				rows.clue;drop\\ table\\ audit_log=1
				""");
		assertThatThrownBy(() -> BackupArchive.manifest(file)).isInstanceOf(IOException.class)
			.hasMessageContaining("not a plain table or sequence name");
	}

	@Test
	void aWellFormedManifestReadsBack() throws IOException {
		Path file = zip("good.zip", "manifest.properties", """
				format=1
				created-at=2026-12-07T02:30:00+08:00
				schema-version=23
				tables=clue,clue_event
				rows.clue=2
				rows.clue_event=5
				sequences=clue_id_seq
				sequence.clue_id_seq=9
				""");
		BackupArchive.Manifest manifest = BackupArchive.manifest(file);
		assertThat(manifest.schemaVersion()).isEqualTo("23");
		assertThat(manifest.rows()).containsEntry("clue", 2L).containsEntry("clue_event", 5L);
		assertThat(manifest.totalRows()).isEqualTo(7);
		assertThat(manifest.sequences()).containsEntry("clue_id_seq", 9L);
	}

	private Path zip(String name, String entry, String content) throws IOException {
		Path file = this.temp.resolve(name);
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			zip.putNextEntry(new ZipEntry(entry));
			zip.write(content.getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return file;
	}

}
