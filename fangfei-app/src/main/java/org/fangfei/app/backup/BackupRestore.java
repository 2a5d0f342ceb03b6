package org.fangfei.app.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Restores a backup at start-up: {@code --fangfei.restore=FILE} on an instance whose
 * database is empty (a new data directory, or a new external database). The migrations
 * build the schema up to the backup's version, every table is loaded in one transaction
 * as the schema owner, and the remaining migrations of this release run on the restored
 * data; then the instance starts as usual. A database that already holds a schema is
 * refused, so a restore can never mix with or overwrite live data.
 */
@Configuration(proxyBeanMethods = false)
class BackupRestore {

	private static final Logger log = LoggerFactory.getLogger(BackupRestore.class);

	@Bean
	FlywayMigrationStrategy migrateOrRestore(@Value("${fangfei.restore:}") String restore) {
		return flyway -> {
			if (!restore.isBlank()) {
				restore(flyway, Path.of(restore));
			}
			flyway.migrate();
		};
	}

	private static void restore(Flyway flyway, Path file) {
		if (!Files.isReadable(file)) {
			throw new IllegalStateException("恢复失败：备份文件不存在或不可读 / The backup file cannot be read: " + file);
		}
		if (flyway.info().applied().length > 0) {
			throw new IllegalStateException("恢复失败：数据库不是空的，恢复只能在新的数据目录或空数据库上进行 / "
					+ "Restore refused: the database is not empty; restore into a new data directory or an empty database");
		}
		try {
			BackupArchive.Manifest manifest = BackupArchive.manifest(file);
			MigrationVersion version = MigrationVersion.fromVersion(manifest.schemaVersion());
			log.info("Restoring {} (made {}, schema version {}, {} rows)", file, manifest.createdAt(), version,
					manifest.totalRows());
			Flyway.configure().configuration(flyway.getConfiguration()).target(version).load().migrate();
			try (Connection c = flyway.getConfiguration().getDataSource().getConnection()) {
				c.setAutoCommit(false);
				try {
					BackupArchive.load(c, file);
					c.commit();
				}
				catch (IOException | SQLException | RuntimeException ex) {
					c.rollback();
					throw ex;
				}
			}
			log.info("Restored {}: {} tables, {} rows", file, manifest.rows().size(), manifest.totalRows());
		}
		catch (IOException | SQLException ex) {
			throw new IllegalStateException("恢复失败 / The restore failed: " + ex.getMessage(), ex);
		}
	}

}
