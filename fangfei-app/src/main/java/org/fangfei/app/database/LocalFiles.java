package org.fangfei.app.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Files and directories of the local installation that only their owner may read. */
final class LocalFiles {

	private LocalFiles() {
	}

	/**
	 * Mode 600 for a file, 700 for a directory. On a file system without POSIX modes the
	 * operator protects the directory instead (docs/operations.md).
	 */
	static void restrictToOwner(Path path) {
		try {
			Files.setPosixFilePermissions(path,
					PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwx------" : "rw-------"));
		}
		catch (UnsupportedOperationException | IOException ex) {
			// not a POSIX file system
		}
	}

}
