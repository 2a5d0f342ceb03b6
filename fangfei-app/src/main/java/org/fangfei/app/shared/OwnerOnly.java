package org.fangfei.app.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files and folders of the installation only their owner may read: the local secrets, the
 * embedded database's data directory and password file, backups. On a file system without
 * POSIX modes the operator protects the folder instead (docs/operations.md).
 */
public final class OwnerOnly {

	private OwnerOnly() {
	}

	/** Mode 600 for a file, 700 for a folder. */
	public static void restrict(Path path) {
		try {
			Files.setPosixFilePermissions(path,
					PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwx------" : "rw-------"));
		}
		catch (UnsupportedOperationException | IOException ex) {
			// not a POSIX file system, or a folder the operator manages
		}
	}

	/** A new empty file, created with mode 600 so that it is never readable by others. */
	public static Path createFile(Path file) throws IOException {
		try {
			return Files.createFile(file,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException ex) {
			return Files.createFile(file);
		}
	}

}
