package org.fangfei.app.clue;

import java.util.Locale;
import java.util.Optional;

/**
 * The file types a clue may carry, recognised by their first bytes rather than by the
 * name: a renamed executable is refused whatever it is called.
 */
final class AttachmentTypes {

	private AttachmentTypes() {
	}

	static Optional<String> detect(byte[] bytes, String fileName) {
		String name = fileName.toLowerCase(Locale.ROOT);
		if (starts(bytes, 0xFF, 0xD8, 0xFF)) {
			return Optional.of("image/jpeg");
		}
		if (starts(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return Optional.of("image/png");
		}
		if (starts(bytes, '%', 'P', 'D', 'F', '-')) {
			return Optional.of("application/pdf");
		}
		if (starts(bytes, 'P', 'K', 3, 4)) {
			if (name.endsWith(".docx")) {
				return Optional.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
			}
			if (name.endsWith(".xlsx")) {
				return Optional.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
			}
			return Optional.empty();
		}
		if (starts(bytes, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
			if (name.endsWith(".doc")) {
				return Optional.of("application/msword");
			}
			if (name.endsWith(".xls")) {
				return Optional.of("application/vnd.ms-excel");
			}
		}
		return Optional.empty();
	}

	private static boolean starts(byte[] bytes, int... magic) {
		if (bytes.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((bytes[i] & 0xFF) != magic[i]) {
				return false;
			}
		}
		return true;
	}

}
